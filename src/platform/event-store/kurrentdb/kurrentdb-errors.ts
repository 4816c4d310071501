/**
 * What an error of `@kurrent/kurrentdb-client` (1.3.x) becomes at our port: a pure function, so
 * each case is unit-tested without a server (kurrentdb-errors.spec.ts).
 *
 * - WrongExpectedVersionError on an append → WrongExpectedRevisionError (optimistic concurrency);
 * - the client's connection/availability errors → EventStoreUnavailableError (HTTP 503, workers
 *   back off and retry). These are the ones the client itself treats as "reconnect and try
 *   again" (Client#shouldReconnect: UnavailableError, CancelledError, NotLeaderError) plus the
 *   server's "did not finish in time" (DeadlineExceededError, TimeoutError), raw gRPC errors with
 *   those statuses that reach us unconverted (the server-features probe rejects with the raw
 *   ServiceError), and the plain Error the client throws when cluster discovery finds no node;
 * - anything else (a bug of ours, a TypeError, AccessDenied, StreamDeleted, an UnknownError, a
 *   size limit, …) is returned unchanged, so it stays loud (HTTP 500) instead of passing for an outage.
 */
import { ErrorType, WrongExpectedVersionError, convertToCommandError, isCommandError } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import { ExpectedRevision } from '../event-store.port';

/** Command error types that mean "the server could not be reached or did not answer in time". */
export const UNAVAILABLE_ERROR_TYPES: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.CANCELLED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
]);

/** What `discoverEndpoint` throws (a plain Error) when no cluster node answers the gossip. */
const DISCOVERY_FAILED = /^Failed to discover after \d+ attempts\.?$/;

/** The shape of a @grpc/grpc-js ServiceError: a numeric status code and a details string. */
function isRawServiceError(error: Error): boolean {
  const e = error as { code?: unknown; details?: unknown };
  return typeof e.code === 'number' && typeof e.details === 'string';
}

/** True for the client's connection/availability errors (see the file comment); false for anything else. */
export function isKurrentUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (DISCOVERY_FAILED.test(error.message)) return true;
  // A raw gRPC error is classified the way the client classifies it (UNAVAILABLE, INTERNAL and
  // DATA_LOSS → UnavailableError, DEADLINE_EXCEEDED, server-side CANCELLED, …); a client-side
  // cancellation ("Cancelled on client") stays a raw error, so it is not an outage.
  const converted = isRawServiceError(error) && !isCommandError(error) ? convertToCommandError(error) : error;
  return isCommandError(converted) && UNAVAILABLE_ERROR_TYPES.has(converted.type);
}

/**
 * Maps an error of the client to ours. `append` names the stream and expectation of an append,
 * for WrongExpectedVersionError; without it (reads) that error stays as it is.
 */
export function toEventStoreError(error: unknown, append?: { streamId: string; expected: ExpectedRevision }): unknown {
  if (append && error instanceof WrongExpectedVersionError) {
    const actual = typeof error.actualState === 'bigint' ? Number(error.actualState) : -1;
    return new WrongExpectedRevisionError(append.streamId, append.expected, actual);
  }
  return isKurrentUnavailable(error) ? new EventStoreUnavailableError(error) : error;
}
