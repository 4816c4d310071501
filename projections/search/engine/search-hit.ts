/**
 * What one search row looks like once selected for a caller (`SearchHit`), and the SQL that
 * selects it. Masking happens here, in SQL: for an AA, a citizen's CPR number and name are
 * selected only while the citizen is assigned ('udlagt') to it (R12), so a hidden value never
 * even reaches the process, let alone the payload, the sort order or a filter.
 */
import { SCHEMES_WITH_AA_MARKING } from '../../../src/registries/schemes';
import { sqlLiteral } from '../search-query';
import { SearchCaseType } from '../search-row';

export interface SearchHit {
  case_type: SearchCaseType;
  case_id: string;
  scheme: string | null;
  supplementary_grant_type: string | null;
  status: string;
  jobcentre: string;
  company_cvr: string;
  p_number: string;
  citizen_cpr: string | null;
  citizen_name: string | null;
  /** For an AA: whether the citizen is assigned to it now; null for every other role. */
  aa_assigned: boolean | null;
  aa_marking: boolean | null;
  hours_per_week: string | null;
  period_start: string | null;
  period_end: string | null;
  approved_date: string | null;
  received_date: string | null;
  cancelled_by_company_at: string | null;
  responsible_caseworker: string | null;
  created_at: string;
  review_due_date: string | null;
  ceased_date: string | null;
  cessation_reason: string | null;
}

/** An SQL expression per hit field: `sort` to order by, `select` to read (dates as text, instants as ISO). */
export type HitSql = Record<keyof SearchHit, { sort: string; select: string }>;

/**
 * Sorts name the table's column, never the bare name: ORDER BY a bare name that is also an output
 * alias sorts the selected text (`hours_per_week::text`: '9.5' after '37.0'), and an expression
 * over text can use no index.
 */
const column = (name: string) => `search_cases.${name}`;
const plain = (name: string) => ({ sort: column(name), select: name });
const date = (name: string) => ({ sort: column(name), select: `${name}::text` });
const instant = (name: string) => ({ sort: column(name), select: `to_jsonb(${name}) #>> '{}'` });
const expression = (sql: string) => ({ sort: sql, select: sql });

const CITIZEN_NAME = `(SELECT c.first_name || ' ' || c.last_name FROM citizens c WHERE c.cpr = search_cases.citizen_cpr)`;

const MARKED_SCHEMES = SCHEMES_WITH_AA_MARKING.map(sqlLiteral).join(', ');

/**
 * The hit's SQL for a caller. `aaParam` is, for an AA, the placeholder of its id that the scope
 * already binds in the WHERE clause (so the count query, which selects none of this, binds no
 * unused parameter); null for every other role.
 */
export function hitSql(aaParam: string | null): HitSql {
  // Issue 10: assigned by the job centre that owns the case, not by any job centre.
  const assigned = aaParam === null ? null : `EXISTS (SELECT 1 FROM aa_assignments x WHERE x.aa_id = ${aaParam} AND x.cpr = search_cases.citizen_cpr AND x.jobcentre = search_cases.jobcentre AND x.assigned)`;
  const masked = (expr: string) => (assigned === null ? expr : `(CASE WHEN ${assigned} THEN ${expr} END)`);
  const marking = assigned === null ? 'NULL::boolean' : `(case_type = 'grant' AND scheme IN (${MARKED_SCHEMES}) AND ${assigned})`;
  return {
    case_type: plain('case_type'),
    case_id: plain('case_id'),
    scheme: plain('scheme'),
    supplementary_grant_type: plain('supplementary_grant_type'),
    status: plain('status'),
    jobcentre: plain('jobcentre'),
    company_cvr: plain('company_cvr'),
    p_number: plain('p_number'),
    citizen_cpr: expression(masked(column('citizen_cpr'))),
    citizen_name: expression(masked(CITIZEN_NAME)),
    aa_assigned: expression(assigned ?? 'NULL::boolean'),
    aa_marking: expression(marking),
    hours_per_week: { sort: column('hours_per_week'), select: 'hours_per_week::text' },
    period_start: date('period_start'),
    period_end: date('period_end'),
    approved_date: date('approved_date'),
    received_date: date('received_date'),
    cancelled_by_company_at: instant('cancelled_by_company_at'),
    responsible_caseworker: plain('responsible_caseworker'),
    created_at: instant('created_at'),
    review_due_date: date('review_due_date'),
    ceased_date: date('ceased_date'),
    cessation_reason: plain('cessation_reason'),
  };
}

export function selectList(sql: HitSql): string {
  return Object.entries(sql).map(([field, e]) => `${e.select} AS ${field}`).join(', ');
}
