import { FailureTracker } from './failure-tracker';
import { ErrorSummary, FailingEvent, redact } from './projection-failure';
import { retryDelayMs } from './retry-backoff';
import { seededRandom as seeded } from '../../test/support/seeded-random';


const event = (id: string): FailingEvent => ({ position: '7', checkpoint: '900:7', id, type: 'Counted', streamId: 'counter-k1', revision: 3 });
const notNull: ErrorSummary = { message: 'null value in column "last_position" violates not-null constraint', code: '23502', column: 'last_position' };

describe('retry backoff (exponential, full jitter, capped)', () => {
  it('waits up to base · 2^(n−1), never more than the cap, with the highest draw', () => {
    const policy = { baseMs: 500, maxMs: 30_000, random: () => 0.999999 };
    expect([1, 2, 3, 4, 5, 6, 7, 8, 60].map((n) => retryDelayMs(n, policy))).toEqual([499, 999, 1999, 3999, 7999, 15_999, 29_999, 29_999, 29_999]);
  });

  it('draws each wait uniformly below its ceiling from the random source (seeded)', () => {
    const random = seeded(42);
    const delays = Array.from({ length: 12 }, (_, i) => retryDelayMs(i + 1, { baseMs: 100, maxMs: 2000, random }));
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(Math.min(2000, 100 * 2 ** i));
    });
    // The same seed gives the same waits: the sequence is a function of the source alone.
    const again = seeded(42);
    expect(Array.from({ length: 12 }, (_, i) => retryDelayMs(i + 1, { baseMs: 100, maxMs: 2000, random: again }))).toEqual(delays);
    // Full jitter really spreads: the capped draws are not all alike.
    expect(new Set(delays.slice(5)).size).toBeGreaterThan(1);
  });

  it('stays finite for very long failures', () => {
    expect(retryDelayMs(10_000, { baseMs: 1000, maxMs: 30_000, random: () => 0.5 })).toBe(15_000);
  });
});

describe('failure tracker', () => {
  const policy = { baseMs: 100, maxMs: 1000, random: () => 0.5 };

  it('reports a failure once when it starts, not on repeats; counts tries and backs off', () => {
    const tracker = new FailureTracker(policy);
    const first = tracker.failed({ kind: 'event', event: event('e1'), error: notNull }, 1_000);
    expect(first.news).toMatchObject({ change: 'started', failure: { kind: 'event', attempts: 1, event: { id: 'e1' }, error: { code: '23502' } } });
    expect(first.delayMs).toBe(50);
    const repeats = [2, 3, 4, 5, 6].map((n) => tracker.failed({ kind: 'event', event: event('e1'), error: notNull }, 1_000 + n * 100));
    expect(repeats.map((r) => r.news)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(repeats.map((r) => r.delayMs)).toEqual([100, 200, 400, 500, 500]);
    expect(tracker.current()).toMatchObject({
      attempts: 6, since: new Date(1_000).toISOString(), nextRetryAt: new Date(1_600 + 500).toISOString(),
    });
  });

  it('reports again when the failing event or the error changes, keeping since and the count', () => {
    const tracker = new FailureTracker(policy);
    tracker.failed({ kind: 'event', event: event('e1'), error: notNull }, 1_000);
    expect(tracker.failed({ kind: 'event', event: event('e2'), error: notNull }, 2_000).news?.change).toBe('changed');
    const otherError = { message: 'new row violates check constraint "c"', code: '23514', constraint: 'c' };
    expect(tracker.failed({ kind: 'event', event: event('e2'), error: otherError }, 3_000).news?.change).toBe('changed');
    expect(tracker.failed({ kind: 'event', event: event('e2'), error: otherError }, 4_000).news).toBeUndefined();
    expect(tracker.current()).toMatchObject({ attempts: 4, since: new Date(1_000).toISOString(), event: { id: 'e2' }, error: otherError });
  });

  it('treats an unreachable database as one state, whatever the driver says, and distinct from a poison event', () => {
    const tracker = new FailureTracker(policy);
    const down = (message: string, code: string) => ({ kind: 'database-unavailable' as const, error: { message, code } });
    expect(tracker.failed(down('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), 0).news?.change).toBe('started');
    expect(tracker.failed(down('Connection terminated unexpectedly', ''), 1).news).toBeUndefined();
    expect(tracker.failed(down('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), 2).news).toBeUndefined();
    expect(tracker.failed({ kind: 'event', event: event('e1'), error: notNull }, 3).news?.change).toBe('changed');
  });

  it('recovers once with the time down and the tries, and starts afresh (backoff reset) after', () => {
    const tracker = new FailureTracker(policy);
    for (let n = 0; n < 4; n++) tracker.failed({ kind: 'event', event: event('e1'), error: notNull }, 1_000 + n);
    expect(tracker.succeeded(5_000)).toMatchObject({ downMs: 4_000, attempts: 4, failure: { event: { id: 'e1' } } });
    expect(tracker.succeeded(6_000)).toBeUndefined();
    expect(tracker.current()).toBeUndefined();
    const again = tracker.failed({ kind: 'event', event: event('e1'), error: notNull }, 7_000);
    expect(again).toMatchObject({ delayMs: 50, news: { change: 'started', failure: { attempts: 1, since: new Date(7_000).toISOString() } } });
  });
});

describe('redacting error messages', () => {
  it('removes values PostgreSQL echoes and CPR-shaped numbers, keeping the identifiers it names', () => {
    expect(redact('invalid input syntax for type date: "0101901234"')).toBe('invalid input syntax for type date: "[redacted]"');
    expect(redact('null value in column "created_by" of relation "igu_agreements" violates not-null constraint')).toBe(
      'null value in column "created_by" of relation "igu_agreements" violates not-null constraint',
    );
    expect(redact("cannot fold citizen 010190-1234 of case 'x'")).toBe("cannot fold citizen [redacted] of case 'x'");
  });
});
