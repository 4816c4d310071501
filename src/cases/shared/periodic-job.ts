import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '../../platform/auth/principal';
import { CommandContext } from '../../platform/commands/command-context';
import { uuidv7 } from '../../platform/events/uuidv7';
import { FailureBackoff } from '../../platform/background/failure-backoff';

export interface PeriodicJobOptions {
  /** Tables (read models) a run reads: the job runs only once they all exist. */
  needs?: string[];
}

/**
 * A scheduled check that issues commands: every `intervalMs` (0: never) one run, never two at
 * once in this process, and in one process at a time across the cluster (a PostgreSQL session
 * advisory lock; not a transaction, which would hold back the event store's readers). A failing
 * run logs once and is retried with backoff (FailureBackoff), not every interval.
 */
export class PeriodicJob {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;
  private ready = false;
  private readonly backoff: FailureBackoff;

  constructor(
    private readonly db: DataSource,
    readonly name: string,
    private readonly intervalMs: number,
    private readonly options: PeriodicJobOptions = {},
  ) {
    this.logger = new Logger(name);
    this.backoff = new FailureBackoff(this.logger, { job: name }, { baseMs: intervalMs });
  }

  start(run: () => Promise<unknown>): void {
    if (this.intervalMs <= 0) return;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runWhenReady(run)
        .then(
          () => {
            this.backoff.succeeded();
            return this.intervalMs;
          },
          (error) => this.backoff.failed(error), // how long to wait while failing
        )
        .then((delayMs) => {
          this.running = undefined;
          if (!this.stopped) this.timer = setTimeout(tick, delayMs);
        });
    };
    this.timer = setTimeout(tick, this.intervalMs);
  }

  /**
   * The tables a job reads are a projection's, made by its runner after the app has started: on a
   * fresh database the job waits for them rather than failing (issue 11), and says so at debug level.
   */
  private async runWhenReady(run: () => Promise<unknown>): Promise<void> {
    if (!this.ready) {
      const [{ missing }] = await this.db.query(
        `SELECT coalesce(array_agg(t) FILTER (WHERE to_regclass(t) IS NULL), '{}') AS missing FROM unnest($1::text[]) AS t`,
        [this.options.needs ?? []],
      );
      if (missing.length > 0) return this.logger.debug({ job: this.name, missing }, 'waiting for its tables');
      this.ready = true;
      this.logger.debug({ job: this.name }, 'tables ready: running');
    }
    await run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs `work` holding the job's advisory lock; null when another process holds it. */
  async exclusive<T>(work: () => Promise<T>): Promise<T | null> {
    const session = this.db.createQueryRunner();
    await session.connect();
    try {
      const [{ ok }] = await session.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS ok`, [`job:${this.name}`]);
      if (!ok) return null;
      try {
        return await work();
      } finally {
        await session.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`job:${this.name}`]);
      }
    } finally {
      await session.release();
    }
  }
}

/**
 * The context of a command the system issues on its own: a principal of the owning organisation
 * whose user id names the job (`system:<job>`), so the event metadata tells it from a person.
 */
export function systemCommandContext(userId: `system:${string}`, role: Role, org: string): CommandContext {
  const id = uuidv7();
  return { principal: { userId, role, org, name: 'VITAS (automatisk)' }, correlationId: id, causationId: id };
}
