import { CommandContext } from '../../platform/commands/command-context';
import { ActOnCase, CaseActInputs } from '../shared/act-on-case';
import { grantCase } from './grant.case';
import { GrantCommand } from './grant.decider';

/** The acts people start over HTTP; drafting has its own handler, the system acts run from their schedulers. */
export type GrantAct = Exclude<GrantCommand, { type: 'DraftGrant' | 'CloseGrantAfterOrdinaryExpiry' | 'FollowParentTransfer' }>;

/** An act on an existing grant through the shared case kit (an unknown grant is a 404). */
export function actOnGrant(grantId: string, context: CommandContext, build: (inputs: CaseActInputs) => GrantAct) {
  return new ActOnCase(grantCase, grantId, context, build);
}
