/**
 * The oracle of the search property tests (issue 5): which rows a caller's list holds, computed in
 * JavaScript from the generated rows alone, as domain.md and the issue state the lists, scopes and
 * filters (not as the engine declares them); and the order a sorted page must have (R1).
 */
import { SearchColumnKey } from '../../projections/search/engine/search-columns';
import { SearchRow } from '../../projections/search/search-row';
import { SCHEMES } from '../../src/registries/schemes';
import type { ListRole } from './search-world.e2e-support';
import { SearchFixture } from './search.e2e-support';

export interface Query {
  caseType?: string[];
  scheme?: string[];
  supplementaryGrantType?: string[];
  status?: string[];
  ceased?: boolean;
  jobcentre?: string[];
  cpr?: string[];
  name?: string;
  periodFrom?: string;
  periodTo?: string;
  hoursMin?: number;
  hoursMax?: number;
  sort?: string;
  order?: 'asc' | 'desc';
}

const grantLike = (r: SearchRow) => r.case_type === 'grant';
/** Each list's rows, as domain.md and the issue describe them (not as the engine declares them). */
export const LIST_ROWS: Record<string, (r: SearchRow, today: string) => boolean> = {
  applications: (r) => r.case_type === 'application',
  offers: (r) => r.case_type === 'offer',
  grants: (r) => (r.case_type === 'grant' || r.case_type === 'supplementary-grant') && r.status !== 'closed-unused', // R16, R18, D7
  extensions: (r, today) => grantLike(r) && r.status === 'active' && r.review_due_date !== null && r.review_due_date <= today, // R26
  cessations: (r) => grantLike(r) && (r.status === 'terminated' || r.status === 'closed'),
  'applications-and-offers': (r) => r.case_type === 'application' || r.case_type === 'offer',
  'igu-agreements': (r) => r.case_type === 'igu-agreement',
};

export function oracle(data: SearchFixture, role: ListRole, org: string, listId: string, q: Query, today: string): string[] {
  const names = new Map(data.citizens.map((c) => [c.cpr, `${c.first_name} ${c.last_name}`]));
  // Issue 10: only the case's own job centre's assignment counts.
  const everAssigned = (r: SearchRow) => data.aa_assignments.some((a) => a.aa_id === org && a.cpr === r.citizen_cpr && a.jobcentre === r.jobcentre);
  const assignedNow = (r: SearchRow) => data.aa_assignments.some((a) => a.aa_id === org && a.cpr === r.citizen_cpr && a.jobcentre === r.jobcentre && a.assigned);
  const inScope = (r: SearchRow): boolean => {
    switch (role) {
      case 'jobcentre': return r.jobcentre === org;
      case 'company': return r.company_cvr === org;
      case 'citizen': return r.citizen_cpr === org && !(r.case_type === 'igu-agreement' && r.status === 'draft');
      case 'anden-aktoer': return everAssigned(r); // R12, D8: the history stays, masked
      case 'auditor': return true;
    }
  };
  const anyOf = (values: string[] | undefined, value: string | null) => !values?.length || (value !== null && values.includes(value));
  const compensating = (scheme: string | null) => scheme !== null && SCHEMES[scheme as keyof typeof SCHEMES].compensating;
  const matches = (r: SearchRow): boolean => {
    if (!anyOf(q.caseType, r.case_type) || !anyOf(q.scheme, r.scheme) || !anyOf(q.status, r.status) || !anyOf(q.jobcentre, r.jobcentre) || !anyOf(q.cpr, r.citizen_cpr)) return false;
    if (q.supplementaryGrantType?.length && !q.supplementaryGrantType.includes(r.supplementary_grant_type ?? 'none')) return false;
    if (q.ceased !== undefined && q.ceased !== (r.ceased_date !== null)) return false;
    if (q.name !== undefined && !(names.get(r.citizen_cpr ?? '') ?? '').toLowerCase().includes(q.name.toLowerCase())) return false;
    if (role === 'anden-aktoer' && (q.name !== undefined || q.cpr?.length) && !assignedNow(r)) return false; // R13
    if (q.periodFrom && !(r.period_end !== null && r.period_end >= q.periodFrom)) return false;
    if (q.periodTo && !(r.period_start !== null && r.period_start <= q.periodTo)) return false;
    if (q.hoursMin !== undefined || q.hoursMax !== undefined) {
      if (r.hours_per_week === null || compensating(r.scheme)) return false; // D13
      if (q.hoursMin !== undefined && r.hours_per_week < q.hoursMin) return false;
      if (q.hoursMax !== undefined && r.hours_per_week > q.hoursMax) return false;
    }
    return true;
  };
  return data.search_cases.filter((r) => LIST_ROWS[listId](r, today) && inScope(r) && matches(r)).map((r) => r.case_id).sort();
}

// ---- The order of a page (R1): nulls last both ways, equal values together, ties by case id ----
type SortValue = string | number | boolean | null;
/** The item's value of a sort column; `exact` when JavaScript compares it as PostgreSQL does (digits, ISO dates, numbers). */
const SORT_VALUES: Record<SearchColumnKey, { value: (i: any) => SortValue; exact: boolean }> = {
  caseType: { value: (i) => i.caseType, exact: false },
  id: { value: (i) => i.id, exact: true },
  scheme: { value: (i) => i.schemeLabel, exact: false },
  supplementaryGrantType: { value: (i) => i.supplementaryGrantTypeLabel, exact: false },
  status: { value: (i) => i.statusLabel, exact: false },
  jobcentre: { value: (i) => i.jobcentre, exact: true },
  company: { value: (i) => `${i.company.cvr}/${i.company.pNumber}`, exact: true },
  cpr: { value: (i) => i.cpr, exact: true },
  name: { value: (i) => i.name, exact: false },
  periodStart: { value: (i) => i.period.start, exact: true },
  periodEnd: { value: (i) => i.period.end, exact: true },
  hoursPerWeek: { value: (i) => i.hoursPerWeek, exact: true },
  receivedDate: { value: (i) => i.receivedDate, exact: true },
  approvedDate: { value: (i) => i.approvedDate, exact: true },
  reviewDueDate: { value: (i) => i.reviewDueDate, exact: true },
  ceasedDate: { value: (i) => i.ceasedDate, exact: true },
  cessationReason: { value: (i) => i.cessationReason, exact: false },
  createdAt: { value: (i) => i.createdAt, exact: true },
  responsibleCaseworker: { value: (i) => i.responsibleCaseworker, exact: false },
  cancelledByCompany: { value: (i) => i.cancelledByCompany?.at ?? null, exact: true },
  aaMarking: { value: (i) => i.aaMarking, exact: true },
  assignedToMe: { value: () => null, exact: false },
};

export function expectSorted(items: any[], key: SearchColumnKey, order: 'asc' | 'desc', context: string): void {
  const { value, exact } = SORT_VALUES[key];
  const sign = order === 'asc' ? 1 : -1;
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const v = value(items[i]);
    const at = `${context}: item ${i} (${items[i].id}, ${key}=${JSON.stringify(v)})`;
    if (i === 0 || v !== value(items[i - 1])) {
      if (seen.has(JSON.stringify(v))) throw new Error(`${at}: rows with this value are not together`);
      seen.add(JSON.stringify(v));
    }
    if (i === 0) continue;
    const prev = value(items[i - 1]);
    if (prev === null && v !== null) throw new Error(`${at}: a value after a NULL (NULLs go last both ways)`);
    if (v === prev) {
      if ((items[i].id > items[i - 1].id ? 1 : -1) !== sign) throw new Error(`${at}: a tie not ordered by case id ${order}`);
    } else if (exact && prev !== null && v !== null && (v > prev ? 1 : -1) !== sign) {
      throw new Error(`${at}: out of ${order} order after ${JSON.stringify(prev)}`);
    }
  }
}
