import { EventStoreUnavailableError } from '../event-store/event-store.errors';
import { FailureBackoff, isDatabaseDown } from './failure-backoff';

function capture() {
  const lines: { level: 'error' | 'info'; fields: Record<string, unknown>; message: string }[] = [];
  return {
    lines,
    logger: {
      error: (fields: object, message: string) => lines.push({ level: 'error', fields: fields as Record<string, unknown>, message }),
      log: (fields: object, message: string) => lines.push({ level: 'info', fields: fields as Record<string, unknown>, message }),
    },
  };
}

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('FailureBackoff', () => {
  it('logs one error line for a whole outage and one info line, with the time down, when it ends', () => {
    const { lines, logger } = capture();
    const backoff = new FailureBackoff(logger, { job: 'j' }, { baseMs: 1000, random: () => 0.5 });
    backoff.succeeded(0); // nothing to recover from: silent
    for (let t = 0; t < 50; t++) backoff.failed(t % 2 ? refused : new Error('Connection terminated unexpectedly'), 1000 + t * 1000);
    backoff.succeeded(61_000);
    backoff.succeeded(62_000);
    expect(lines).toEqual([
      { level: 'error', fields: { job: 'j', err: expect.stringContaining('Connection terminated') }, message: 'paused: database unavailable, retrying with backoff' },
      { level: 'info', fields: { job: 'j', downMs: 60_000, attempts: 50, was: 'database-unavailable' }, message: 'recovered' },
    ]);
  });

  it('logs again when the failure changes, not when it repeats', () => {
    const { lines, logger } = capture();
    const backoff = new FailureBackoff(logger, { job: 'j' }, { baseMs: 10 });
    backoff.failed(new Error('relation "x" does not exist'));
    backoff.failed(new Error('relation "x" does not exist'));
    backoff.failed(refused);
    expect(lines.map((l) => [l.level, l.message, l.fields.attempts])).toEqual([
      ['error', 'failing: retrying with backoff', undefined],
      ['error', 'paused: database unavailable, retrying with backoff', 3],
    ]);
  });

  it('waits a jittered backoff that doubles from the interval up to the cap', () => {
    const top = new FailureBackoff(capture().logger, {}, { baseMs: 1000, maxMs: 30_000, random: () => 0.999999 });
    const ceilings = Array.from({ length: 8 }, () => top.failed(refused));
    expect(ceilings).toEqual([999, 1999, 3999, 7999, 15_999, 29_999, 29_999, 29_999]);
    const jittered = new FailureBackoff(capture().logger, {}, { baseMs: 1000, random: () => 0.25 });
    expect(jittered.failed(refused)).toBe(250);
    // After a recovery the backoff starts over.
    jittered.succeeded();
    expect(jittered.failed(refused)).toBe(250);
  });

  it('counts every way of saying the database is unreachable as one state', () => {
    expect(isDatabaseDown(refused)).toBe(true);
    expect(isDatabaseDown(new EventStoreUnavailableError('down'))).toBe(true);
    expect(isDatabaseDown({ driverError: refused })).toBe(true);
    expect(isDatabaseDown(new Error('relation "grants" does not exist'))).toBe(false);
  });
});
