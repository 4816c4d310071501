import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../../../platform/clock/clock';
import { CommandPipeline } from '../../../platform/commands/command-pipeline';
import { APP_CONFIG, AppConfig } from '../../../platform/config/config';
import { FollowParentTransferProcess } from '../../shared/follow-parent-transfer.process';
import { grantCase } from '../grant.case';
import { GrantState } from '../grant.decider';
import { GrantEvent } from '../grant.events';

/**
 * D22/R33: a refused grant made on an application moves with the application to another job
 * centre. Each run joins the grants made on applications (`transfer_followers`) with the latest
 * transfer of each application (`grant_application_transfers`) and asks every refused grant still
 * at another job centre to follow; the grant's stream decides (refused before the application
 * moved, not transferred on its own since). The shared `FollowParentTransferProcess` does the rest.
 */
@Injectable()
export class FollowApplicationTransferProcess extends FollowParentTransferProcess<GrantState, GrantEvent> {
  constructor(db: DataSource, pipeline: CommandPipeline, @Inject(CLOCK) clock: Clock, @Inject(APP_CONFIG) config: AppConfig) {
    super(db, pipeline, clock, config, {
      job: 'grants:follow-application-transfer',
      userId: 'system:follow-application-transfer',
      caseType: grantCase,
      needs: ['transfer_followers', 'grant_application_transfers'],
      pendingSql: `SELECT g.case_id, g.jobcentre, g.parent_id, t.to_jobcentre, t.transferred_at
                     FROM grant_application_transfers t JOIN transfer_followers g ON g.parent_id = t.application_id AND g.follower_type = 'grant'
                    WHERE g.refused_at <= t.transferred_at AND g.jobcentre <> t.to_jobcentre
                      AND (g.transferred_at IS NULL OR g.transferred_at < t.transferred_at)
                    ORDER BY t.transferred_at, g.case_id LIMIT 500`,
    });
  }
}
