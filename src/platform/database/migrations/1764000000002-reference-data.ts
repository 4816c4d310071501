import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data imported from the national registers (job centres, CVR companies and their
 * P-units, CPR citizens with their DFDG assignment to an Anden Aktør). Master data, not case
 * history: plain tables that an import overwrites, never events.
 */
export class ReferenceData1764000000002 implements MigrationInterface {
  name = 'ReferenceData1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE jobcentres (
        number text PRIMARY KEY,
        name text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE companies (
        cvr text PRIMARY KEY,
        name text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE p_units (
        p_number text PRIMARY KEY,
        cvr text NOT NULL REFERENCES companies (cvr),
        name text NOT NULL,
        address text,
        has_employee_representative boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // R59: a company's P-units are listed by name then P-number; this index serves that order.
    await q.query(`CREATE INDEX p_units_cvr_name_p_number ON p_units (cvr, name, p_number)`);
    await q.query(`
      CREATE TABLE citizens (
        cpr text PRIMARY KEY,
        first_name text NOT NULL,
        last_name text NOT NULL,
        assigned_aa text NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // R12/R13: what an AA may see is looked up by its assignment.
    await q.query(`CREATE INDEX citizens_assigned_aa ON citizens (assigned_aa)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE citizens`);
    await q.query(`DROP TABLE p_units`);
    await q.query(`DROP TABLE companies`);
    await q.query(`DROP TABLE jobcentres`);
  }
}
