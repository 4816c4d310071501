import { ExpectedRevision } from './event-store.port';

/** The stream was not at the revision the writer expected (optimistic concurrency). */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's current last revision, or -1 when it does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** The store could not be reached; HTTP maps it to 503. */
export class EventStoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Event store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'EventStoreUnavailableError';
  }
}

/** An event id that is already stored in another stream (ids are global). */
export class DuplicateEventIdError extends Error {
  constructor(readonly streamId: string, readonly eventIds: string[]) {
    super(`Event id(s) ${eventIds.join(', ')} already stored in another stream than ${streamId}`);
    this.name = 'DuplicateEventIdError';
  }
}

/**
 * An append refused because an event breaks its type's schema (issue 10): a bug in the code
 * that made the event, never the caller's fault, so HTTP answers 500 and nothing of the append
 * is stored. The message names the stream, the event type and where the data is wrong, never
 * the offending values (they may be personal data); a CPR in the stream id is masked.
 */
export class EventSchemaViolation extends Error {
  constructor(
    readonly streamId: string,
    readonly eventType: string,
    readonly eventId: string,
    /** The first problems ajv found: JSON pointers into the event (`/data/citizen/cpr`) and what is wrong there. */
    readonly problems: { instancePath: string; message: string }[],
  ) {
    const where = problems.map((p) => `${p.instancePath || '/'} ${p.message}`).join('; ');
    super(`Event ${String(eventType).slice(0, 80)} to stream ${maskCprShaped(streamId)} breaks its schema, nothing appended: ${where}`);
    this.name = 'EventSchemaViolation';
  }
}

/** Ten digits in a row may be a CPR number: kept out of messages that reach the log. */
function maskCprShaped(text: string): string {
  return String(text).slice(0, 200).replace(/\d{10}/g, '**********');
}
