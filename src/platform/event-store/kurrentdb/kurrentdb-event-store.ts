/**
 * EventStore adapter for KurrentDB (EventStoreDB), chosen with EVENTSTORE_CONNECTION_STRING.
 * The server already gives us what the PostgreSQL adapter has to build: a single global
 * log ($all) with commit/prepare positions, optimistic concurrency and id-based dedup.
 */
import {
  ANY,
  AllStreamSubscription,
  BACKWARDS,
  END,
  KurrentDBClient,
  NO_STREAM,
  Position,
  START,
  StreamNotFoundError,
  StreamState,
  excludeSystemEvents,
  jsonEvent,
} from '@kurrent/kurrentdb-client';
import { EventMetadata } from '../../events/event-metadata';
import { EventStoreUnavailableError } from '../event-store.errors';
import {
  AppendResult,
  Checkpoint,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllBatch,
  RecordedEvent,
} from '../event-store.port';
import { toEventStoreError } from './kurrentdb-errors';

/** The subset of the client's recorded event that we map; both readStream and readAll yield it. */
interface KurrentRecordedEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

export class KurrentDbEventStore implements EventStore {
  private subscription: AllStreamSubscription | null = null;
  private readonly waiters = new Set<() => void>();
  /** Live events seen, and that count when the latest readAll began: closes the read-then-wait race. */
  private liveEventsSeen = 0;
  private liveEventsSeenAtLastRead = 0;
  private closed = false;

  constructor(private readonly client: KurrentDBClient) {
    // Start listening now, so appends made before the first wait still count as "seen".
    this.ensureSubscription();
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const proposed = events.map((event) =>
      jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: { ...event.metadata } }),
    );
    try {
      const result = await this.client.appendToStream(streamId, proposed, { streamState: toStreamState(expected) });
      return { nextExpectedRevision: Number(result.nextExpectedRevision) };
    } catch (error) {
      throw toEventStoreError(error, { streamId, expected });
    }
  }

  async readStream(streamId: string, options: { upTo?: Date } = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId)) {
        if (!resolved.event) continue;
        const event = toRecordedEvent(resolved.event, resolved.commitPosition);
        if (options.upTo && event.recordedAt.getTime() > options.upTo.getTime()) continue;
        events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw toEventStoreError(error);
    }
    return events;
  }

  async readAll(from: Checkpoint | null, maxCount: number): Promise<ReadAllBatch> {
    this.liveEventsSeenAtLastRead = this.liveEventsSeen;
    const start = from === null ? null : decodeCheckpoint(from);
    const events: RecordedEvent[] = [];
    let checkpoint = from;
    try {
      // The server treats fromPosition as inclusive, so ask for one more and drop the event at `from`.
      const read = this.client.readAll({
        fromPosition: start ?? START,
        maxCount: maxCount + 1,
        filter: excludeSystemEvents(),
      });
      for await (const resolved of read) {
        const event = resolved.event;
        if (!event) continue;
        if (start && comparePositions(event.position, start) <= 0) continue;
        if (events.length >= maxCount) break;
        checkpoint = encodeCheckpoint(event.position);
        // The server filter should already drop these; stay safe if a link or system event slips through.
        if (event.type.startsWith('$')) continue;
        events.push(toRecordedEvent(event));
      }
    } catch (error) {
      throw toEventStoreError(error);
    }
    return { events, checkpoint };
  }

  waitForAppends(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    this.ensureSubscription();
    if (signal?.aborted || this.liveEventsSeen > this.liveEventsSeenAtLastRead) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }

  async ping(): Promise<void> {
    try {
      for await (const _ of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) break;
    } catch (error) {
      throw new EventStoreUnavailableError(error);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeWaiters();
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.unsubscribe().catch(() => undefined);
    await this.client.dispose();
  }

  /** One live subscription from END; if it drops, the next wait re-opens it (waiters still time out meanwhile). */
  private ensureSubscription(): void {
    if (this.subscription || this.closed) return;
    const subscription = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    this.subscription = subscription;
    subscription.on('data', () => {
      this.liveEventsSeen++;
      this.wakeWaiters();
    });
    const drop = () => {
      if (this.subscription === subscription) this.subscription = null;
      this.wakeWaiters();
    };
    subscription.on('error', drop);
    subscription.on('end', drop);
  }

  private wakeWaiters(): void {
    for (const wake of [...this.waiters]) wake();
  }
}

export async function openKurrentDbEventStore(connectionString: string): Promise<KurrentDbEventStore> {
  const store = new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString));
  // Fail at start-up, not on the first command, when the server is unreachable.
  try {
    await store.ping();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

function toStreamState(expected: ExpectedRevision): StreamState {
  if (expected === 'any') return ANY;
  // A handler that folded an empty stream holds -1: that is "the stream does not exist yet".
  if (expected === 'no_stream' || expected < 0) return NO_STREAM;
  return BigInt(expected);
}

function toRecordedEvent(event: KurrentRecordedEvent, commitPosition?: bigint): RecordedEvent {
  const metadata = event.metadata as EventMetadata;
  // Stream reads carry a position only on servers after 22.6; a single node's commit equals its prepare.
  const position = event.position ?? { commit: commitPosition ?? -1n, prepare: commitPosition ?? -1n };
  return {
    id: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    type: event.type,
    schemaVersion: typeof metadata?.schemaVersion === 'number' ? metadata.schemaVersion : 1,
    data: event.data as Record<string, unknown>,
    metadata,
    recordedAt: event.created,
    checkpoint: encodeCheckpoint(position),
  };
}

function encodeCheckpoint(position: Position): Checkpoint {
  return `${position.commit}:${position.prepare}`;
}

function decodeCheckpoint(checkpoint: Checkpoint): Position {
  const match = /^(\d+):(\d+)$/.exec(checkpoint);
  if (!match) throw new Error(`Not a KurrentDB checkpoint: "${checkpoint}"`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
