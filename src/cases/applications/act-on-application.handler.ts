import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { CommandContext } from '../../platform/commands/command-context';
import { CommandPipeline } from '../../platform/commands/command-pipeline';
import { Actor, ApplicationCommand } from './application.decider';
import { actorOf, executeOnApplication } from './application.execute';

/** What every act on an existing application gets from the platform. */
export interface ActInputs {
  actor: Actor;
  now: Date;
  config: AppConfig;
}

/** An act on an existing application; each command folder builds its decider command. */
export class ActOnApplication {
  constructor(
    readonly applicationId: string,
    readonly context: CommandContext,
    readonly build: (inputs: ActInputs) => Exclude<ApplicationCommand, { type: 'CreateApplicationDraft' }>,
  ) {}
}

@CommandHandler(ActOnApplication)
export class ActOnApplicationHandler implements ICommandHandler<ActOnApplication> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute({ applicationId, context, build }: ActOnApplication) {
    const command = build({ actor: actorOf(context), now: this.clock.now(), config: this.config });
    return executeOnApplication(this.pipeline, applicationId, context, command);
  }
}
