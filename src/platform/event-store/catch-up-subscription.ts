import { Checkpoint, EventStore, ReadAllBatch } from './event-store.port';

export interface CatchUpOptions {
  from: Checkpoint | null;
  batchSize?: number;
  /** Longest sleep between empty reads when no wake-up arrives. */
  idleWaitMs?: number;
  signal?: AbortSignal;
}

/**
 * A catch-up subscription to all events: yields every batch after `from` in global order,
 * then keeps following live appends (woken by the store) until `signal` aborts. Built only
 * on the port, so it behaves the same on every adapter.
 */
export async function* subscribeToAll(store: EventStore, options: CatchUpOptions): AsyncGenerator<ReadAllBatch> {
  let checkpoint = options.from;
  while (!options.signal?.aborted) {
    const batch = await store.readAll(checkpoint, options.batchSize ?? 500);
    if (batch.events.length > 0) {
      checkpoint = batch.checkpoint;
      yield batch;
      continue;
    }
    await store.waitForAppends(options.idleWaitMs ?? 1000, options.signal);
  }
}
