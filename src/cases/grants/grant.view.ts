import { Principal } from '../../platform/auth/principal';
import { cessationReasonsFor } from '../../registries/cessation-reasons';
import { SCHEMES } from '../../registries/schemes';
import { GRANT_STATUSES } from '../../registries/statuses';
import { applicationLink } from '../applications/application.view';
import { offerLink } from '../offers/offer.case';
import { CandidateAction, allowedActions, OTHER_JOBCENTRE, PROBE_FILE } from '../shared/allowed-actions';
import { nextDay } from '../shared/calendar-date';
import { signedWithFileView } from '../shared/signed-with-file';
import { grantLink } from './grant.case';
import { GrantCommand, GrantState, decideGrant } from './grant.decider';
import { assertMayReadCase } from '../shared/read-access';

/** Who may read a grant: its job centre, company and citizen, and auditors. */
export function assertMayReadGrant(principal: Principal, state: GrantState, assignedAa = false): void {
  assertMayReadCase(principal, 'grant', state, { citizen: true, assignedAa });
}


/** The acts to try against the decider; the ones that take input get a harmless probe of it. */
function candidateActions(state: GrantState): CandidateAction<GrantCommand>[] {
  const end = state.period?.end ?? '1970-01-01';
  const reason = state.scheme ? cessationReasonsFor(state.scheme).find((r) => !r.requiresSubReason) : undefined;
  return [
    { action: 'send-for-approval', command: (actor, now) => ({ type: 'SendGrantForCompanyApproval', actor, now }) },
    { action: 'approve-as-company', command: (actor, now) => ({ type: 'ApproveGrantAsCompany', method: 'nemid-employee-signature', mitidBusinessEnabled: true, actor, now }) },
    { action: 'approve-as-citizen', command: (actor, now) => ({ type: 'ApproveGrantAsCitizen', method: 'mitid', actor, now }) },
    { action: 'approve-with-file', command: (actor, now) => ({ type: 'ApproveGrantWithFile', party: state.status === 'awaiting-citizen' ? 'citizen' : 'company', file: PROBE_FILE, firstName: '-', lastName: '-', confirmed: true, verifierName: null, actor, now }) },
    { action: 'refuse', command: (actor, now) => ({ type: 'RefuseGrant', reason: null, actor, now }) },
    { action: 'withdraw', command: (actor, now) => ({ type: 'WithdrawGrant', reason: null, actor, now }) },
    // R30: offered with a (short) new 'Jobindhold'; an over-long old one blocks only the extension that keeps it.
    { action: 'extend', command: (actor, now) => ({ type: 'ExtendGrant', newEndDate: nextDay(end), jobContent: '', actor, now }) },
    { action: 'review', command: (actor, now) => ({ type: 'ReviewGrant', remarks: null, actor, now }) },
    { action: 'terminate', command: (actor, now) => ({ type: 'TerminateGrant', reasonId: reason?.reasonId ?? -1, subReasonId: null, effectiveDate: end, actor, now }) },
    { action: 'close-unused', command: (actor, now) => ({ type: 'CloseUnusedGrant', actor, now }) },
    { action: 'transfer', command: (actor, now) => ({ type: 'TransferGrant', toJobcentre: OTHER_JOBCENTRE, actor, now }) },
    { action: 'set-responsible', command: (actor, now) => ({ type: 'AssignResponsibleCaseworker', caseworkerId: actor.userId, actor, now }) },
  ];
}

/** `supplementaryGrantIds`: those attached to it, but not closed unused (D7), from the read model. */
export function toGrantView(state: GrantState, revision: number, principal: Principal, supplementaryGrantIds: string[]) {
  const id = state.grantId!;
  return {
    id,
    revision,
    scheme: state.scheme,
    schemeLabel: state.scheme ? SCHEMES[state.scheme].label : null,
    status: state.status,
    statusLabel: state.status ? GRANT_STATUSES[state.status] : null,
    jobcentre: state.jobcentre,
    company: state.company,
    citizen: state.citizen,
    period: state.period,
    hoursPerWeek: state.hoursPerWeek,
    // R30: text from before the limit is returned unchanged, never truncated.
    jobContent: state.jobContent,
    freeTextLimitApplies: state.freeTextLimitApplies,
    fleksjob: state.fleksjob ?? null,
    createdAt: state.createdAt,
    sentForApprovalAt: state.sentForApprovalAt ?? null,
    companyApproval: state.companyApproval ?? null,
    citizenApproval: state.citizenApproval ?? null,
    refusal: state.refusal ?? null,
    withdrawal: state.withdrawal ?? null,
    lastExtendedAt: state.lastExtendedAt ?? null,
    lastReviewedAt: state.lastReviewedAt ?? null,
    termination: state.termination ?? null,
    closedAt: state.closedAt ?? null,
    responsibleCaseworker: state.responsibleCaseworker ?? null,
    // R53/R57: 'Underskrevet med fil' per uploaded approval.
    signedWithFile: state.approvalFiles.map((a) => signedWithFileView(grantLink(id), a)),
    linkedCases: { applicationId: state.applicationId, offerId: state.offerId, supplementaryGrantIds },
    links: {
      self: grantLink(id),
      ...(state.applicationId ? { application: applicationLink(state.applicationId) } : {}),
      ...(state.offerId ? { offer: offerLink(state.offerId) } : {}),
    },
    allowedActions: allowedActions(candidateActions(state), decideGrant, principal, state),
  };
}
