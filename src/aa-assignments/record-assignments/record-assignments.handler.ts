import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../../platform/commands/command-pipeline';
import { aaAssignmentDecider, AssignmentOutcome, outcomeOf } from '../aa-assignment.decider';
import { AaAssignmentEvent, aaAssignmentStreamId } from '../aa-assignment.events';
import { RecordAssignments } from './record-assignments.dto';

export interface RecordResult {
  cpr: string;
  outcome: AssignmentOutcome;
  /** Events appended for the record: 0, 1, or 2 for a move. */
  events: number;
}

export interface RecordAssignmentsResult {
  /** Records that changed their citizen's assignment. */
  recorded: number;
  /** Records that stated what was already recorded. */
  unchanged: number;
  /** One per record, in the order of the request. */
  results: RecordResult[];
}

/**
 * Records run a few at a time: each is its own (job centre, citizen) stream (no CPR twice in a request),
 * so they never contend with each other, and the event store's pool stays free for others.
 */
const CONCURRENT_RECORDS = 8;

/**
 * Each record is one load–decide–append on its citizen's stream through the shared pipeline
 * (optimistic concurrency, retried on a conflict): a record is recorded whole or not at all.
 * Records are independent, so a request that fails part-way may simply be sent again; the
 * records already recorded then answer 'unchanged'.
 */
@CommandHandler(RecordAssignments)
export class RecordAssignmentsHandler implements ICommandHandler<RecordAssignments, RecordAssignmentsResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ records, context }: RecordAssignments): Promise<RecordAssignmentsResult> {
    // Issue 10: a case system records only its own job centre's assignments (its token's org).
    const jobcentre = context.principal.org;
    const results = await mapConcurrently(records, CONCURRENT_RECORDS, async ({ cpr, aaId, effectiveAt }): Promise<RecordResult> => {
      const command = { type: 'RecordAssignment' as const, jobcentre, cpr, aaId, effectiveAt };
      const { events } = await this.pipeline.handle(aaAssignmentDecider, aaAssignmentStreamId(jobcentre, cpr), (state) => aaAssignmentDecider.decide(command, state), context);
      return { cpr, outcome: outcomeOf(events as AaAssignmentEvent[]), events: events.length };
    });
    const unchanged = results.filter((r) => r.outcome === 'unchanged').length;
    return { recorded: results.length - unchanged, unchanged, results };
  }
}

/** `fn` over every item with at most `limit` in flight; results in the items' order. The first failure rejects. */
async function mapConcurrently<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]);
      } catch (error) {
        failed = true; // the others finish the record in hand and take no more
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
