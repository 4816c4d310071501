/**
 * The case states the last batches left, per database and table, so that a batch reads from the
 * outbox only the cases it has not just seen. A state is a pure function of its case's events up
 * to a revision, whether or not the batch that folded it committed; so an entry is used only for
 * the very next revision of its case. A batch that rolled back (its events come again), another
 * process having run the projection meanwhile (revisions skipped), an event type the projection
 * does not handle, or an evicted entry: the state is read from the outbox instead.
 */
import { DfdgCaseState } from './dfdg-fold';

interface Entry {
  revision: number;
  state: DfdgCaseState;
}

export class DfdgStateCache {
  private readonly byDatabase = new WeakMap<object, Map<string, Entry>>();

  constructor(private readonly capacity: number) {}

  /** The state after `revision - 1`, if that is what is held. */
  take(database: object, table: string, caseId: string, revision: number): DfdgCaseState | undefined {
    const entry = this.byDatabase.get(database)?.get(`${table}|${caseId}`);
    return entry && entry.revision === revision - 1 ? entry.state : undefined;
  }

  /** The state after `revision`; the least recently stored entries go first when full. */
  put(database: object, table: string, caseId: string, revision: number, state: DfdgCaseState): void {
    let entries = this.byDatabase.get(database);
    if (!entries) this.byDatabase.set(database, (entries = new Map()));
    const key = `${table}|${caseId}`;
    entries.delete(key);
    entries.set(key, { revision, state });
    if (entries.size > this.capacity) entries.delete(entries.keys().next().value!);
  }
}
