import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Excel exports run as background jobs above the streaming threshold (issue 6, D11): the job
 * (who asked, for which list and query, its progress and lease) and its file, stored in chunks
 * under the key of the attempt that wrote it. An attempt's chunks are only a file once the job
 * is 'done' and names that key; the chunks of any other attempt are temporary and are deleted.
 * Unlike `blobs` (D12), export files expire and are deleted.
 */
export class ExportJobs1764000000006 implements MigrationInterface {
  name = 'ExportJobs1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE export_jobs (
        id uuid PRIMARY KEY,
        owner_user_id text NOT NULL,
        owner_role text NOT NULL,
        owner_org text NOT NULL,
        principal jsonb NOT NULL,
        list_id text NOT NULL,
        query jsonb NOT NULL,
        today date NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'expired')),
        rows_total integer NOT NULL DEFAULT 0,
        rows_written integer NOT NULL DEFAULT 0,
        error text,
        attempts integer NOT NULL DEFAULT 0,
        run_id uuid,
        lease_until timestamptz,
        file_key text,
        file_bytes bigint,
        file_chunks integer,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz,
        expires_at timestamptz,
        CHECK (status <> 'done' OR (file_key IS NOT NULL AND expires_at IS NOT NULL)),
        CHECK (status <> 'running' OR (run_id IS NOT NULL AND lease_until IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX export_jobs_open_by_owner_idx ON export_jobs (owner_user_id) WHERE status IN ('queued', 'running')`);
    await q.query(`CREATE INDEX export_jobs_open_idx ON export_jobs (created_at) WHERE status IN ('queued', 'running')`);
    await q.query(`CREATE INDEX export_jobs_expiry_idx ON export_jobs (expires_at) WHERE status = 'done'`);
    await q.query(`
      CREATE TABLE export_file_chunks (
        file_key text NOT NULL,
        seq integer NOT NULL,
        content bytea NOT NULL,
        PRIMARY KEY (file_key, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE export_file_chunks`);
    await q.query(`DROP TABLE export_jobs`);
  }
}
