/**
 * What /health, /metrics and the log say about a failing projection: which event, which error.
 * Events and errors can carry personal data (a CPR number in the event's data, a value echoed
 * in a PostgreSQL message, the row in its detail), so only identifiers leave this file:
 * the event's position, id, type and stream, and the error's message (values redacted),
 * SQLSTATE code, constraint, table and column. Never the data, the detail or the parameters.
 */
import { EventStoreUnavailableError } from '../../src/platform/event-store/event-store.errors';
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { isConnectionError } from '../../src/platform/event-store/postgres/postgres-rows';

export interface FailingEvent {
  /** Global position: PostgreSQL's `events.position` (the last part of the checkpoint). */
  position: string;
  /** The store's checkpoint just after this event (opaque, adapter-specific). */
  checkpoint: string;
  id: string;
  type: string;
  streamId: string;
  revision: number;
}

export interface ErrorSummary {
  message: string;
  /** SQLSTATE (e.g. 23502 not-null violation) or a Node error code (ECONNREFUSED). */
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

/**
 * `event`: an event fails on its own (found by replaying the batch one event at a time);
 * `batch`: the batch fails but no single event does (its checkpoint write, say);
 * `database-unavailable`: the database or event store cannot be reached.
 */
export type FailureKind = 'event' | 'batch' | 'database-unavailable';

export interface ProjectionFailure {
  kind: FailureKind;
  /** First failed try of this run of failures (ISO instant). */
  since: string;
  /** Consecutive failed tries. */
  attempts: number;
  /** When the runner tries again (ISO instant). */
  nextRetryAt: string;
  event?: FailingEvent;
  error: ErrorSummary;
}

/** A batch failed and replaying it event by event pinned the failure on `event`. */
export class EventFailedError extends Error {
  constructor(
    readonly event: FailingEvent,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'EventFailedError';
  }
}

export function describeEvent(event: RecordedEvent): FailingEvent {
  return {
    position: event.checkpoint.split(':').pop() ?? event.checkpoint,
    checkpoint: event.checkpoint,
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
  };
}

export function isUnavailable(error: unknown): boolean {
  return error instanceof EventStoreUnavailableError || isConnectionError(error) || isConnectionError(driverError(error));
}

export function classify(error: unknown): { kind: FailureKind; event?: FailingEvent; error: ErrorSummary } {
  if (error instanceof EventFailedError) return { kind: 'event', event: error.event, error: describeError(error.cause) };
  return { kind: isUnavailable(error) ? 'database-unavailable' : 'batch', error: describeError(error) };
}

const MAX_MESSAGE = 300;
const IDENTIFIER = /^[A-Za-z0-9_.$-]{1,63}$/;

export function describeError(error: unknown): ErrorSummary {
  const source = (driverError(error) ?? error) as Record<string, unknown> | undefined;
  const message = error instanceof Error ? error.message : String(error);
  const summary: ErrorSummary = { message: redact(message).slice(0, MAX_MESSAGE) };
  for (const field of ['code', 'constraint', 'table', 'column'] as const) {
    const value = source?.[field];
    if (typeof value === 'string' && IDENTIFIER.test(value)) summary[field] = value;
  }
  return summary;
}

/**
 * PostgreSQL echoes a refused value after a colon (`invalid input syntax for type date: "…"`);
 * identifiers it names (column "x", constraint "y") come without one and stay. A CPR-shaped
 * number anywhere is redacted too, whatever wrote the message.
 */
export function redact(message: string): string {
  return message
    .replace(/(:\s*)"(?:[^"\\]|\\.)*"/g, '$1"[redacted]"')
    .replace(/(:\s*)'(?:[^'\\]|\\.)*'/g, "$1'[redacted]'")
    .replace(/\b\d{6}-?\d{4}\b/g, '[redacted]');
}

/** TypeORM's QueryFailedError carries the pg error (code, constraint, column) as `driverError`. */
function driverError(error: unknown): unknown {
  return error && typeof error === 'object' ? (error as { driverError?: unknown }).driverError : undefined;
}
