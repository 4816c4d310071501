import { Principal } from '../../platform/auth/principal';
import { ForbiddenError } from '../../platform/http/problems';
import { SCHEMES } from '../../registries/schemes';
import { IGU_AGREEMENT_STATUSES } from '../../registries/statuses';
import { CandidateAction, allowedActions } from '../shared/allowed-actions';
import { iguAgreementLink } from './igu-agreement.case';
import { IguAgreementCommand, IguAgreementState, decideIguAgreement } from './igu-agreement.decider';

/**
 * Who may read an IGU agreement: its job centre, its company (R4: 'IGU-aftaler'), auditors, and
 * its citizen once it has been sent for signature (ASSUMPTION, §2: the citizen sees what is sent to them).
 */
export function assertMayReadIguAgreement(principal: Principal, state: IguAgreementState): void {
  const { role, org } = principal;
  const allowed =
    role === 'auditor' ||
    ((role === 'jobcentre' || role === 'case-system' || role === 'company-support') && org === state.jobcentre) ||
    (role === 'company' && org === state.company?.cvr) ||
    (role === 'citizen' && org === state.citizen?.cpr && state.status !== 'draft');
  if (!allowed) throw new ForbiddenError(`A ${role} of ${org} may not see this IGU agreement`);
}

/** Stands for any job centre but the case's own when asking whether a transfer is allowed. */
const OTHER_JOBCENTRE = '(another job centre)';

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
