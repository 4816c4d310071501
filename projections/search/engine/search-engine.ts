/**
 * The search engine (issue 5, D10): a list definition and a caller's query become one plan (the
 * WHERE, the SELECT and the ORDER BY over `search_cases`), which a page, a count (bubbles), a bulk
 * action and an export all run. Scope, masking and column visibility are decided here, once.
 */
import { DataSource } from 'typeorm';
import { Principal } from '../../../src/platform/auth/principal';
import { ForbiddenError, ProblemError } from '../../../src/platform/http/problems';
import { SCHEMES, SCHEME_CODES } from '../../../src/registries/schemes';
import { Conditions, PageRequest } from '../../shared/paged-list';
import { ExtendedFilters, SortOrder, extendedFilters, sqlLiteral } from '../search-query';
import { SEARCH_CASE_TYPES } from '../search-case-types';
import { SearchColumn, visibleColumns } from './search-columns';
import { HitSql, SearchHit, hitSql, selectList } from './search-hit';
import { ListFilter, SearchListDefinition } from './search-lists';

export interface SearchQuery extends ExtendedFilters {
  caseType?: string[];
  scheme?: string[];
  /** 'Tillægsbevilling' (R17); `none` matches the plain grants. */
  supplementaryGrantType?: string[];
  status?: string[];
  /** Offers whose grants have all ceased (true) or not (false): the offer bubble leaves them out (R25). */
  ceased?: boolean;
  /** 'Navn': part of the citizen's name, any case. */
  name?: string;
  sort?: string;
  order?: SortOrder;
}

export interface SearchPlan {
  list: SearchListDefinition;
  principal: Principal;
  columns: SearchColumn[];
  where: Conditions;
  select: string;
  order: string;
}

const COMPENSATING = SCHEME_CODES.filter((s) => SCHEMES[s].compensating);

export function invalidQuery(field: string, rule: string, message: string): ProblemError {
  return new ProblemError('validation', message, rule, field, {}, [{ field, rule, message }]);
}

/** The rows a caller may see at all; for an AA, the placeholder of its id (its assignments decide). */
function scope(where: Conditions, principal: Principal): string | null {
  switch (principal.role) {
    case 'jobcentre':
      where.add((p) => `jobcentre = ${p(principal.org)}`);
      return null;
    case 'company':
      where.add((p) => `company_cvr = ${p(principal.org)}`);
      return null;
    case 'citizen':
      // A citizen reads its cases, but an IGU agreement only once sent to it (its read rule).
      where.add((p) => `citizen_cpr = ${p(principal.org)} AND NOT (case_type = 'igu-agreement' AND status = 'draft')`);
      return null;
    case 'anden-aktoer': {
      // The cases of the citizens ever assigned to the AA, each only by the job centre that owns the
      // case (issue 10): the history stays, masked once unassigned (R12, D8). The citizens as an
      // array first, so their cases are looked up in the citizen index, never by a scan of every case.
      const aa = where.param(principal.org);
      where.add(() => `citizen_cpr = ANY(ARRAY(SELECT cpr FROM aa_assignments WHERE aa_id = ${aa}))`);
      where.add(() => `EXISTS (SELECT 1 FROM aa_assignments s WHERE s.aa_id = ${aa} AND s.cpr = search_cases.citizen_cpr AND s.jobcentre = search_cases.jobcentre)`);
      return aa;
    }
    case 'auditor':
      return null;
    default:
      throw new ForbiddenError(`A ${principal.role} has no search lists`);
  }
}

/** A multi-select filter's values must be the list's own (R6), else a 400 naming the field. */
function requireValues(field: string, values: string[] | undefined, allowed: readonly string[], title: string, rule = 'isIn'): void {
  const wrong = values?.find((v) => !allowed.includes(v));
  if (wrong !== undefined) throw invalidQuery(field, rule, `${field}: '${wrong}' is not a value of '${title}' (one of ${allowed.join(', ')})`);
}

function optionalFilters(where: Conditions, list: SearchListDefinition, q: SearchQuery): void {
  const given: Record<ListFilter, unknown> = { caseType: q.caseType, scheme: q.scheme, supplementaryGrantType: q.supplementaryGrantType, ceased: q.ceased };
  for (const [field, value] of Object.entries(given)) {
    if (value !== undefined && !list.filters.includes(field as ListFilter)) throw invalidQuery(field, 'not-a-filter', `${field}: '${list.title}' has no such filter`);
  }
  requireValues('caseType', q.caseType, list.caseTypes, list.title);
  requireValues('status', q.status, Object.keys(list.statuses), list.title, q.status?.includes('closed-unused') ? 'R18' : 'isIn');
  where.anyOf('case_type', q.caseType).anyOf('scheme', q.scheme).anyOf('status', q.status);
  const types = q.supplementaryGrantType;
  if (types?.length) {
    const real = types.filter((t) => t !== 'none');
    const none = types.includes('none');
    where.add((p) => [...(real.length ? [`supplementary_grant_type = ANY(${p(real)})`] : []), ...(none ? ['supplementary_grant_type IS NULL'] : [])].join(' OR '));
  }
  if (q.ceased !== undefined) where.add(() => (q.ceased ? 'ceased_date IS NOT NULL' : 'ceased_date IS NULL'));
}

/** CPR and name filters (R8); an AA's match only the citizens assigned to it now, by the case's job centre (R13). */
function citizenFilters(where: Conditions, q: SearchQuery, aa: string | null): void {
  if (q.name !== undefined) {
    const pattern = `%${q.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.add((p) => `citizen_cpr IN (SELECT cpr FROM citizens WHERE (first_name || ' ' || last_name) ILIKE ${p(pattern)})`);
  }
  if (aa !== null && (q.name !== undefined || q.cpr?.length)) {
    where.add(() => `EXISTS (SELECT 1 FROM aa_assignments f WHERE f.aa_id = ${aa} AND f.cpr = search_cases.citizen_cpr AND f.jobcentre = search_cases.jobcentre AND f.assigned)`);
  }
}

/** ORDER BY a visible, sortable column, nulls last both ways, then the case id: paging never repeats or drops a row (R1). */
function orderOf(list: SearchListDefinition, columns: SearchColumn[], sql: HitSql, q: SearchQuery, principal: Principal): string {
  const key = q.sort ?? list.defaultSort.key;
  const column = columns.find((c) => c.key === key && c.sort);
  if (!column?.sort) {
    const hidden = list.columns.includes(key as never);
    const rule = hidden && key === 'approvedDate' ? 'R10' : 'isIn';
    const sortable = columns.filter((c) => c.sort).map((c) => c.key);
    throw invalidQuery('sort', rule, `sort: '${key}' is not a sortable column of '${list.title}' for a ${principal.role} (one of ${sortable.join(', ')})`);
  }
  const order = q.order ?? (q.sort ? 'asc' : list.defaultSort.order);
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  return `ORDER BY ${column.sort(sql, list.statuses)} ${dir} NULLS LAST, case_id ${dir}`;
}

/** The plan of a list for a caller and a query; throws 403 for a role without the list and 400 for a query it has no meaning for. */
export function planSearch(list: SearchListDefinition, principal: Principal, q: SearchQuery, today: string): SearchPlan {
  if (!list.roles.includes(principal.role)) throw new ForbiddenError(`A ${principal.role} has no '${list.title}' list`);
  const where = new Conditions();
  const aa = scope(where, principal);
  where.add(() => `case_type IN (${list.caseTypes.map(sqlLiteral).join(', ')})`);
  list.base?.(where, today);
  optionalFilters(where, list, q);
  extendedFilters(where, q, COMPENSATING);
  citizenFilters(where, q, aa);
  const columns = visibleColumns(list.columns, principal.role);
  const sql = hitSql(aa);
  return { list, principal, columns, where, select: selectList(sql), order: orderOf(list, columns, sql, q, principal) };
}

/** An item of the list: its case type, the visible columns' fields and the link to the case (R32). */
export function itemOf(plan: SearchPlan, hit: SearchHit): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const column of plan.columns) Object.assign(item, column.item(hit, plan.list.statuses));
  return { caseType: hit.case_type, ...item, links: { self: SEARCH_CASE_TYPES[hit.case_type].link(hit.case_id) } };
}

/** The exact number of rows of the plan: a list's `totalCount` and a bubble's count are this one query (R24). */
export async function countSearch(db: Pick<DataSource, 'query'>, plan: SearchPlan): Promise<number> {
  const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM search_cases ${plan.where.sql()}`, plan.where.params);
  return total as number;
}

/**
 * One page of the plan with its exact total (R1). The page's case ids are chosen first, from the
 * filter and sort columns alone (an index-only scan of a covering index), and only those rows
 * are read and selected: a deep page or a sort no index orders costs index entries, not rows.
 */
export async function searchPage(db: DataSource, plan: SearchPlan, page: PageRequest) {
  const n = plan.where.params.length;
  const ids = `SELECT case_id FROM search_cases ${plan.where.sql()} ${plan.order} LIMIT $${n + 1} OFFSET $${n + 2}`;
  const [totalCount, hits] = await Promise.all([
    countSearch(db, plan),
    db.query(`SELECT ${plan.select} FROM search_cases WHERE case_id IN (${ids}) ${plan.order}`, [
      ...plan.where.params, page.pageSize, (page.page - 1) * page.pageSize,
    ]) as Promise<SearchHit[]>,
  ]);
  return { totalCount, page: page.page, pageSize: page.pageSize, items: hits.map((h) => itemOf(plan, h)) };
}
