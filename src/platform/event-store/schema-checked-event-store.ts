/**
 * Events are checked where they are stored (issue 10). A decorator of the EventStore port: every
 * event of an append is checked against its type's schema (and its metadata's shape) before the
 * adapter sees any of it, so an append with one bad event is refused whole, with an
 * EventSchemaViolation, and a malformed event never reaches the store or a projection. Being a
 * decorator of the port, it covers both adapters (PostgreSQL and KurrentDB) and every caller:
 * the command pipeline and anything else holding the app's EVENT_STORE.
 *
 * Only appends are checked. Stored events of older schema versions are not re-checked on read;
 * the registry's upcasters bring them to the current shape.
 */
import { EventRegistry } from '../events/event-registry';
import { EventSchemaViolation } from './event-store.errors';
import { AppendResult, Checkpoint, EventStore, ExpectedRevision, NewEvent, ReadAllBatch, RecordedEvent } from './event-store.port';

export class SchemaCheckedEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly registry: EventRegistry,
  ) {}

  append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    for (const event of events) {
      const problems = this.registry.appendProblems(event);
      if (problems.length) return Promise.reject(new EventSchemaViolation(streamId, event.type, event.id, problems));
    }
    return this.inner.append(streamId, events, expected);
  }

  readStream(streamId: string, options?: { upTo?: Date }): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(from: Checkpoint | null, maxCount: number): Promise<ReadAllBatch> {
    return this.inner.readAll(from, maxCount);
  }

  waitForAppends(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return this.inner.waitForAppends(timeoutMs, signal);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
