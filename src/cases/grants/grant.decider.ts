/**
 * The grant's write model (domain.md §3.3): a pure decider, no framework imports. Each act's
 * rules live beside it (draft, approval, period); this file routes and stays exhaustive.
 */
import { Decider } from '../../platform/events/decider';
import { decideAssignResponsible, decideTransfer, requireOwningJobcentre } from '../shared/case-ownership';
import { requireStatus } from '../shared/require-status';
import { approveAsCitizen, approveAsCompany, refuse, withdraw } from './grant.approval-rules';
import { approveWithFile } from './grant.file-approval-rules';
import { GrantCommand } from './grant.commands';
import { decideDraft } from './grant.draft-rules';
import { GrantEvent } from './grant.events';
import { closeAfterOrdinaryExpiry, closeUnused, extend, followApplicationTransfer, review, terminate } from './grant.period-rules';
import { GrantState, evolveGrant, initialGrantState } from './grant.state';

export type { GrantCommand, GrantState };

export function decideGrant(command: GrantCommand, state: GrantState): GrantEvent[] {
  switch (command.type) {
    case 'DraftGrant':
      return decideDraft(command, state);
    case 'SendGrantForCompanyApproval':
      // R64: from here on the grant is a task of the employer.
      requireOwningJobcentre(command.actor, state.jobcentre);
      requireStatus('grant', state.status, ['drafted'], 'grant-lifecycle');
      return [{ type: 'GrantSentForCompanyApproval', data: { grantId: state.grantId!, sentAt: command.now.toISOString() } }];
    case 'ApproveGrantAsCompany':
      return approveAsCompany(command, state);
    case 'ApproveGrantAsCitizen':
      return approveAsCitizen(command, state);
    case 'ApproveGrantWithFile':
      return approveWithFile(command, state);
    case 'RefuseGrant':
      return refuse(command, state);
    case 'WithdrawGrant':
      return withdraw(command, state);
    case 'ExtendGrant':
      return extend(command, state);
    case 'ReviewGrant':
      return review(command, state);
    case 'TerminateGrant':
      return terminate(command, state);
    case 'CloseGrantAfterOrdinaryExpiry':
      return closeAfterOrdinaryExpiry(command, state);
    case 'CloseUnusedGrant':
      return closeUnused(command, state);
    case 'TransferGrant':
      // R33: a grant moves in any status, a refused one included.
      return decideTransfer(state.grantId!, state.jobcentre, command.toJobcentre, command.actor, command.now);
    case 'FollowParentTransfer':
      return followApplicationTransfer(command, state);
    case 'AssignResponsibleCaseworker':
      return decideAssignResponsible(state.grantId!, state.jobcentre, command.caseworkerId, command.actor, command.now);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

export const grantDecider: Decider<GrantCommand, GrantState, GrantEvent> = {
  initialState: initialGrantState,
  evolve: evolveGrant,
  decide: decideGrant,
};
