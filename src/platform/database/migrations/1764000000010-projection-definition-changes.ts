import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11: a published projection (the DFDG outbox) is never rebuilt when its definition
 * changes; the change applies from the checkpoint it is recorded at, and this table is that
 * record, so an auditor can tell which messages were made under which definition.
 */
export class ProjectionDefinitionChanges1764000000010 implements MigrationInterface {
  name = 'ProjectionDefinitionChanges1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_definition_changes (
        id bigserial PRIMARY KEY,
        name text NOT NULL,
        from_hash text NOT NULL,
        to_hash text NOT NULL,
        from_checkpoint text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projection_definition_changes`);
  }
}
