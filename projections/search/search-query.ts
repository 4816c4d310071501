/**
 * The filter and sort builder the `/api/search/…` lists share (issue 5) on `search_cases`: a sort
 * is chosen from a whitelist of columns (never built from input text), nulls last both ways, with
 * the case id as the final tie-breaker so that paging never repeats or drops a row (R1).
 */
import { DataSource } from 'typeorm';
import { Principal, Role } from '../../src/platform/auth/principal';
import { ForbiddenError, ProblemError } from '../../src/platform/http/problems';
import { Conditions, PageRequest } from '../shared/paged-list';

export type SortOrder = 'asc' | 'desc';

/** A sort key of a list: a fixed SQL expression over `search_cases`, keyed by the API's column name. */
export type SortWhitelist<K extends string> = Readonly<Record<K, string>>;

/** `CASE column WHEN 'code' THEN 'label' … END`: sorting on the Danish display value, from a registry (constants only). */
export function labelSql(column: string, labels: Readonly<Record<string, string>>): string {
  const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const whens = Object.entries(labels).map(([code, label]) => `WHEN ${quote(code)} THEN ${quote(label)}`);
  return `(CASE ${column} ${whens.join(' ')} ELSE ${column} END)`;
}

/** ORDER BY from the whitelist only; an unknown key never reaches SQL (the DTO rejects it first). */
export function orderBy<K extends string>(whitelist: SortWhitelist<K>, sort: K, order: SortOrder): string {
  const expr = whitelist[sort];
  if (expr === undefined) throw new Error(`not a sort column: ${String(sort)}`);
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  return `ORDER BY ${expr} ${dir} NULLS LAST, case_id ${dir}`;
}

/** The rows of `search_cases` a principal may see: its job centre's, its company's, its own, or all (auditor); `roles` narrows who may list at all. */
export function scopedSearch(principal: Principal, where: Conditions, list: string, roles?: readonly Role[]): Conditions {
  if (roles && !roles.includes(principal.role)) throw new ForbiddenError(`A ${principal.role} has no '${list}' list`);
  switch (principal.role) {
    case 'jobcentre':
      return where.add((p) => `jobcentre = ${p(principal.org)}`);
    case 'company':
      return where.add((p) => `company_cvr = ${p(principal.org)}`);
    case 'citizen':
      return where.add((p) => `citizen_cpr = ${p(principal.org)}`);
    case 'auditor':
      return where;
    default:
      throw new ForbiddenError(`A ${principal.role} has no '${list}' list`);
  }
}

/** R10: 'Godkendt dato' is hidden from companies, so it may not order their rows either (a 400 naming `sort`). */
export function refuseHiddenSort(principal: Principal, sort: string | undefined): void {
  if (principal.role === 'company' && sort === 'approvedDate') {
    const message = "sort: 'approvedDate' is not a column for a company (R10)";
    throw new ProblemError('validation', message, 'isIn', 'sort', {}, [{ field: 'sort', rule: 'isIn', message }]);
  }
}

/** The extended filters every search list shares (R8): period overlap, parties and 'timetal' (D13). */
export interface ExtendedFilters {
  jobcentre?: string[];
  responsibleCaseworker?: string[];
  cvr?: string[];
  pNumber?: string[];
  cpr?: string[];
  periodFrom?: string;
  periodTo?: string;
  hoursMin?: number;
  hoursMax?: number;
}

export function extendedFilters(where: Conditions, f: ExtendedFilters, compensatingSchemes: readonly string[]): Conditions {
  where.anyOf('jobcentre', f.jobcentre).anyOf('responsible_caseworker', f.responsibleCaseworker).anyOf('company_cvr', f.cvr).anyOf('p_number', f.pNumber).anyOf('citizen_cpr', f.cpr);
  // Overlap with [periodFrom, periodTo]; a case without a period never matches a period filter.
  if (f.periodFrom) where.add((p) => `period_end >= ${p(f.periodFrom)}::date`);
  if (f.periodTo) where.add((p) => `period_start <= ${p(f.periodTo)}::date`);
  if (f.hoursMin !== undefined || f.hoursMax !== undefined) {
    // D13: compensating schemes (and cases without weekly hours) never match a 'timetal' filter.
    where.add((p) => `hours_per_week IS NOT NULL AND NOT (scheme = ANY(${p(compensatingSchemes)}))`);
    if (f.hoursMin !== undefined) where.add((p) => `hours_per_week >= ${p(f.hoursMin)}`);
    if (f.hoursMax !== undefined) where.add((p) => `hours_per_week <= ${p(f.hoursMax)}`);
  }
  return where;
}

/** One page of `search_cases` and its exact total (R1) under the given WHERE and ORDER BY. */
export async function searchPage<R>(db: DataSource, select: string, where: Conditions, order: string, page: PageRequest): Promise<{ totalCount: number; rows: R[] }> {
  const clause = where.sql();
  const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM search_cases ${clause}`, where.params);
  const n = where.params.length;
  const rows: R[] = await db.query(`SELECT ${select} FROM search_cases ${clause} ${order} LIMIT $${n + 1} OFFSET $${n + 2}`, [...where.params, page.pageSize, (page.page - 1) * page.pageSize]);
  return { totalCount: total as number, rows };
}

/** A list's answer: `{totalCount, page, pageSize, items}` (R1), each row mapped by `item`. */
export async function searchList<R, I>(db: DataSource, select: string, where: Conditions, order: string, page: PageRequest, item: (row: R) => I) {
  const { totalCount, rows } = await searchPage<R>(db, select, where, order, page);
  return { totalCount, page: page.page, pageSize: page.pageSize, items: rows.map(item) };
}
