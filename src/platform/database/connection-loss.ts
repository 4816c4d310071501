/**
 * pg emits 'error' on a Pool when one of its idle clients loses its connection, and on a Client
 * when its connection breaks while no query of ours is running on it (a PostgreSQL restart, a
 * failover, `pg_terminate_backend`: 57P01 "terminating connection due to administrator command").
 * An EventEmitter's 'error' with no listener throws, and thrown from a socket callback it kills
 * the process. So every pool and dedicated client the app makes gets one of these listeners:
 *
 * - TypeORM's DataSource pools (platform.module.ts, migrate.ts): `poolErrorHandler`; the clients
 *   TypeORM checks out for a query runner (projection runners' lock sessions, periodic jobs, the
 *   export worker's snapshots) get TypeORM's own listener, which drops the broken connection;
 * - the PostgreSQL event store's pool and its LISTEN client (postgres-event-store.ts), which
 *   reconnects on the next `waitForAppends`.
 *
 * The listener only logs, once per outage and source, in our words; the broken client is already
 * out of the pool, the query that needed it failed as "database unavailable", and the callers'
 * retries with backoff (FailureBackoff, the projection runners) recover once the database answers.
 */
import { Logger } from '@nestjs/common';
import type { EventEmitter } from 'node:events';

/** Within this long after a logged loss, further losses of the same source are only counted. */
export const CONNECTION_LOSS_QUIET_MS = 30_000;

export interface ConnectionLossLogger {
  warn(fields: object, message: string): void;
}

/**
 * The 'error' listener for a pg Pool or Client named `source` (e.g. 'event store pool'): one warn
 * line for the first loss of a burst, then silence for CONNECTION_LOSS_QUIET_MS; the next line
 * says how many losses it kept quiet about.
 */
export function connectionLossListener(
  source: string,
  logger: ConnectionLossLogger = new Logger('Database'),
  now: () => number = Date.now,
): (error: unknown) => void {
  let quietUntil = -Infinity;
  let unlogged = 0;
  return (error: unknown) => {
    const at = now();
    if (at < quietUntil) {
      unlogged++;
      return;
    }
    quietUntil = at + CONNECTION_LOSS_QUIET_MS;
    const e = error as { code?: unknown; message?: unknown } | undefined;
    logger.warn(
      {
        source,
        ...(typeof e?.code === 'string' ? { code: e.code } : {}),
        err: typeof e?.message === 'string' ? e.message : String(error),
        ...(unlogged ? { unlogged } : {}),
      },
      'lost a database connection: it is dropped and replaced on next use; work retries with backoff until the database answers',
    );
    unlogged = 0;
  };
}

interface ClientPool {
  on(event: 'connect' | 'acquire', listener: (client: EventEmitter) => void): unknown;
}

/**
 * Every client of `pool` keeps `listener` on 'error' for its whole life. pg-pool listens on a
 * client only while it is idle, and TypeORM only while a query runner holds it, removing its
 * listener as soon as the first error releases the runner. A 57P01 that reaches a client in
 * between (a long-held lock session whose runner already gave it up, a client just checked out)
 * had no listener and killed the process (found by the fault suite's database restart).
 */
export function guardPoolClients(pool: ClientPool, listener: (error: unknown) => void): void {
  const guard = (client: EventEmitter) => {
    if (!client.listeners('error').includes(listener)) client.on('error', listener);
  };
  pool.on('connect', guard);
  pool.on('acquire', guard);
}
