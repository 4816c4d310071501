/**
 * The random world of the search property tests (issue 5): few job centres, companies, citizens,
 * dates and instants, so that ties and NULLs are many; data sets shaped as the search projection
 * writes each case type; and random list queries that the list accepts.
 */
import fc from 'fast-check';
import { SearchColumnKey, visibleColumns } from '../../projections/search/engine/search-columns';
import { SEARCH_LISTS, SearchListDefinition, searchListById } from '../../projections/search/engine/search-lists';
import { SearchCaseType, SearchRow } from '../../projections/search/search-row';
import { Role } from '../../src/platform/auth/principal';
import { SCHEME_CODES } from '../../src/registries/schemes';
import { APPLICATION_STATUS_CODES, GRANT_STATUS_CODES, IGU_AGREEMENT_STATUS_CODES, OFFER_STATUS_CODES } from '../../src/registries/statuses';
import { SUPPLEMENTARY_GRANT_TYPE_CODES } from '../../src/registries/supplementary-grant-types';
import type { Query } from './search-oracle.e2e-support';
import { CitizenRow, SearchFixture, assignmentRow, searchRow } from './search.e2e-support';

export const JOBCENTRES = ['101', '147', '330'];
const COMPANY_UNITS: [string, string][] = [['11111111', '1111111101'], ['11111111', '1111111102'], ['22222222', '2222222201'], ['33333333', '3333333301']];
export const CITIZENS: CitizenRow[] = [
  { cpr: '0101800001', first_name: 'Anna', last_name: 'Hansen' },
  { cpr: '0202800002', first_name: 'Bo', last_name: 'Hansen' },
  { cpr: '0303800003', first_name: 'Anna', last_name: 'Jensen' },
  { cpr: '0404800004', first_name: 'Carl', last_name: 'Nielsen' },
  { cpr: '0505800005', first_name: 'Dorte', last_name: 'Berg' },
];
/** Cases of a citizen absent from `citizens`: no name, NULL in a name sort. */
export const CPRS = [...CITIZENS.map((c) => c.cpr), '0606800006'];
export const AAS = ['aa-1', 'aa-2'];
const CREATED = ['2025-01-01T08:00:00.000Z', '2025-01-01T08:00:00.000Z', '2025-02-01T09:30:00.000Z', '2025-03-01T10:00:00.000Z'];
const DATES = ['2025-01-01', '2025-02-01', '2025-02-01', '2025-04-15', '2025-06-30'];
/** Far from today either way, so the 'Forlængelser' cut (review due on or before today) never races the clock. */
const REVIEW_DUE = ['2020-05-01', '2021-01-01', '2040-01-01'];
const CASE_TYPES: SearchCaseType[] = ['application', 'offer', 'grant', 'supplementary-grant', 'igu-agreement'];
const STATUSES: Record<SearchCaseType, readonly string[]> = {
  application: APPLICATION_STATUS_CODES,
  offer: OFFER_STATUS_CODES,
  grant: [...GRANT_STATUS_CODES, 'active', 'active', 'terminated', 'closed'], // 'Forlængelser' and 'Ophør' get rows too
  'supplementary-grant': GRANT_STATUS_CODES,
  'igu-agreement': IGU_AGREEMENT_STATUS_CODES,
};

/** The roles with search lists, and the organisations each acts for (the last has no rows). */
export const LIST_ROLES = ['jobcentre', 'company', 'citizen', 'anden-aktoer', 'auditor'] as const;
export type ListRole = (typeof LIST_ROLES)[number];
export const ORGS: Record<ListRole, string[]> = {
  jobcentre: [...JOBCENTRES, '999'],
  company: [...new Set(COMPANY_UNITS.map(([cvr]) => cvr)), '44444444'],
  citizen: [...CPRS, '0707800007'],
  'anden-aktoer': [...AAS, 'aa-9'],
  auditor: ['000'],
};

// ---- Generators ----
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });
/** Absent seven times out of eight: filters combine (AND), so each one is given now and then. */
const rarely = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.oneof({ arbitrary: fc.constant(undefined), weight: 7 }, { arbitrary: arb, weight: 1 });
const someDate = maybe(fc.constantFrom(...DATES));

const rawRow = fc.record({
  key: fc.integer({ min: 0, max: 0xffffff }),
  caseType: fc.constantFrom(...CASE_TYPES),
  statusPick: fc.nat({ max: 99 }),
  scheme: fc.constantFrom(...SCHEME_CODES),
  supplementaryType: fc.constantFrom(...SUPPLEMENTARY_GRANT_TYPE_CODES),
  jobcentre: fc.constantFrom(...JOBCENTRES),
  unit: fc.constantFrom(...COMPANY_UNITS),
  cpr: fc.constantFrom(...CPRS),
  hours: maybe(fc.constantFrom(7.5, 9, 20, 20, 37, 100)), // text order would differ from numeric order
  periodStart: someDate,
  periodEnd: someDate,
  approved: someDate,
  received: someDate,
  cancelledAt: maybe(fc.constantFrom(...CREATED)),
  reviewDue: maybe(fc.constantFrom(...REVIEW_DUE)),
  ceased: someDate,
  reason: maybe(fc.constantFrom('Opsagt af virksomheden', 'Ophørt efter aftale')),
  created: fc.constantFrom(...CREATED),
  responsible: maybe(fc.constantFrom('cw-1', 'cw-2')),
});

/** A row shaped as the projection writes its case type (search-application.ts and its siblings). */
function toRow(r: typeof rawRow extends fc.Arbitrary<infer T> ? T : never): SearchRow {
  const t = r.caseType;
  const statuses = STATUSES[t];
  const grant = t === 'grant';
  return searchRow({
    case_id: `c${r.key.toString(16).padStart(6, '0')}`,
    case_type: t,
    status: statuses[r.statusPick % statuses.length],
    jobcentre: r.jobcentre,
    company_cvr: r.unit[0],
    p_number: r.unit[1],
    created_at: r.created,
    scheme: t === 'igu-agreement' ? null : r.scheme,
    supplementary_grant_type: t === 'supplementary-grant' ? r.supplementaryType : null,
    citizen_cpr: t === 'offer' ? null : r.cpr,
    hours_per_week: grant || t === 'offer' ? r.hours : null,
    period_start: grant ? r.periodStart : null,
    period_end: grant ? r.periodEnd : null,
    approved_date: t === 'igu-agreement' ? null : r.approved,
    received_date: t === 'application' ? r.received : null,
    cancelled_by_company_at: t === 'offer' ? r.cancelledAt : null,
    review_due_date: grant ? r.reviewDue : null,
    ceased_date: grant || t === 'offer' ? r.ceased : null,
    cessation_reason: grant ? r.reason : null,
    responsible_caseworker: r.responsible,
  });
}

type Assignment = 'none' | 'assigned' | 'unassigned';
const PAIRS = AAS.flatMap((aa) => CPRS.map((cpr) => [aa, cpr] as const));

export const dataSet: fc.Arbitrary<SearchFixture> = fc
  .record({
    rows: fc.uniqueArray(rawRow, { selector: (r) => r.key, minLength: 40, maxLength: 160, size: 'max' }),
    citizens: fc.subarray(CITIZENS),
    assignments: fc.array(fc.constantFrom<Assignment>('none', 'none', 'assigned', 'unassigned'), { minLength: PAIRS.length, maxLength: PAIRS.length }),
    // Issue 10: the job centre that made each pair's assignment; the AA sees that job centre's cases only.
    assigners: fc.array(fc.constantFrom(...JOBCENTRES), { minLength: PAIRS.length, maxLength: PAIRS.length }),
  })
  .map(({ rows, citizens, assignments, assigners }) => {
    const assignedNow = new Set<string>();
    const aa = PAIRS.flatMap(([aaId, cpr], i) => {
      if (assignments[i] === 'none') return [];
      const jobcentre = assigners[i];
      // A job centre assigns a citizen to one AA at a time (another job centre may pick another AA).
      const assigned = assignments[i] === 'assigned' && !assignedNow.has(`${jobcentre}:${cpr}`);
      if (assigned) assignedNow.add(`${jobcentre}:${cpr}`);
      return [assignmentRow(jobcentre, aaId, cpr, assigned)];
    });
    return { search_cases: rows.map(toRow), citizens, aa_assignments: aa };
  });

// ---- Queries ----
export function queryString(q: Query): string {
  return Object.entries(q)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(Array.isArray(v) ? v.join(',') : String(v))}`)
    .join('&');
}

/** A bubble's `links.list` as the oracle's query. */
export function parseListLink(link: string): { listId: string; query: Query } {
  const url = new URL(link, 'http://localhost');
  const listId = url.pathname.replace('/api/search/', '');
  const query: Query = {};
  for (const [k, v] of url.searchParams) {
    if (k === 'status' || k === 'caseType') query[k] = v.split(',');
    else if (k === 'ceased') query.ceased = v === 'true';
    else throw new Error(`a bubble link with an unexpected parameter ${k}: ${link}`);
  }
  return { listId, query };
}

export const sortKeys = (list: SearchListDefinition, role: Role): SearchColumnKey[] =>
  visibleColumns(list.columns, role).filter((c) => c.sort).map((c) => c.key as SearchColumnKey);

export const pick = <T>(values: readonly T[], n: number): T => values[n % values.length];
const masked = <T>(values: readonly T[], mask: number | undefined): T[] | undefined => {
  const chosen = mask === undefined ? [] : values.filter((_, i) => mask & (1 << i));
  return chosen.length ? chosen : undefined;
};

/** Every (list, role) pair the list admits, by id: a counterexample names them readably. */
export const LIST_PAIRS = SEARCH_LISTS.flatMap((list) => LIST_ROLES.filter((role) => list.roles.includes(role)).map((role) => ({ list: list.id, role })));

export const probeArb = fc.record({
  pair: fc.constantFrom(...LIST_PAIRS),
  orgPick: fc.nat({ max: 99 }),
  sortPick: fc.option(fc.nat({ max: 99 }), { nil: undefined }),
  order: fc.option(fc.constantFrom<'asc' | 'desc'>('asc', 'desc'), { nil: undefined }),
  pageSize: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 4 }), weight: 2 }, { arbitrary: fc.integer({ min: 5, max: 25 }), weight: 1 }),
  statusMask: rarely(fc.integer({ min: 1, max: 0x3ff })),
  caseTypeMask: rarely(fc.integer({ min: 1, max: 3 })),
  scheme: rarely(fc.subarray([...SCHEME_CODES], { minLength: 1, maxLength: 3 })),
  jobcentre: rarely(fc.subarray(JOBCENTRES, { minLength: 1, maxLength: 2 })),
  supplementaryGrantType: rarely(fc.subarray(['mentor', 'assistive-aids', 'none'], { minLength: 1 })),
  ceased: rarely(fc.boolean()),
  cpr: rarely(fc.subarray(CPRS, { minLength: 1, maxLength: 2 })),
  name: rarely(fc.constantFrom('anna', 'Hansen', 'bo h', 'ANNA JENSEN', 'rl n')),
  periodFrom: rarely(fc.constantFrom(...DATES)),
  periodTo: rarely(fc.constantFrom(...DATES)),
  hoursMin: rarely(fc.constantFrom(0, 10, 20)),
  hoursMax: rarely(fc.constantFrom(7.5, 20, 37)),
});

/** A probe as a caller, a list and a query the list accepts (its own filters, statuses and the role's sortable columns). */
export function resolve(p: typeof probeArb extends fc.Arbitrary<infer T> ? T : never) {
  const { role } = p.pair;
  const list = searchListById(p.pair.list)!;
  const has = (filter: string) => list.filters.includes(filter as never);
  const shows = (column: string) => list.columns.includes(column as never);
  const query: Query = {
    caseType: has('caseType') ? masked(list.caseTypes, p.caseTypeMask) : undefined,
    scheme: has('scheme') ? p.scheme : undefined,
    supplementaryGrantType: has('supplementaryGrantType') ? p.supplementaryGrantType : undefined,
    status: masked(Object.keys(list.statuses), p.statusMask),
    ceased: has('ceased') ? p.ceased : undefined,
    jobcentre: p.jobcentre,
    cpr: shows('cpr') ? p.cpr : undefined,
    name: shows('name') ? p.name : undefined,
    // The period and 'timetal' filters on the lists that show them (elsewhere they match nothing).
    periodFrom: shows('periodStart') ? p.periodFrom : undefined,
    periodTo: shows('periodStart') ? p.periodTo : undefined,
    hoursMin: shows('hoursPerWeek') ? p.hoursMin : undefined,
    hoursMax: shows('hoursPerWeek') ? p.hoursMax : undefined,
    sort: p.sortPick === undefined ? undefined : pick(sortKeys(list, role), p.sortPick),
    order: p.order,
  };
  return { list, role, org: pick(ORGS[role], p.orgPick), query };
}
