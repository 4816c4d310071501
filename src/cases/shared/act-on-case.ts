import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '../../platform/clock/clock';
import { CommandContext } from '../../platform/commands/command-context';
import { CommandPipeline, CommandResult } from '../../platform/commands/command-pipeline';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { DomainEvent } from '../../platform/events/decider';
import { NotFoundError } from '../../platform/http/problems';
import { Actor, actorOf } from './actor';
import { CaseType } from './case-type';

/** What every act on an existing case gets from the platform. */
export interface CaseActInputs {
  actor: Actor;
  now: Date;
  config: AppConfig;
}

/** The one line every handler runs: load the case's stream, fold, decide, append. */
export function executeOnCase<C, S, E extends DomainEvent>(
  pipeline: CommandPipeline,
  caseType: CaseType<C, S, E>,
  caseId: string,
  context: CommandContext,
  command: C,
  options: { creates?: boolean } = {},
): Promise<CommandResult<S>> {
  const notFound = options.creates ? undefined : () => new NotFoundError(caseType.name, caseId);
  return pipeline.handle(caseType.decider, caseType.streamId(caseId), (state) => caseType.decider.decide(command, state), context, { notFound });
}

/**
 * An act on an existing case of any type (the generic form of `ActOnApplication`): each command
 * folder builds its decider command from the platform's inputs. An unknown case is a 404.
 */
export class ActOnCase<C, S, E extends DomainEvent> extends Command<CommandResult<S>> {
  constructor(
    readonly caseType: CaseType<C, S, E>,
    readonly caseId: string,
    readonly context: CommandContext,
    readonly build: (inputs: CaseActInputs) => C,
  ) {
    super();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyActOnCase = ActOnCase<any, any, any>;

@CommandHandler(ActOnCase)
export class ActOnCaseHandler implements ICommandHandler<AnyActOnCase> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute({ caseType, caseId, context, build }: AnyActOnCase) {
    const command = build({ actor: actorOf(context), now: this.clock.now(), config: this.config });
    return executeOnCase(this.pipeline, caseType, caseId, context, command);
  }
}
