import { CommandContext } from '../../platform/commands/command-context';
import { CommandPipeline, CommandResult } from '../../platform/commands/command-pipeline';
import { NotFoundError } from '../../platform/http/problems';
export { actorOf } from '../shared/actor';
import { ApplicationCommand, ApplicationState, applicationDecider } from './application.decider';
import { applicationStreamId } from './application.events';

/** The one line every application handler runs: load, fold, decide, append. */
export function executeOnApplication(
  pipeline: CommandPipeline,
  applicationId: string,
  context: CommandContext,
  command: ApplicationCommand,
): Promise<CommandResult<ApplicationState>> {
  const notFound = command.type === 'CreateApplicationDraft' ? undefined : () => new NotFoundError('Application', applicationId);
  return pipeline.handle(applicationDecider, applicationStreamId(applicationId), (state) => applicationDecider.decide(command, state), context, { notFound });
}
