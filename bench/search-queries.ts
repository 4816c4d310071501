/**
 * The 20 most common search queries of `npm run bench:search`, as the API would run them: a list,
 * a principal and a query (page of 50 with its exact total). The job centre is the large one;
 * CPR numbers and names rotate through values drawn from the loaded data, so repetitions are not
 * one cached lookup.
 */
import { DataSource } from 'typeorm';
import { Principal } from '../src/platform/auth/principal';
import { SearchQuery } from '../projections/search/engine/search-engine';
import { AA_ID, LARGE_JOBCENTRE } from './search-seed';

export interface BenchQuery {
  id: string;
  list: string;
  principal: Principal;
  /** The query and page of repetition `i`. */
  query: (i: number) => SearchQuery & { page: number; pageSize: number };
}

/** Values the queries rotate through: citizens and names with cases at the large job centre, the largest company. */
export interface QueryValues {
  cprs: string[];
  /** Applicants anywhere (the auditor's lookups). */
  applicantCprs: string[];
  names: string[];
  company: string;
}

const PAGE = 50;
const at = <T>(values: T[], i: number) => values[i % values.length];

export async function queryValues(ds: DataSource): Promise<QueryValues> {
  const cprs: { cpr: string }[] = await ds.query(
    `SELECT citizen_cpr AS cpr FROM search_cases WHERE jobcentre = $1 AND case_type = 'grant' AND hashtext(case_id) % 50 = 0 ORDER BY case_id LIMIT 200`,
    [LARGE_JOBCENTRE],
  );
  // The name of a citizen with cases at the job centre, as a caseworker looking for that person types it.
  const names: { name: string }[] = await ds.query(`SELECT first_name || ' ' || last_name AS name FROM citizens WHERE cpr = ANY($1) ORDER BY cpr`, [cprs.map((c) => c.cpr)]);
  const applicants: { cpr: string }[] = await ds.query(
    `SELECT citizen_cpr AS cpr FROM search_cases WHERE case_type = 'application' AND hashtext(case_id) % 500 = 0 ORDER BY case_id LIMIT 200`,
  );
  const [{ cvr }] = await ds.query(`SELECT company_cvr AS cvr FROM search_cases GROUP BY company_cvr ORDER BY count(*) DESC LIMIT 1`);
  return { cprs: cprs.map((c) => c.cpr), applicantCprs: applicants.map((c) => c.cpr), names: names.map((n) => n.name), company: cvr };
}

const jc: Principal = { userId: 'cw-1@101', role: 'jobcentre', org: LARGE_JOBCENTRE };
const aa: Principal = { userId: 'aa-user', role: 'anden-aktoer', org: AA_ID };
const auditor: Principal = { userId: 'auditor-1', role: 'auditor', org: 'ankestyrelsen' };

const q = (id: string, list: string, principal: Principal, query: (i: number) => SearchQuery & { page?: number }): BenchQuery => ({
  id, list, principal, query: (i) => ({ page: 1, pageSize: PAGE, ...query(i) }),
});

export function benchQueries(v: QueryValues): BenchQuery[] {
  const company: Principal = { userId: 'co-1', role: 'company', org: v.company };
  return [
    q('applications', 'applications', jc, () => ({})),
    q('offers', 'offers', jc, () => ({})),
    q('grants', 'grants', jc, () => ({})),
    q('extensions', 'extensions', jc, () => ({})),
    q('cessations', 'cessations', jc, () => ({})),
    q('applications-and-offers', 'applications-and-offers', jc, () => ({})),
    q('igu-agreements', 'igu-agreements', jc, () => ({})),
    q('grants:scheme', 'grants', jc, () => ({ scheme: ['flex-job'] })),
    q('applications:status', 'applications', jc, () => ({ status: ['received'] })),
    q('grants:scheme+status+period', 'grants', jc, () => ({ scheme: ['wage-subsidy', 'company-placement'], status: ['active'], periodFrom: '2026-10-01', periodTo: '2026-12-31' })),
    q('grants:hours', 'grants', jc, () => ({ hoursMin: 20, hoursMax: 30 })),
    q('grants:cpr', 'grants', jc, (i) => ({ cpr: [at(v.cprs, i)] })),
    q('grants:name', 'grants', jc, (i) => ({ name: at(v.names, i) })),
    q('grants:page-200', 'grants', jc, () => ({ page: 200 })),
    q('grants:approvedDate-asc', 'grants', jc, () => ({ sort: 'approvedDate', order: 'asc' })),
    q('grants:approvedDate-desc', 'grants', jc, () => ({ sort: 'approvedDate', order: 'desc' })),
    q('applications:status-sort', 'applications', jc, () => ({ sort: 'status' })),
    q('company:grants', 'grants', company, () => ({})),
    q('aa:grants', 'grants', aa, () => ({})),
    q('auditor:cpr', 'applications', auditor, (i) => ({ cpr: [at(v.applicantCprs, i)] })),
  ];
}

/** Heavier queries outside the 20, reported apart: where the chosen design stops being fast. */
export function extraQueries(_: QueryValues): BenchQuery[] {
  return [
    q('auditor:grants', 'grants', auditor, () => ({})), // every job centre's grants: an exact count of ~440,000 rows
    q('grants:name-common', 'grants', jc, () => ({ name: 'Nielsen' })), // the commonest surname: ~70,000 citizens match nationally
    q('applications:sort-name', 'applications', jc, () => ({ sort: 'name' })), // the name lives in citizens, not in any index of search_cases
    q('grants:responsible', 'grants', jc, () => ({ responsibleCaseworker: ['cw-101-7'] })), // 'my cases'
    q('aa:grants:scheme', 'grants', aa, () => ({ scheme: ['wage-subsidy'] })),
  ];
}
