import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemError } from '../platform/http/problems';

export interface Jobcentre {
  number: string;
  name: string;
  updatedAt: string;
}

export interface Company {
  cvr: string;
  name: string;
  updatedAt: string;
}

/** A P-unit ('P-enhed'): a physical workplace of a company. */
export interface PUnit {
  pNumber: string;
  cvr: string;
  name: string;
  address: string | null;
  /** D23: the P-unit has an employee representative ('medarbejder-rep'). */
  hasEmployeeRepresentative: boolean;
  updatedAt: string;
}

export interface Citizen {
  cpr: string;
  firstName: string;
  lastName: string;
  updatedAt: string;
}

/** Where a command's body names the company and P-unit, so a refusal points at the right field. */
export interface PUnitFields {
  cvr: string;
  pNumber: string;
}

const TIMESTAMP = `to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
export const SELECT_JOBCENTRE = `SELECT number, name, ${TIMESTAMP} AS "updatedAt" FROM jobcentres`;
export const SELECT_COMPANY = `SELECT cvr, name, ${TIMESTAMP} AS "updatedAt" FROM companies`;
export const SELECT_P_UNIT = `SELECT p_number AS "pNumber", cvr, name, address, has_employee_representative AS "hasEmployeeRepresentative", ${TIMESTAMP} AS "updatedAt" FROM p_units`;
export const SELECT_CITIZEN = `SELECT cpr, first_name AS "firstName", last_name AS "lastName", ${TIMESTAMP} AS "updatedAt" FROM citizens`;

/**
 * Lookups of the imported reference data for command handlers and queries. Answers are
 * read at call time (no cache): an import is visible to the next command.
 */
@Injectable()
export class ReferenceData {
  constructor(private readonly db: DataSource) {}

  jobcentre(number: string): Promise<Jobcentre | null> {
    return this.one(`${SELECT_JOBCENTRE} WHERE number = $1`, number);
  }

  company(cvr: string): Promise<Company | null> {
    return this.one(`${SELECT_COMPANY} WHERE cvr = $1`, cvr);
  }

  pUnit(pNumber: string): Promise<PUnit | null> {
    return this.one(`${SELECT_P_UNIT} WHERE p_number = $1`, pNumber);
  }

  citizen(cpr: string): Promise<Citizen | null> {
    return this.one(`${SELECT_CITIZEN} WHERE cpr = $1`, cpr);
  }

  /**
   * The P-unit, when the company exists and owns it; otherwise a 400 naming the field
   * (the company or P-unit a command refers to is input, not the resource of the URL).
   */
  async requirePUnitOfCompany(cvr: string, pNumber: string, fields: PUnitFields = { cvr: 'company.cvr', pNumber: 'company.pNumber' }): Promise<PUnit> {
    const [company, pUnit] = await Promise.all([this.company(cvr), this.pUnit(pNumber)]);
    if (!company) throw new ProblemError('validation', `No company with CVR ${cvr} is known`, 'unknown-company', fields.cvr, { cvr });
    if (!pUnit) throw new ProblemError('validation', `No P-unit with P-number ${pNumber} is known`, 'unknown-p-unit', fields.pNumber, { pNumber });
    if (pUnit.cvr !== cvr) {
      throw new ProblemError('validation', `P-unit ${pNumber} belongs to another company than CVR ${cvr}`, 'p-unit-of-other-company', fields.pNumber, { cvr, pNumber });
    }
    return pUnit;
  }

  private async one<T>(sql: string, id: string): Promise<T | null> {
    const rows: T[] = await this.db.query(sql, [id]);
    return rows[0] ?? null;
  }
}
