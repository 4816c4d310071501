import { Principal } from '../../platform/auth/principal';
import { SCHEMES } from '../../registries/schemes';
import { OFFER_CANCELLED_BY_COMPANY_LABEL, OFFER_STATUSES } from '../../registries/statuses';
import { CandidateAction, allowedActions, OTHER_JOBCENTRE } from '../shared/allowed-actions';
import { offerLink } from './offer.case';
import { OfferCommand, OfferState, decideOffer } from './offer.decider';
import { assertMayReadCase } from '../shared/read-access';

/**
 * Who may read an offer: its job centre, its company and the company's representative, auditors,
 * and (ASSUMPTION, 2.2) every job centre's caseworkers when the offer is on the national list.
 */
export function assertMayReadOffer(principal: Principal, state: OfferState): void {
  assertMayReadCase(principal, 'offer', state, { employeeRepresentative: true, anyJobcentre: state.onNationalList === true });
}

/** R15/D24: the 'Annulleret af virksomhed' flag as the API shows it (the icon's mouse-over text). */
export function cancelledByCompanyFlag(cancelledAt: string | null | undefined): { at: string; label: string } | null {
  return cancelledAt ? { at: cancelledAt, label: OFFER_CANCELLED_BY_COMPANY_LABEL } : null;
}


const CANDIDATE_ACTIONS: CandidateAction<OfferCommand>[] = [
  { action: 'approve-as-employee-representative', command: (actor, now) => ({ type: 'ApproveOfferAsEmployeeRep', actor, now }) },
  { action: 'reject-as-employee-representative', command: (actor, now) => ({ type: 'RejectOfferAsEmployeeRep', reason: '-', actor, now }) },
  { action: 'cancel', command: (actor, now) => ({ type: 'CancelOffer', actor, now }) },
  { action: 'transfer', command: (actor, now) => ({ type: 'TransferOffer', toJobcentre: OTHER_JOBCENTRE, actor, now }) },
  { action: 'set-responsible', command: (actor, now) => ({ type: 'AssignResponsibleCaseworker', caseworkerId: actor.userId, actor, now }) },
];

/** `grantIds`: grants created on the offer (R44), from the search read model `search_cases`. */
export function toOfferView(state: OfferState, revision: number, principal: Principal, grantIds: string[]) {
  const id = state.offerId!;
  return {
    id,
    revision,
    scheme: state.scheme,
    schemeLabel: state.scheme ? SCHEMES[state.scheme].label : null,
    status: state.status,
    statusLabel: state.status ? OFFER_STATUSES[state.status] : null,
    cancelledByCompany: cancelledByCompanyFlag(state.cancelledAt),
    onNationalList: state.onNationalList,
    jobcentre: state.jobcentre,
    company: state.company,
    hoursPerWeek: state.hoursPerWeek,
    workTasks: state.workTasks,
    employeeRepStepRequired: state.employeeRepStepRequired,
    employeeRepDecidedAt: state.employeeRepDecidedAt ?? null,
    rejectionReason: state.rejectionReason ?? null,
    createdAt: state.createdAt,
    responsibleCaseworker: state.responsibleCaseworker ?? null,
    linkedCases: { grantIds },
    links: { self: offerLink(id) },
    allowedActions: allowedActions(CANDIDATE_ACTIONS, decideOffer, principal, state),
  };
}
