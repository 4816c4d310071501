import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '../../../platform/clock/clock';
import { CommandPipeline } from '../../../platform/commands/command-pipeline';
import { APP_CONFIG, AppConfig } from '../../../platform/config/config';
import { EVENT_STORE, EventStore } from '../../../platform/event-store/event-store.port';
import { EventRegistry } from '../../../platform/events/event-registry';
import { ProblemError } from '../../../platform/http/problems';
import { grantStreamId } from '../../grants/grant.events';
import { executeOnCase } from '../../shared/act-on-case';
import { actorOf } from '../../shared/actor';
import { readUpcastStream } from '../../shared/load-case';
import { parentGrantOf } from '../parent-grant';
import { supplementaryGrantCase } from '../supplementary-grant.case';
import { CreateSupplementaryGrantCommand } from './create-supplementary-grant.dto';

/** Reads the parent grant's own stream (R3: its actual scheme), then drafts the supplementary grant. */
@CommandHandler(CreateSupplementaryGrantCommand)
export class CreateSupplementaryGrantHandler implements ICommandHandler<CreateSupplementaryGrantCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: EventRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ supplementaryGrantId, input, context }: CreateSupplementaryGrantCommand) {
    const parent = parentGrantOf(await readUpcastStream(this.store, this.registry, grantStreamId(input.parentGrantId)));
    if (!parent) {
      throw new ProblemError('not-found', `Parent grant ${input.parentGrantId} does not exist`, 'not-found', 'parentGrantId', { parentGrantId: input.parentGrantId });
    }
    const command = {
      type: 'DraftSupplementaryGrant' as const,
      supplementaryGrantId,
      parent,
      supplementaryGrantType: input.type,
      justification: input.justification,
      remarks: input.remarks ?? null,
      freeTextLimitEffectiveDate: this.config.freeTextLimitEffectiveDate,
      actor: actorOf(context),
      now: this.clock.now(),
    };
    return executeOnCase(this.pipeline, supplementaryGrantCase, supplementaryGrantId, context, command, { creates: true });
  }
}
