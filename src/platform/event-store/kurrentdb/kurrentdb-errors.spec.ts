import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import { isKurrentUnavailable, toEventStoreError } from './kurrentdb-errors';

/** A @grpc/grpc-js ServiceError as the client can let it through unconverted (status code + details). */
function rawGrpcError(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: { getMap: () => ({}) } });
}
const GRPC = { CANCELLED: 1, DEADLINE_EXCEEDED: 4, PERMISSION_DENIED: 7, INTERNAL: 13, UNAVAILABLE: 14, UNAUTHENTICATED: 16 };

const notLeader = () => new NotLeaderError({ metadata: { 'leader-endpoint-host': 'node-2', 'leader-endpoint-port': '2113' } } as never);
const append = { streamId: 'application-1', expected: 3 as const };

describe('toEventStoreError (KurrentDB client errors → ours)', () => {
  describe('the client’s connection/availability errors become EventStoreUnavailableError (503, retried)', () => {
    it.each([
      ['UnavailableError', () => new UnavailableError(undefined, 'No connection established')],
      ['DeadlineExceededError', () => new DeadlineExceededError(undefined, 'Deadline exceeded')],
      ['CancelledError (cancelled by the server)', () => new CancelledError(undefined, 'Cancelled')],
      ['TimeoutError (the server timed the operation out)', () => new TimeoutError(undefined, 'Operation timed out')],
      ['NotLeaderError (the client reconnects to the leader)', notLeader],
      ['cluster discovery finding no node (a plain Error)', () => new Error('Failed to discover after 10 attempts.')],
      ['raw gRPC UNAVAILABLE', () => rawGrpcError(GRPC.UNAVAILABLE, 'No connection established')],
      ['raw gRPC DEADLINE_EXCEEDED', () => rawGrpcError(GRPC.DEADLINE_EXCEEDED, 'Deadline exceeded')],
      ['raw gRPC CANCELLED by the server', () => rawGrpcError(GRPC.CANCELLED, 'Cancelled')],
      ['raw gRPC INTERNAL (the client treats it as unavailable)', () => rawGrpcError(GRPC.INTERNAL, 'Received RST_STREAM')],
    ])('%s', (_name, make) => {
      const cause = make();
      expect(isKurrentUnavailable(cause)).toBe(true);
      const mapped = toEventStoreError(cause);
      expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
      expect((mapped as Error).message).toBe(`Event store unavailable: ${cause.message}`);
      // an append's availability error is the same outage
      expect(toEventStoreError(cause, append)).toBeInstanceOf(EventStoreUnavailableError);
    });
  });

  it('WrongExpectedVersionError on an append becomes WrongExpectedRevisionError with the actual revision', () => {
    const conflict = new WrongExpectedVersionError(undefined, { streamName: 'application-1', expected: 3n, current: 5n });
    const mapped = toEventStoreError(conflict, append);
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ streamId: 'application-1', expected: 3, actual: 5 });
  });

  it('WrongExpectedVersionError for a stream that does not exist says actual -1', () => {
    const conflict = new WrongExpectedVersionError(undefined, { streamName: 'application-1', expected: 3n, current: 'no_stream' });
    expect(toEventStoreError(conflict, append)).toMatchObject({ streamId: 'application-1', expected: 3, actual: -1 });
  });

  describe('anything else is returned unchanged (the very same object): a bug stays a bug', () => {
    it.each([
      ['a TypeError', () => new TypeError("Cannot read properties of undefined (reading 'revision')")],
      ['a plain Error', () => new Error('something we did wrong')],
      ['a RangeError', () => new RangeError('Invalid time value')],
      ['AccessDeniedError', () => new AccessDeniedError(undefined, 'Access denied')],
      ['StreamDeletedError', () => StreamDeletedError.fromStreamName('application-1')],
      ['StreamNotFoundError', () => new StreamNotFoundError(undefined, 'application-1')],
      ['UnknownError', () => new UnknownError(undefined, 'Unknown')],
      ['WrongExpectedVersionError outside an append', () => new WrongExpectedVersionError(undefined, { streamName: 's', expected: 1n, current: 2n })],
      ['raw gRPC CANCELLED by this client (our own cancellation)', () => rawGrpcError(GRPC.CANCELLED, 'Cancelled on client')],
      ['raw gRPC UNAUTHENTICATED', () => rawGrpcError(GRPC.UNAUTHENTICATED, 'Bad credentials')],
      ['raw gRPC PERMISSION_DENIED', () => rawGrpcError(GRPC.PERMISSION_DENIED, 'Denied')],
      ['an Error that merely mentions discovery', () => new Error('Failed to discover the bug')],
    ])('%s', (_name, make) => {
      const error = make();
      expect(isKurrentUnavailable(error)).toBe(false);
      expect(toEventStoreError(error)).toBe(error);
    });

    it('a TypeError stays a TypeError, on appends too', () => {
      const bug = new TypeError('x is not a function');
      const mapped = toEventStoreError(bug, append);
      expect(mapped).toBe(bug);
      expect(mapped).toBeInstanceOf(TypeError);
    });

    it.each([['a string', 'boom'], ['undefined', undefined], ['null', null], ['an object', { code: 14 }]])('a thrown non-Error (%s)', (_name, thrown) => {
      expect(toEventStoreError(thrown)).toBe(thrown);
    });
  });
});
