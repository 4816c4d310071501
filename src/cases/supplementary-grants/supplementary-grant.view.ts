import { Principal } from '../../platform/auth/principal';
import { SCHEMES } from '../../registries/schemes';
import { GRANT_STATUSES } from '../../registries/statuses';
import { SUPPLEMENTARY_GRANT_TYPES } from '../../registries/supplementary-grant-types';
import { CandidateAction, allowedActions, OTHER_JOBCENTRE } from '../shared/allowed-actions';
import { grantLink, supplementaryGrantLink } from './supplementary-grant.case';
import { SupplementaryGrantCommand, SupplementaryGrantState, decideSupplementaryGrant } from './supplementary-grant.decider';
import { assertMayReadCase } from '../shared/read-access';

/** Who may read a supplementary grant: its job centre, company and citizen, and auditors. */
export function assertMayReadSupplementaryGrant(principal: Principal, state: SupplementaryGrantState, assignedAa = false): void {
  assertMayReadCase(principal, 'supplementary grant', state, { citizen: true, assignedAa });
}


const CANDIDATE_ACTIONS: CandidateAction<SupplementaryGrantCommand>[] = [
  { action: 'send-for-company-approval', command: (actor, now) => ({ type: 'SendSupplementaryGrantForCompanyApproval', actor, now }) },
  { action: 'approve-as-company', command: (actor, now) => ({ type: 'ApproveSupplementaryGrantAsCompany', method: 'nemid-employee-signature', mitidBusinessEnabled: true, actor, now }) },
  { action: 'not-approve', command: (actor, now) => ({ type: 'NotApproveSupplementaryGrant', reason: null, actor, now }) },
  { action: 'withdraw', command: (actor, now) => ({ type: 'WithdrawSupplementaryGrant', reason: null, actor, now }) },
  { action: 'close-unused', command: (actor, now) => ({ type: 'CloseSupplementaryGrantUnused', actor, now }) },
  { action: 'transfer', command: (actor, now) => ({ type: 'TransferSupplementaryGrant', toJobcentre: OTHER_JOBCENTRE, actor, now }) },
  { action: 'set-responsible', command: (actor, now) => ({ type: 'AssignResponsibleCaseworker', caseworkerId: actor.userId, actor, now }) },
];

export function toSupplementaryGrantView(state: SupplementaryGrantState, revision: number, principal: Principal) {
  const id = state.supplementaryGrantId!;
  return {
    id,
    revision,
    type: state.supplementaryGrantType,
    typeLabel: state.supplementaryGrantType ? SUPPLEMENTARY_GRANT_TYPES[state.supplementaryGrantType].label : null,
    // R3: the scheme of the actual parent grant.
    scheme: state.scheme,
    schemeLabel: state.scheme ? SCHEMES[state.scheme].label : null,
    status: state.status,
    statusLabel: state.status ? GRANT_STATUSES[state.status] : null,
    parentGrantId: state.parentGrantId,
    jobcentre: state.jobcentre,
    company: state.company,
    citizen: state.citizen,
    justification: state.justification,
    remarks: state.remarks ?? null,
    createdAt: state.createdAt,
    sentForCompanyApprovalAt: state.sentForCompanyApprovalAt ?? null,
    approvedByCompanyAt: state.approvedByCompanyAt ?? null,
    ended: state.ended ?? null,
    responsibleCaseworker: state.responsibleCaseworker ?? null,
    linkedCases: { parentGrantId: state.parentGrantId },
    // R32: a real link to the parent grant (the grants slice serves it).
    links: { self: supplementaryGrantLink(id), parent: state.parentGrantId ? grantLink(state.parentGrantId) : null },
    allowedActions: allowedActions(CANDIDATE_ACTIONS, decideSupplementaryGrant, principal, state),
  };
}
