import { CommandContext } from '../../platform/commands/command-context';
import { ActOnCase, CaseActInputs } from '../shared/act-on-case';
import { applicationCase } from './application.case';
import { ApplicationCommand } from './application.decider';

/** The acts on an existing application; drafting has its own handler. */
export type ApplicationAct = Exclude<ApplicationCommand, { type: 'CreateApplicationDraft' }>;

/** An act on an existing application through the shared case kit (an unknown one is a 404). */
export function actOnApplication(applicationId: string, context: CommandContext, build: (inputs: CaseActInputs) => ApplicationAct) {
  return new ActOnCase(applicationCase, applicationId, context, build);
}
