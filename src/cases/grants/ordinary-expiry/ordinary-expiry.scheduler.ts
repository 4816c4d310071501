import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../../../platform/clock/clock';
import { danishDate } from '../../../platform/clock/dates';
import { CommandPipeline } from '../../../platform/commands/command-pipeline';
import { APP_CONFIG, AppConfig } from '../../../platform/config/config';
import { ProblemError } from '../../../platform/http/problems';
import { executeOnCase } from '../../shared/act-on-case';
import { PeriodicJob, systemCommandContext } from '../../shared/periodic-job';
import { grantCase } from '../grant.case';

export interface OrdinaryExpiryRun {
  /** The Danish date the run closed grants before. */
  today: string;
  closed: string[];
  /** Grants the read model showed as due that the stream refused to close (it moved on meanwhile). */
  skipped: string[];
}

const PAGE = 500;

/**
 * R42, D2: closes every active grant whose end date (a Danish date) is before today, as its own
 * job centre, under the system principal `system:ordinary-expiry`. No person issues this act, so
 * it has no route. Safe to repeat and to run in several processes: one run at a time holds the
 * advisory lock, the decider closes nothing twice (an already closed grant yields no events),
 * and the expected revision makes a concurrent double close impossible.
 */
@Injectable()
export class OrdinaryExpiryScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(
    private readonly db: DataSource,
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.job = new PeriodicJob(db, 'grants:ordinary-expiry', config.ordinaryExpiryIntervalMs, { needs: ['search_cases'] });
  }

  onApplicationBootstrap(): void {
    this.job.start(() => this.runOnce(this.clock.now()));
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** One check as of `now`; null when another process is running it. */
  runOnce(now: Date): Promise<OrdinaryExpiryRun | null> {
    return this.job.exclusive(async () => {
      const run: OrdinaryExpiryRun = { today: danishDate(now), closed: [], skipped: [] };
      for (let after = ''; ; ) {
        // The search read model's grant rows, by its (case_type, status, period_end) index.
        const due: { case_id: string; jobcentre: string }[] = await this.db.query(
          `SELECT case_id, jobcentre FROM search_cases
            WHERE case_type = 'grant' AND status = 'active' AND period_end < $1::date AND case_id > $2 ORDER BY case_id LIMIT ${PAGE}`,
          [run.today, after],
        );
        for (const { case_id: id, jobcentre } of due) (await this.close(id, jobcentre, now)) ? run.closed.push(id) : run.skipped.push(id);
        if (due.length < PAGE) return run;
        after = due[due.length - 1].case_id;
      }
    });
  }

  private async close(grantId: string, jobcentre: string, now: Date): Promise<boolean> {
    const context = systemCommandContext('system:ordinary-expiry', 'jobcentre', jobcentre);
    try {
      const result = await executeOnCase(this.pipeline, grantCase, grantId, context, { type: 'CloseGrantAfterOrdinaryExpiry', actor: { role: 'jobcentre', org: jobcentre, userId: context.principal.userId }, now });
      return result.events.length > 0;
    } catch (error) {
      // The read model was behind the stream (extended, ended or moved meanwhile): not due after all.
      if (error instanceof ProblemError && error.kind !== 'unavailable') return false;
      throw error;
    }
  }
}
