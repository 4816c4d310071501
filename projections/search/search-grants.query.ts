/**
 * 'Bevillinger' (issue 5): grants and supplementary grants together on `search_cases` (R16, D10),
 * never those 'Lukket bevilling (ej brugt)' (D7, R18), with filters (R6, R8, D13), sorting on
 * every column (R10, R17) and a link to each case (R32).
 */
import { DataSource } from 'typeorm';
import { grantLink } from '../../src/cases/grants/grant.case';
import { supplementaryGrantLink } from '../../src/cases/supplementary-grants/supplementary-grant.case';
import { Principal } from '../../src/platform/auth/principal';
import { SCHEMES, SCHEME_CODES, Scheme } from '../../src/registries/schemes';
import { GRANT_STATUSES, GrantStatus } from '../../src/registries/statuses';
import { SUPPLEMENTARY_GRANT_TYPES, SupplementaryGrantType } from '../../src/registries/supplementary-grant-types';
import { Conditions, PageRequest, isoInstant } from '../shared/paged-list';
import { ExtendedFilters, SortOrder, SortWhitelist, extendedFilters, labelSql, orderBy, refuseHiddenSort, scopedSearch, searchList } from './search-query';

/** R18, D7: 'closed-unused' is no filter value and never listed. */
export const SEARCH_GRANT_STATUSES = (Object.keys(GRANT_STATUSES) as GrantStatus[]).filter((s) => s !== 'closed-unused');
export type SearchGrantStatus = Exclude<GrantStatus, 'closed-unused'>;
/** 'Tillægsbevilling' filter values (R17), plus `none` for plain grants. */
export const SEARCH_SUPPLEMENTARY_TYPES = [...(Object.keys(SUPPLEMENTARY_GRANT_TYPES) as SupplementaryGrantType[]), 'none'] as const;
export type SearchSupplementaryType = (typeof SEARCH_SUPPLEMENTARY_TYPES)[number];

const label = (registry: Record<string, { label: string }>) => Object.fromEntries(Object.entries(registry).map(([k, v]) => [k, v.label]));

/** The sort whitelist: API column → SQL expression. Scheme, status and type sort on their Danish labels. */
export const SEARCH_GRANT_SORTS = {
  scheme: labelSql('scheme', label(SCHEMES)),
  status: labelSql('status', GRANT_STATUSES),
  supplementaryGrantType: labelSql('supplementary_grant_type', label(SUPPLEMENTARY_GRANT_TYPES)),
  periodStart: 'period_start',
  periodEnd: 'period_end',
  createdAt: 'created_at',
  approvedDate: 'approved_date',
  hoursPerWeek: 'hours_per_week',
} as const satisfies SortWhitelist<string>;
export type SearchGrantSort = keyof typeof SEARCH_GRANT_SORTS;
export const SEARCH_GRANT_SORT_KEYS = Object.keys(SEARCH_GRANT_SORTS) as SearchGrantSort[];

export interface SearchGrantsQuery extends PageRequest, ExtendedFilters {
  scheme?: Scheme[];
  supplementaryGrantType?: SearchSupplementaryType[];
  status?: SearchGrantStatus[];
  sort?: SearchGrantSort;
  order?: SortOrder;
}

interface Row {
  case_type: 'grant' | 'supplementary-grant';
  case_id: string;
  scheme: string | null;
  supplementary_grant_type: string | null;
  status: string;
  jobcentre: string;
  company_cvr: string;
  p_number: string;
  citizen_cpr: string | null;
  period_start: string | null;
  period_end: string | null;
  hours_per_week: string | null;
  responsible_caseworker: string | null;
  created_at: string;
  approved_date: string | null;
}

const SELECT = `case_type, case_id, scheme, supplementary_grant_type, status, jobcentre, company_cvr, p_number, citizen_cpr,
  period_start::text AS period_start, period_end::text AS period_end, hours_per_week::text AS hours_per_week, responsible_caseworker,
  to_jsonb(created_at) #>> '{}' AS created_at, approved_date::text AS approved_date`;

const COMPENSATING = SCHEME_CODES.filter((s) => SCHEMES[s].compensating);

function filters(principal: Principal, q: SearchGrantsQuery): Conditions {
  const where = scopedSearch(principal, new Conditions(), 'Bevillinger')
    .add(() => `case_type IN ('grant', 'supplementary-grant')`)
    .add(() => `status <> 'closed-unused'`) // D7, R18
    .anyOf('scheme', q.scheme) // R3: a supplementary grant carries its parent's scheme
    .anyOf('status', q.status);
  const types = q.supplementaryGrantType;
  if (types?.length) {
    const real = types.filter((t) => t !== 'none');
    const none = types.includes('none');
    where.add((p) => [...(real.length ? [`supplementary_grant_type = ANY(${p(real)})`] : []), ...(none ? ['supplementary_grant_type IS NULL'] : [])].join(' OR '));
  }
  return extendedFilters(where, q, COMPENSATING);
}

export async function searchGrants(db: DataSource, principal: Principal, q: SearchGrantsQuery) {
  const isCompany = principal.role === 'company';
  refuseHiddenSort(principal, q.sort); // R10
  const where = filters(principal, q);
  const order = orderBy(SEARCH_GRANT_SORTS, q.sort ?? 'createdAt', q.order ?? (q.sort ? 'asc' : 'desc'));
  return searchList<Row, Record<string, unknown>>(db, SELECT, where, order, q, (r) => ({
    caseType: r.case_type,
    id: r.case_id,
    scheme: r.scheme,
    schemeLabel: r.scheme === null ? null : (SCHEMES[r.scheme as Scheme]?.label ?? r.scheme),
    supplementaryGrantType: r.supplementary_grant_type,
    supplementaryGrantTypeLabel: r.supplementary_grant_type === null ? null : (SUPPLEMENTARY_GRANT_TYPES[r.supplementary_grant_type as SupplementaryGrantType]?.label ?? r.supplementary_grant_type),
    status: r.status,
    statusLabel: GRANT_STATUSES[r.status as GrantStatus] ?? r.status,
    jobcentre: r.jobcentre,
    company: { cvr: r.company_cvr, pNumber: r.p_number },
    cpr: r.citizen_cpr,
    period: { start: r.period_start, end: r.period_end },
    hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
    responsibleCaseworker: r.responsible_caseworker,
    createdAt: isoInstant(r.created_at),
    ...(isCompany ? {} : { approvedDate: r.approved_date }), // R10: never a key for a company
    links: { self: r.case_type === 'supplementary-grant' ? supplementaryGrantLink(r.case_id) : grantLink(r.case_id) },
  }));
}
