import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files stream in and out in chunks (issue 11) and only join the store once an event names them.
 *
 * - `blob_chunks`: a file's bytes in 1 MiB rows under a storage id (no compression: most uploads
 *   are already compressed). Chunks of a stored file can never be changed or deleted (D12, like
 *   `blobs`); chunks of a staged upload can, and chunks are only ever added to a staged upload.
 * - `blob_staging`: uploads not (yet) named by an event: the upload in flight, or done and waiting
 *   for its command. The command's success moves the row into `blobs` (the chunks stay where they
 *   are); a refusal deletes it; the sweep deletes those left behind (ATTACHMENT_STAGING_TTL_MS).
 * - `blobs` rows made before this keep their bytes in `content`; new rows name a storage id instead.
 */
export class BlobChunks1764000000013 implements MigrationInterface {
  name = 'BlobChunks1764000000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE blobs ALTER COLUMN content DROP NOT NULL`);
    await q.query(`ALTER TABLE blobs ADD COLUMN storage_id uuid UNIQUE, ADD COLUMN chunk_size integer`);
    await q.query(`ALTER TABLE blobs ADD CONSTRAINT blobs_content_or_chunks CHECK ((content IS NULL) = (storage_id IS NOT NULL) AND (storage_id IS NULL) = (chunk_size IS NULL))`);
    await q.query(`
      CREATE TABLE blob_staging (
        storage_id uuid PRIMARY KEY,
        sha256 text,
        size bigint,
        content_type text,
        chunk_size integer NOT NULL,
        stream_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        touched_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((sha256 IS NULL) = (size IS NULL) AND (sha256 IS NULL) = (content_type IS NULL))
      )`);
    await q.query(`CREATE INDEX blob_staging_touched_idx ON blob_staging (touched_at)`);
    await q.query(`
      CREATE TABLE blob_chunks (
        storage_id uuid NOT NULL,
        n integer NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (storage_id, n)
      )`);
    await q.query(`ALTER TABLE blob_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL`);
    await q.query(`
      CREATE FUNCTION blob_chunks_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' OR EXISTS (SELECT 1 FROM blobs WHERE storage_id = CASE WHEN TG_OP = 'INSERT' THEN NEW.storage_id ELSE OLD.storage_id END) THEN
          RAISE EXCEPTION 'stored files are never changed or deleted (D12)';
        END IF;
        RETURN CASE WHEN TG_OP = 'INSERT' THEN NEW ELSE OLD END;
      END $$`);
    await q.query(`CREATE TRIGGER blob_chunks_immutable BEFORE INSERT OR UPDATE OR DELETE ON blob_chunks FOR EACH ROW EXECUTE FUNCTION blob_chunks_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE blob_chunks`);
    await q.query(`DROP FUNCTION blob_chunks_immutable`);
    await q.query(`DROP TABLE blob_staging`);
    await q.query(`ALTER TABLE blobs DROP CONSTRAINT blobs_content_or_chunks, DROP COLUMN storage_id, DROP COLUMN chunk_size`);
  }
}
