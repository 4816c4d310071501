import { Principal } from '../../platform/auth/principal';
import { SCHEMES } from '../../registries/schemes';
import { IGU_AGREEMENT_STATUSES } from '../../registries/statuses';
import { CandidateAction, allowedActions, OTHER_JOBCENTRE } from '../shared/allowed-actions';
import { iguAgreementLink } from './igu-agreement.case';
import { IguAgreementCommand, IguAgreementState, decideIguAgreement } from './igu-agreement.decider';
import { assertMayReadCase } from '../shared/read-access';

/**
 * Who may read an IGU agreement: its job centre, its company (R4: 'IGU-aftaler'), auditors, and
 * its citizen once it has been sent for signature (ASSUMPTION, §2: the citizen sees what is sent to them).
 */
export function assertMayReadIguAgreement(principal: Principal, state: IguAgreementState): void {
  assertMayReadCase(principal, 'IGU agreement', state, { citizen: () => state.status !== 'draft' });
}


/** R60 holds by construction: the decider refuses 'Send til borger' to a citizen, so it is never offered. */
const CANDIDATE_ACTIONS: CandidateAction<IguAgreementCommand>[] = [
  { action: 'send-to-citizen', command: (actor, now) => ({ type: 'SendIguAgreementToCitizen', actor, now }) },
  { action: 'sign-as-citizen', command: (actor, now) => ({ type: 'SignIguAgreementAsCitizen', method: 'mitid', actor, now }) },
  { action: 'transfer', command: (actor, now) => ({ type: 'TransferIguAgreement', toJobcentre: OTHER_JOBCENTRE, actor, now }) },
  { action: 'set-responsible', command: (actor, now) => ({ type: 'AssignResponsibleCaseworker', caseworkerId: actor.userId, actor, now }) },
];

export function iguAgreementActions(principal: Principal, state: IguAgreementState): string[] {
  return allowedActions(CANDIDATE_ACTIONS, decideIguAgreement, principal, state);
}

export function toIguAgreementView(state: IguAgreementState, revision: number, principal: Principal) {
  const id = state.iguAgreementId!;
  return {
    id,
    revision,
    scheme: 'igu' as const,
    schemeLabel: SCHEMES.igu.label,
    status: state.status,
    statusLabel: state.status ? IGU_AGREEMENT_STATUSES[state.status] : null,
    jobcentre: state.jobcentre,
    company: state.company,
    citizen: state.citizen,
    createdBy: state.createdBy,
    createdAt: state.createdAt,
    sentToCitizenAt: state.sentToCitizenAt ?? null,
    signedByCitizenAt: state.signedByCitizenAt ?? null,
    responsibleCaseworker: state.responsibleCaseworker ?? null,
    links: { self: iguAgreementLink(id) },
    allowedActions: iguAgreementActions(principal, state),
  };
}
