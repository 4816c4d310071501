import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DFDG's assignments of citizens to an Anden Aktør are events now (src/aa-assignments, read
 * model `aa_assignments`), so that what an AA may see follows their history (R12, R13). The
 * citizen import's column goes. Its values are not carried over: DFDG is their source, and
 * its next delivery to POST /api/dfdg/assignments records them, with their effective dates.
 */
export class DropCitizenAssignedAa1764000000005 implements MigrationInterface {
  name = 'DropCitizenAssignedAa1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS citizens_assigned_aa`);
    await q.query(`ALTER TABLE citizens DROP COLUMN IF EXISTS assigned_aa`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE citizens ADD COLUMN assigned_aa text NULL`);
    await q.query(`CREATE INDEX citizens_assigned_aa ON citizens (assigned_aa)`);
  }
}
