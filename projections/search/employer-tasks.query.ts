/**
 * The employer task list (R34, R35, D21) on the search read model (D10): the newest cases awaiting
 * the company, supplementary grants included, with the total and `truncated` when there are more.
 */
import { DataSource } from 'typeorm';
import { Principal } from '../../src/platform/auth/principal';
import { ForbiddenError } from '../../src/platform/http/problems';
import { SCHEMES, Scheme } from '../../src/registries/schemes';
import { GRANT_STATUSES, GrantStatus } from '../../src/registries/statuses';
import { SUPPLEMENTARY_GRANT_TYPES, SupplementaryGrantType } from '../../src/registries/supplementary-grant-types';
import { isoInstant } from '../shared/paged-list';
import { SEARCH_CASE_TYPES } from './search-case-types';
import { SearchRow } from './search-row';

export interface EmployerTask {
  caseType: SearchRow['case_type'];
  id: string;
  scheme: string | null;
  schemeLabel: string | null;
  supplementaryGrantType: string | null;
  supplementaryGrantTypeLabel: string | null;
  status: string;
  statusLabel: string;
  since: string | null;
  links: { self: string };
}

const selfLink = (r: Pick<SearchRow, 'case_type' | 'case_id'>) => SEARCH_CASE_TYPES[r.case_type].link(r.case_id);

/**
 * `employer_task_since` is set only while a grant or supplementary grant awaits the company (R64),
 * so a closed-unused supplementary grant is never a task (D7). Newest first, then by case id.
 */
export async function listEmployerTasks(db: DataSource, principal: Principal, cap: number, limit?: number): Promise<{ totalCount: number; truncated: boolean; items: EmployerTask[] }> {
  if (principal.role !== 'company') throw new ForbiddenError(`A ${principal.role} has no employer task list (R34)`);
  const take = Math.min(limit ?? cap, cap);
  const where = `WHERE company_cvr = $1 AND employer_task_since IS NOT NULL`;
  const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM search_cases ${where}`, [principal.org]);
  const rows: SearchRow[] = await db.query(
    `SELECT case_id, case_type, scheme, supplementary_grant_type, status, to_jsonb(employer_task_since) #>> '{}' AS employer_task_since
       FROM search_cases ${where} ORDER BY employer_task_since DESC, case_id DESC LIMIT $2`,
    [principal.org, take],
  );
  return {
    totalCount: total as number,
    truncated: total > rows.length,
    items: rows.map((r) => ({
      caseType: r.case_type,
      id: r.case_id,
      scheme: r.scheme,
      schemeLabel: r.scheme === null ? null : (SCHEMES[r.scheme as Scheme]?.label ?? r.scheme),
      supplementaryGrantType: r.supplementary_grant_type,
      supplementaryGrantTypeLabel: r.supplementary_grant_type === null ? null : (SUPPLEMENTARY_GRANT_TYPES[r.supplementary_grant_type as SupplementaryGrantType]?.label ?? r.supplementary_grant_type),
      status: r.status,
      statusLabel: GRANT_STATUSES[r.status as GrantStatus] ?? r.status,
      since: isoInstant(r.employer_task_since),
      links: { self: selfLink(r) },
    })),
  };
}
