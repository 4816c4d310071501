import { DataSource } from 'typeorm';
import { AA_ASSIGNMENTS_TABLE } from '../../../projections/aa-assignments/aa-assignments.projection';
import { Principal } from '../../platform/auth/principal';
import { ForbiddenError, ProblemError } from '../../platform/http/problems';
import { Citizen, Company, Jobcentre, PUnit, SELECT_CITIZEN, SELECT_COMPANY, SELECT_JOBCENTRE, SELECT_P_UNIT } from '../reference-data.service';
import { SearchPageDto } from './lookup.dtos';

export interface Page<T> {
  totalCount: number;
  page: number;
  pageSize: number;
  items: T[];
}

/** The search text as a LIKE pattern that matches it literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** `select` is the SELECT_* constant of `table`; `orderBy` must end in the key, so the order is total. */
async function paged<T>(db: DataSource, table: string, select: string, where: string[], params: unknown[], orderBy: string, q: SearchPageDto): Promise<Page<T>> {
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM ${table} ${clause}`, params);
  const items: T[] = await db.query(`${select} ${clause} ORDER BY ${orderBy} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
    ...params,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  ]);
  return { totalCount: total as number, page: q.page, pageSize: q.pageSize, items };
}

/** Job centres by name; the search matches a number prefix or any part of the name. */
export function listJobcentres(db: DataSource, q: SearchPageDto): Promise<Page<Jobcentre>> {
  const search = q.query?.trim();
  if (!search) return paged(db, 'jobcentres', SELECT_JOBCENTRE, [], [], 'name, number', q);
  return paged(db, 'jobcentres', SELECT_JOBCENTRE, [`(number LIKE $1::text || '%' OR name ILIKE '%' || $1::text || '%')`], [literal(search)], 'name, number', q);
}

/** Companies by name; the search matches a CVR prefix or any part of the name. A company sees only itself. */
export function listCompanies(db: DataSource, principal: Principal, q: SearchPageDto): Promise<Page<Company>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (principal.role === 'company') {
    params.push(principal.org);
    where.push(`cvr = $${params.length}`);
  }
  const search = q.query?.trim();
  if (search) {
    params.push(literal(search));
    where.push(`(cvr LIKE $${params.length}::text || '%' OR name ILIKE '%' || $${params.length}::text || '%')`);
  }
  return paged(db, 'companies', SELECT_COMPANY, where, params, 'name, cvr', q);
}

/**
 * R59: a company's P-units in one total order (name, then the unique P-number), so paging
 * through them yields each exactly once and never starts over. The search matches a
 * P-number prefix or any part of the name or address.
 */
export async function listPUnits(db: DataSource, principal: Principal, cvr: string, q: SearchPageDto): Promise<Page<PUnit>> {
  if (principal.role === 'company' && principal.org !== cvr) throw new ForbiddenError('A company may only list its own P-units');
  const [company] = await db.query(`SELECT 1 FROM companies WHERE cvr = $1`, [cvr]);
  if (!company) throw new ProblemError('not-found', `No company with CVR ${cvr} is known`, 'not-found', 'cvr');
  const search = q.query?.trim();
  const where = ['cvr = $1'];
  const params: unknown[] = [cvr];
  if (search) {
    params.push(literal(search));
    where.push(`(p_number LIKE $2::text || '%' OR name ILIKE '%' || $2::text || '%' OR address ILIKE '%' || $2::text || '%')`);
  }
  return paged(db, 'p_units', SELECT_P_UNIT, where, params, 'name, p_number', q);
}

/**
 * R12/R13: an AA sees a citizen only while some job centre has the citizen assigned to it in DFDG
 * (the `aa_assignments` read model of the assignment events) and that job centre owns a case of
 * the citizen (issue 10): a case system cannot reveal a name by assigning a citizen it has no
 * case for. Otherwise the answer is the same 404 as for an unknown CPR, so the AA learns nothing.
 */
export async function findCitizen(db: DataSource, principal: Principal, cpr: string): Promise<Citizen> {
  const rows: Citizen[] =
    principal.role === 'anden-aktoer'
      ? await db.query(
          `${SELECT_CITIZEN} WHERE cpr = $1 AND EXISTS (
             SELECT 1 FROM ${AA_ASSIGNMENTS_TABLE} a JOIN search_cases s ON s.citizen_cpr = a.cpr AND s.jobcentre = a.jobcentre
             WHERE a.aa_id = $2 AND a.cpr = $1 AND a.assigned)`,
          [cpr, principal.org],
        )
      : await db.query(`${SELECT_CITIZEN} WHERE cpr = $1`, [cpr]);
  if (!rows[0]) throw new ProblemError('not-found', 'No such citizen', 'not-found', 'cpr');
  return rows[0];
}
