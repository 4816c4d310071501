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
