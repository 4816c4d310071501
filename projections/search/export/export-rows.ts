/**
 * The rows of an export (issue 6): the list's own plan (its WHERE, role columns, masking and
 * ORDER BY, R22), read through server-side cursors inside one REPEATABLE READ, READ ONLY
 * transaction, so every sheet and the total come from one snapshot and only a batch at a time
 * is in memory. A read-only transaction takes no transaction id, so it never holds back the
 * event store's readers.
 */
import { DataSource, QueryRunner } from 'typeorm';
import { Principal } from '../../../src/platform/auth/principal';
import { SearchCell } from '../engine/search-columns';
import { SearchPlan, SearchQuery, planSearch } from '../engine/search-engine';
import { SearchHit } from '../engine/search-hit';
import { SearchListDefinition } from '../engine/search-lists';

export interface ExportRequest {
  list: SearchListDefinition;
  principal: Principal;
  query: SearchQuery;
  /** The Danish calendar date the list is drawn for (lists such as 'Forlængelser' depend on it). */
  today: string;
}

export interface SheetPlan {
  title: string;
  plan: SearchPlan;
}

/** The query parameters of a list that are not about its rows (the page). */
export function rowQuery(query: SearchQuery & { page?: unknown; pageSize?: unknown }): SearchQuery {
  const { page: _page, pageSize: _pageSize, ...rest } = query;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as SearchQuery;
}

/** The whole list's plan; throws the list's own 403 and 400s for a caller or a query it refuses. */
export function exportPlan(req: ExportRequest): SearchPlan {
  return planSearch(req.list, req.principal, req.query, req.today);
}

/**
 * One plan per sheet: the list's plan, narrowed to the sheet's case types for a list with sheets
 * (R21: 'Bevillinger' and 'Tillægsbevillinger'), so each sheet keeps the list's order.
 */
export function sheetPlans(req: ExportRequest): SheetPlan[] {
  if (!req.list.sheets) return [{ title: req.list.title, plan: exportPlan(req) }];
  return req.list.sheets.map((sheet) => {
    const plan = exportPlan(req);
    plan.where.add((p) => `case_type = ANY(${p(sheet.caseTypes)})`);
    return { title: sheet.title, plan };
  });
}

/** The cells of a plan's visible columns, in order: the sheet's columns (R10, R22). */
export function cellsOf(plan: SearchPlan): SearchCell[] {
  return plan.columns.flatMap((c) => c.cells);
}

/** Runs `work` in a REPEATABLE READ, READ ONLY transaction on a connection of its own. */
export async function inSnapshot<T>(db: DataSource, work: (q: QueryRunner) => Promise<T>): Promise<T> {
  const q = db.createQueryRunner();
  await q.connect();
  try {
    await q.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    try {
      const result = await work(q);
      await q.query('COMMIT');
      return result;
    } catch (error) {
      await q.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await q.release();
  }
}

/** The plan's rows in its order, `batchSize` at a time, from a cursor of the snapshot's transaction. */
export async function* planRows(q: QueryRunner, plan: SearchPlan, cursor: string, batchSize: number): AsyncGenerator<SearchHit[]> {
  await q.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${plan.select} FROM search_cases ${plan.where.sql()} ${plan.order}`, plan.where.params);
  try {
    for (;;) {
      const rows: SearchHit[] = await q.query(`FETCH FORWARD ${batchSize} FROM ${cursor}`);
      if (rows.length) yield rows;
      if (rows.length < batchSize) return;
    }
  } finally {
    await q.query(`CLOSE ${cursor}`).catch(() => undefined);
  }
}
