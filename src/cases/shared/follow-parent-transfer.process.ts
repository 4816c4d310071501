import { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../platform/clock/clock';
import { CommandPipeline } from '../../platform/commands/command-pipeline';
import { AppConfig } from '../../platform/config/config';
import { DomainEvent } from '../../platform/events/decider';
import { ProblemError } from '../../platform/http/problems';
import { executeOnCase } from './act-on-case';
import { CaseType } from './case-type';
import { FollowParentTransfer } from './follow-parent-transfer';
import { PeriodicJob, systemCommandContext } from './periodic-job';

/** One follower that may have to move, as the process's query finds it in the read models. */
export interface PendingFollower {
  case_id: string;
  /** The follower's job centre as the read model has it: the system principal acts for it. */
  jobcentre: string;
  parent_id: string;
  to_jobcentre: string;
  transferred_at: Date | string;
}

export interface FollowParentTransferDefinition<S, E extends DomainEvent> {
  /** Advisory-lock and log name, e.g. 'grants:follow-application-transfer'. */
  job: string;
  /** The user id in the event metadata. */
  userId: `system:${string}`;
  /** The follower's case type; its decider takes the shared `FollowParentTransfer` command. */
  caseType: CaseType<FollowParentTransfer, S, E>;
  /** Selects at most a batch of `PendingFollower` rows: followers whose parent's latest transfer they have not followed. */
  pendingSql: string;
  /** The read-model tables `pendingSql` reads: the process runs once they exist. */
  needs: string[];
}

/**
 * R33/D22: attached cases move with their parent to another job centre. A small process manager,
 * level-triggered: each run asks the read models which followers are behind their parent's latest
 * transfer and issues `FollowParentTransfer` on each follower's stream through the pipeline, as a
 * system principal of the follower's (old) job centre. The follower's own stream decides, so a
 * stale read model, a repeated run or a second process costs nothing; the advisory lock keeps
 * runs apart anyway. It runs with the projections (same interval, off with PROJECTIONS_ENABLED=false).
 */
export abstract class FollowParentTransferProcess<S, E extends DomainEvent> implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly job: PeriodicJob;

  protected constructor(
    private readonly db: DataSource,
    private readonly pipeline: CommandPipeline,
    private readonly clock: Clock,
    config: AppConfig,
    private readonly definition: FollowParentTransferDefinition<S, E>,
  ) {
    this.job = new PeriodicJob(db, definition.job, config.projections.enabled ? config.projections.pollIntervalMs : 0, { needs: definition.needs });
  }

  onApplicationBootstrap(): void {
    this.job.start(() => this.runOnce());
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** One pass; the ids of the cases moved, or null when another process is running it. */
  runOnce(): Promise<string[] | null> {
    return this.job.exclusive(async () => {
      const pending: PendingFollower[] = await this.db.query(this.definition.pendingSql);
      const moved: string[] = [];
      for (const p of pending) if (await this.follow(p)) moved.push(p.case_id);
      return moved;
    });
  }

  private async follow(p: PendingFollower): Promise<boolean> {
    const context = systemCommandContext(this.definition.userId, 'jobcentre', p.jobcentre);
    const actor = { role: 'jobcentre', org: p.jobcentre, userId: context.principal.userId };
    const command: FollowParentTransfer = {
      type: 'FollowParentTransfer', parentId: p.parent_id, toJobcentre: p.to_jobcentre, transferredAt: new Date(p.transferred_at).toISOString(), actor, now: this.clock.now(),
    };
    try {
      return (await executeOnCase(this.pipeline, this.definition.caseType, p.case_id, context, command)).events.length > 0;
    } catch (error) {
      if (error instanceof ProblemError && error.kind !== 'unavailable') return false; // the read model was behind; the next run sees more
      throw error;
    }
  }
}
