/**
 * The event store port. Two adapters implement it (PostgreSQL, the default, and
 * KurrentDB/EventStoreDB) and both pass the one contract suite in test/contract/.
 */
import { EventMetadata } from '../events/event-metadata';

/** What the writer believes the stream's last revision is (0-based), or a stream state. */
export type ExpectedRevision = number | 'no_stream' | 'any';

/** An opaque, adapter-specific position in the global order; `null` means "from the start". */
export type Checkpoint = string;

export interface NewEvent {
  /** A UUID (v7, or v8 derived from an idempotency seed: commands/idempotent-ids.ts); appending the same id twice stores it once. */
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  id: string;
  streamId: string;
  /** 0-based position of the event within its stream. */
  revision: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recordedAt: Date;
  /** Checkpoint just after this event; reading all from it resumes with the next event. */
  checkpoint: Checkpoint;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextExpectedRevision: number;
}

export interface ReadAllBatch {
  events: RecordedEvent[];
  /** Where the next read continues; equals `from` when nothing new was visible. */
  checkpoint: Checkpoint | null;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream in revision order, optionally only those recorded at or before `upTo`. */
  readStream(streamId: string, options?: { upTo?: Date }): Promise<RecordedEvent[]>;
  /** The next batch in global order after `from`. Never hands out an event while an earlier one may still commit. */
  readAll(from: Checkpoint | null, maxCount: number): Promise<ReadAllBatch>;
  /**
   * Resolves when new events may be available, or after `timeoutMs`, or when `signal` aborts.
   * Catch-up subscriptions use it to sleep between empty reads (LISTEN/NOTIFY on PostgreSQL).
   */
  waitForAppends(timeoutMs: number, signal?: AbortSignal): Promise<void>;
  /** Cheap liveness probe for /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
