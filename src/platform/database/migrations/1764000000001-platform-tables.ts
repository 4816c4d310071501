import { MigrationInterface, QueryRunner } from 'typeorm';

/** Checkpoints of the projection runners, and stored answers for Idempotency-Key. */
export class PlatformTables1764000000001 implements MigrationInterface {
  name = 'PlatformTables1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        checkpoint text,
        definition_hash text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        principal text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status integer,
        headers jsonb,
        body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE projection_checkpoints`);
  }
}
