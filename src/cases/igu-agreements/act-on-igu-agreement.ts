import { CommandContext } from '../../platform/commands/command-context';
import { ActOnCase, CaseActInputs } from '../shared/act-on-case';
import { iguAgreementCase } from './igu-agreement.case';
import { IguAgreementCommand } from './igu-agreement.decider';

/** Every act on an existing IGU agreement; creation has its own handler. */
export type IguAgreementAct = Exclude<IguAgreementCommand, { type: 'CreateIguAgreement' }>;

/** An act on an existing IGU agreement through the shared case kit (an unknown one is a 404). */
export function actOnIguAgreement(iguAgreementId: string, context: CommandContext, build: (inputs: CaseActInputs) => IguAgreementAct) {
  return new ActOnCase(iguAgreementCase, iguAgreementId, context, build);
}
