import { CommandContext } from '../../platform/commands/command-context';
import { ActOnCase, CaseActInputs } from '../shared/act-on-case';
import { supplementaryGrantCase } from './supplementary-grant.case';
import { SupplementaryGrantCommand } from './supplementary-grant.decider';

/** The acts people start over HTTP; drafting has its own handler (it reads the parent grant), following the parent runs from its process. */
export type SupplementaryGrantAct = Exclude<SupplementaryGrantCommand, { type: 'DraftSupplementaryGrant' | 'FollowParentTransfer' }>;

/** An act on an existing supplementary grant through the shared case kit (an unknown one is a 404). */
export function actOnSupplementaryGrant(supplementaryGrantId: string, context: CommandContext, build: (inputs: CaseActInputs) => SupplementaryGrantAct) {
  return new ActOnCase(supplementaryGrantCase, supplementaryGrantId, context, build);
}
