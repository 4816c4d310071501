/**
 * What a background worker (periodic jobs, the export worker and sweep, the DFDG push worker)
 * does when its runs fail: one error line when it starts failing (or fails differently), one
 * info line with how long it was down when a run works again, never one line per retry; and
 * while failing, it waits a capped, fully jittered backoff instead of its usual interval, so a
 * database outage neither floods the log nor has every process retry in step. The backoff is
 * the projection runners' formula (projections/runner/retry-backoff.ts).
 */
import { RetryPolicy, retryDelayMs } from '../../../projections/runner/retry-backoff';
import { EventStoreUnavailableError } from '../event-store/event-store.errors';
import { isConnectionError } from '../event-store/postgres/postgres-rows';
import { ProblemError } from '../http/problems';

/** The longest wait between two tries of a failing worker. */
export const WORKER_RETRY_MAX_MS = 30_000;

export interface FailureLogger {
  error(fields: object, message: string): void;
  log(fields: object, message: string): void;
}

/** Any way of saying "the database (or event store) cannot be reached" is the same state. */
export function isDatabaseDown(error: unknown): boolean {
  return (
    error instanceof EventStoreUnavailableError ||
    (error instanceof ProblemError && error.kind === 'unavailable') ||
    isConnectionError(error) ||
    isConnectionError((error as { driverError?: unknown })?.driverError)
  );
}

export class FailureBackoff {
  private failing?: { sinceMs: number; attempts: number; signature: string };
  private readonly policy: RetryPolicy;

  /** `fields` name the worker in every line; the first retry waits up to `baseMs` (its interval). */
  constructor(
    private readonly logger: FailureLogger,
    private readonly fields: object,
    options: { baseMs: number; maxMs?: number; random?: () => number },
  ) {
    const maxMs = options.maxMs ?? WORKER_RETRY_MAX_MS;
    this.policy = { baseMs: Math.max(1, Math.min(options.baseMs, maxMs)), maxMs, random: options.random ?? Math.random };
  }

  /** Records a failed run, logging only news; returns how long to wait before the next try. */
  failed(error: unknown, nowMs = Date.now()): number {
    const down = isDatabaseDown(error);
    const signature = down ? 'database-unavailable' : String(error);
    const attempts = (this.failing?.attempts ?? 0) + 1;
    if (this.failing?.signature !== signature) {
      const message = down ? 'paused: database unavailable, retrying with backoff' : 'failing: retrying with backoff';
      this.logger.error({ ...this.fields, err: String(error), ...(this.failing ? { attempts } : {}) }, message);
    }
    this.failing = { sinceMs: this.failing?.sinceMs ?? nowMs, attempts, signature };
    return retryDelayMs(attempts, this.policy);
  }

  /** Records a run that worked: one info line when it ends a failure. */
  succeeded(nowMs = Date.now()): void {
    if (!this.failing) return;
    const { sinceMs, attempts, signature } = this.failing;
    this.failing = undefined;
    const was = signature === 'database-unavailable' ? signature : 'error';
    this.logger.log({ ...this.fields, downMs: nowMs - sinceMs, attempts, was }, 'recovered');
  }
}
