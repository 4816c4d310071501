/**
 * A projection runner's failure state: how many tries in a row failed, when the next one is,
 * and whether a failure is news. The log hears of a failure when it starts and when its event
 * or error changes, and of the recovery once; never once per retry.
 */
import { FailingEvent, ErrorSummary, FailureKind, ProjectionFailure } from './projection-failure';
import { RetryPolicy, retryDelayMs } from './retry-backoff';

export interface FailureChange {
  change: 'started' | 'changed';
  failure: ProjectionFailure;
}

export interface Recovery {
  /** The failure as it last stood. */
  failure: ProjectionFailure;
  downMs: number;
  attempts: number;
}

export interface FailedTry {
  delayMs: number;
  /** Set when the failure is news (started, or another event or error); undefined on a repeat. */
  news?: FailureChange;
}

export class FailureTracker {
  private failure?: ProjectionFailure;
  private sinceMs = 0;
  private signature = '';

  constructor(private readonly policy: RetryPolicy) {}

  current(): ProjectionFailure | undefined {
    return this.failure;
  }

  failed(what: { kind: FailureKind; event?: FailingEvent; error: ErrorSummary }, nowMs: number): FailedTry {
    const attempts = (this.failure?.attempts ?? 0) + 1;
    const delayMs = retryDelayMs(attempts, this.policy);
    const signature = signatureOf(what);
    const change = !this.failure ? 'started' : signature !== this.signature ? 'changed' : undefined;
    if (!this.failure) this.sinceMs = nowMs;
    this.signature = signature;
    this.failure = {
      kind: what.kind,
      since: new Date(this.sinceMs).toISOString(),
      attempts,
      nextRetryAt: new Date(nowMs + delayMs).toISOString(),
      ...(what.event ? { event: what.event } : {}),
      error: what.error,
    };
    return { delayMs, news: change && { change, failure: this.failure } };
  }

  /** Clears the failure (and so the backoff); returns what it was, or undefined when there was none. */
  succeeded(nowMs: number): Recovery | undefined {
    const failure = this.failure;
    if (!failure) return undefined;
    this.failure = undefined;
    this.signature = '';
    return { failure, downMs: nowMs - this.sinceMs, attempts: failure.attempts };
  }
}

/**
 * Same event and same error is the same failure. An unreachable database is one state whatever
 * the driver says (refused, reset, timed out), so a flapping connection does not flood the log.
 */
function signatureOf(what: { kind: FailureKind; event?: FailingEvent; error: ErrorSummary }): string {
  if (what.kind === 'database-unavailable') return what.kind;
  return JSON.stringify([what.kind, what.event?.id ?? null, what.error.code ?? null, what.error.message]);
}
