/**
 * Bulk 'Sæt ansvarlig' from a search list (R55, R7): the selected results, or every result of the
 * query, each given the responsible caseworker by its own command on its own stream. One case's
 * refusal never stops the others, and each outcome is reported; a case is only ever touched if
 * the caller's list, under the same query, holds it.
 */
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ActOnCase } from '../shared/act-on-case';
import { CommandContext } from '../../platform/commands/command-context';
import { ForbiddenError, PROBLEM_STATUS, ProblemError } from '../../platform/http/problems';
import { SearchPlan, countSearch } from '../../../projections/search/engine/search-engine';
import { SEARCH_CASE_TYPES } from '../../../projections/search/search-case-types';
import { SearchCaseType } from '../../../projections/search/search-row';

/** How many commands run at once: enough to overlap round trips, few enough to leave the pool to others. */
const PARALLEL = 8;

export interface BulkOutcome {
  id: string;
  caseType: SearchCaseType | null;
  outcome: 'assigned' | 'refused' | 'not-in-results';
  revision?: number;
  problem?: { status: number; rule: string; detail: string };
}

async function targets(db: DataSource, plan: SearchPlan, caseIds: string[] | undefined, limit: number): Promise<{ id: string; caseType: SearchCaseType }[]> {
  const where = plan.where;
  if (caseIds) {
    const n = where.params.length;
    return db.query(`SELECT case_id AS id, case_type AS "caseType" FROM search_cases ${where.sql()} AND case_id = ANY($${n + 1}) ${plan.order}`, [...where.params, caseIds]);
  }
  const total = await countSearch(db, plan);
  if (total > limit) {
    throw new ProblemError('rule-violation', `The query holds ${total} cases; one bulk 'Sæt ansvarlig' sets at most ${limit} (BULK_SET_RESPONSIBLE_LIMIT): narrow the query`, 'bulk-limit', 'query', { totalCount: total, limit });
  }
  return db.query(`SELECT case_id AS id, case_type AS "caseType" FROM search_cases ${where.sql()} ${plan.order}`, where.params);
}

async function assignOne(commands: CommandBus, context: CommandContext, target: { id: string; caseType: SearchCaseType }, caseworkerId: string): Promise<BulkOutcome> {
  const act = new ActOnCase(SEARCH_CASE_TYPES[target.caseType], target.id, context, ({ actor, now }) => ({ type: 'AssignResponsibleCaseworker', caseworkerId, actor, now }));
  try {
    const result = await commands.execute(act);
    return { id: target.id, caseType: target.caseType, outcome: 'assigned', revision: result.revision };
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error; // a bug or an outage is not a refusal
    return { id: target.id, caseType: target.caseType, outcome: 'refused', problem: { status: PROBLEM_STATUS[error.kind], rule: error.rule, detail: error.message } };
  }
}

export async function bulkSetResponsible(
  db: DataSource, commands: CommandBus, plan: SearchPlan, context: CommandContext, body: { caseworkerId: string; caseIds?: string[] }, limit: number,
) {
  if (plan.principal.role !== 'jobcentre') throw new ForbiddenError("Only a job centre's caseworker sets the responsible caseworker (R55)");
  const caseIds = body.caseIds && [...new Set(body.caseIds)];
  const found = await targets(db, plan, caseIds, limit);
  const results: BulkOutcome[] = [];
  for (let i = 0; i < found.length; i += PARALLEL) {
    results.push(...(await Promise.all(found.slice(i, i + PARALLEL).map((t) => assignOne(commands, context, t, body.caseworkerId)))));
  }
  // A selected id the list does not hold under this query is reported, never touched.
  const held = new Set(found.map((t) => t.id));
  for (const id of caseIds ?? []) if (!held.has(id)) results.push({ id, caseType: null, outcome: 'not-in-results' });
  const count = (o: BulkOutcome['outcome']) => results.filter((r) => r.outcome === o).length;
  return { caseworkerId: body.caseworkerId, total: results.length, assigned: count('assigned'), refused: count('refused'), notInResults: count('not-in-results'), results };
}
