/**
 * What the log says about a failing projection: one error line when it starts failing, one
 * when its event or error changes, one info line when it recovers; never one per retry.
 * Only identifiers and the redacted error go out (see projection-failure.ts).
 */
import type { RunnerOptions } from './projection-runner';

export interface FailureLogger {
  error(fields: object, message: string): void;
  log(fields: object, message: string): void;
}

const STARTED = {
  event: 'projection failing on an event: retrying with backoff',
  batch: 'projection failing: retrying with backoff',
  'database-unavailable': 'projection paused: database unavailable, retrying with backoff',
} as const;

export function failureLog(logger: FailureLogger, projection: string): Pick<RunnerOptions, 'onFailing' | 'onRecovered'> {
  return {
    onFailing({ change, failure }) {
      const { kind, event, error, attempts, since, nextRetryAt } = failure;
      const fields = { projection, kind, ...(event ? { event } : {}), error, attempts, since, nextRetryAt };
      logger.error(fields, change === 'started' ? STARTED[kind] : 'projection failure changed: retrying with backoff');
    },
    onRecovered({ failure, downMs, attempts, by }) {
      const { kind, event } = failure;
      const message = by === 'this-runner' ? 'projection recovered' : 'projection no longer failing here: another process has taken over';
      logger.log({ projection, was: kind, ...(event ? { event } : {}), downMs, attempts, by }, message);
    },
  };
}
