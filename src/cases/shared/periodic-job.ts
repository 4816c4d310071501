import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '../../platform/auth/principal';
import { CommandContext } from '../../platform/commands/command-context';
import { uuidv7 } from '../../platform/events/uuidv7';

/**
 * A scheduled check that issues commands: every `intervalMs` (0: never) one run, never two at
 * once in this process, and in one process at a time across the cluster (a PostgreSQL session
 * advisory lock; not a transaction, which would hold back the event store's readers).
 */
export class PeriodicJob {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    readonly name: string,
    private readonly intervalMs: number,
  ) {
    this.logger = new Logger(name);
  }

  start(run: () => Promise<unknown>): void {
    if (this.intervalMs <= 0) return;
    const tick = () => {
      if (this.stopped) return;
      this.running = run()
        .catch((error) => this.logger.error({ job: this.name, err: String(error) }, 'scheduled run failed'))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs);
        });
    };
    this.timer = setTimeout(tick, this.intervalMs);
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
