import { MigrationInterface, QueryRunner } from 'typeorm';

/** Uploaded files (D12): content-addressed, immutable. */
export class Blobs1764000000003 implements MigrationInterface {
  name = 'Blobs1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE blobs (
        sha256 text PRIMARY KEY,
        content bytea NOT NULL,
        size bigint NOT NULL,
        content_type text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION blobs_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'stored files are never changed or deleted (D12)'; END $$`);
    await q.query(`CREATE TRIGGER blobs_immutable BEFORE UPDATE OR DELETE ON blobs FOR EACH ROW EXECUTE FUNCTION blobs_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE blobs`);
    await q.query(`DROP FUNCTION blobs_immutable`);
  }
}
