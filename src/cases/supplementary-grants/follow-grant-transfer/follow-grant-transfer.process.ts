import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../../../platform/clock/clock';
import { CommandPipeline } from '../../../platform/commands/command-pipeline';
import { APP_CONFIG, AppConfig } from '../../../platform/config/config';
import { FollowParentTransferProcess } from '../../shared/follow-parent-transfer.process';
import { supplementaryGrantCase } from '../supplementary-grant.case';
import { SupplementaryGrantState } from '../supplementary-grant.decider';
import { SupplementaryGrantEvent } from '../supplementary-grant.events';

/**
 * R33 ("attached … move with the case", as D22): when a grant moves to another job centre, its
 * supplementary grants follow, in any status. Each run joins the latest transfer of each grant
 * (`grant_transfers`) with the supplementary grants (`transfer_followers`) and asks every supplementary grant not at its
 * parent's job centre, and not transferred on its own since the parent moved, to follow; the
 * supplementary grant's stream decides. The shared `FollowParentTransferProcess` does the rest.
 */
@Injectable()
export class FollowGrantTransferProcess extends FollowParentTransferProcess<SupplementaryGrantState, SupplementaryGrantEvent> {
  constructor(db: DataSource, pipeline: CommandPipeline, @Inject(CLOCK) clock: Clock, @Inject(APP_CONFIG) config: AppConfig) {
    super(db, pipeline, clock, config, {
      job: 'supplementary-grants:follow-grant-transfer',
      userId: 'system:follow-grant-transfer',
      caseType: supplementaryGrantCase,
      needs: ['grant_transfers', 'transfer_followers'],
      pendingSql: `SELECT s.case_id, s.jobcentre, t.grant_id AS parent_id, t.to_jobcentre, t.transferred_at
                     FROM grant_transfers t JOIN transfer_followers s ON s.parent_id = t.grant_id AND s.follower_type = 'supplementary-grant'
                    WHERE s.jobcentre <> t.to_jobcentre AND (s.transferred_at IS NULL OR s.transferred_at < t.transferred_at)
                    ORDER BY t.transferred_at, s.case_id LIMIT 500`,
    });
  }
}
