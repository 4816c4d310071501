import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../../../platform/clock/clock';
import { CommandPipeline } from '../../../platform/commands/command-pipeline';
import { APP_CONFIG, AppConfig } from '../../../platform/config/config';
import { ProblemError } from '../../../platform/http/problems';
import { executeOnCase } from '../../shared/act-on-case';
import { PeriodicJob, systemCommandContext } from '../../shared/periodic-job';
import { grantCase } from '../grant.case';

/**
 * D22/R33: a refused grant made on an application moves with the application to another job
 * centre. A small process manager, level-triggered: each run joins the `grants` read model with
 * the latest transfer of each application (`grant_application_transfers`) and asks every refused
 * grant still at another job centre to follow. The grant's own stream decides (refused before
 * the application moved, not transferred on its own since), so a stale read model, a repeated
 * run or a second process costs nothing; the advisory lock keeps runs apart anyway. It runs
 * with the projections (same interval, off with PROJECTIONS_ENABLED=false).
 */
@Injectable()
export class FollowApplicationTransferProcess implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(
    private readonly db: DataSource,
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.job = new PeriodicJob(db, 'grants:follow-application-transfer', config.projections.enabled ? config.projections.pollIntervalMs : 0);
  }

  onApplicationBootstrap(): void {
    this.job.start(() => this.runOnce());
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** One pass; the ids of the grants moved, or null when another process is running it. */
  runOnce(): Promise<string[] | null> {
    return this.job.exclusive(async () => {
      const pending: { grant_id: string; jobcentre: string; application_id: string; to_jobcentre: string; transferred_at: Date }[] = await this.db.query(
        `SELECT g.grant_id, g.jobcentre, g.application_id, t.to_jobcentre, t.transferred_at
           FROM grants g JOIN grant_application_transfers t ON t.application_id = g.application_id
          WHERE g.status = 'not-approved' AND g.jobcentre <> t.to_jobcentre AND g.refused_at <= t.transferred_at
            AND (g.transferred_at IS NULL OR g.transferred_at < t.transferred_at)
          ORDER BY t.transferred_at, g.grant_id LIMIT 500`,
      );
      const moved: string[] = [];
      for (const p of pending) if (await this.follow(p.grant_id, p.jobcentre, p.application_id, p.to_jobcentre, new Date(p.transferred_at).toISOString())) moved.push(p.grant_id);
      return moved;
    });
  }

  private async follow(grantId: string, jobcentre: string, applicationId: string, toJobcentre: string, transferredAt: string): Promise<boolean> {
    const context = systemCommandContext('system:follow-application-transfer', 'jobcentre', jobcentre);
    const actor = { role: 'jobcentre', org: jobcentre, userId: context.principal.userId };
    try {
      const command = { type: 'FollowApplicationTransfer' as const, applicationId, toJobcentre, transferredAt, actor, now: this.clock.now() };
      return (await executeOnCase(this.pipeline, grantCase, grantId, context, command)).events.length > 0;
    } catch (error) {
      if (error instanceof ProblemError && error.kind !== 'unavailable') return false; // the read model was behind; the next run sees more
      throw error;
    }
  }
}
