import { DataSource } from 'typeorm';
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { EventRegistry } from '../../src/platform/events/event-registry';
import { applyBatch } from './apply-batch';
import { AnyProjection as Projection } from './projection';

/** Thrown to roll the probe back; never escapes. */
const ROLLBACK = Symbol('rollback');

/**
 * After a batch failed: replays it one event at a time, in order and on top of each other as
 * the batch would, in one transaction that is always rolled back, and returns the first event
 * that fails on its own with its error. Nothing is committed, so exactly-once stays with the
 * batch and its checkpoint. Undefined when every event applies alone (the batch failed for
 * another reason, such as its checkpoint write) or when the probe itself could not run.
 */
export async function locateFailingEvent(
  db: DataSource,
  registry: EventRegistry,
  projection: Projection,
  table: string,
  events: RecordedEvent[],
): Promise<{ event: RecordedEvent; error: unknown } | undefined> {
  let found: { event: RecordedEvent; error: unknown } | undefined;
  try {
    await db.transaction(async (m) => {
      for (const raw of events) {
        try {
          // The upcaster runs here too: an event no upcaster can read is as much at fault.
          await applyBatch(m, projection, table, [registry.upcast(raw)]);
        } catch (error) {
          found = { event: raw, error }; // the transaction is aborted now; stop at the first
          break;
        }
      }
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) return undefined;
  }
  return found;
}
