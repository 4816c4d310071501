/**
 * The offer's write model (domain.md §3.2): a pure decider, no framework imports.
 * Time, ids, configuration and looked-up facts arrive on the command.
 */
import { Decider } from '../../platform/events/decider';
import { DomainError } from '../../platform/http/problems';
import { SCHEMES_WITH_EMPLOYEE_REP_STEP, Scheme } from '../../registries/schemes';
import { OfferStatus } from '../../registries/statuses';
import { Actor } from '../shared/actor';
import { decideAssignResponsible, decideTransfer } from '../shared/case-ownership';
import { freeTextLimitApplies, requireFreeTextWithinLimit } from '../shared/free-text';
import { requireStatus } from '../shared/require-status';
import { OfferEvent } from './offer.events';

export type OfferCommand =
  | {
      type: 'CreateOffer';
      offerId: string;
      scheme: Scheme;
      jobcentre: string;
      company: { cvr: string; pNumber: string };
      onNationalList: boolean;
      hoursPerWeek: number;
      workTasks: string;
      /** Looked up from reference data by the handler (D23). */
      pUnitHasEmployeeRepresentative: boolean;
      /** R27/D18: from configuration. */
      freeTextLimitEffectiveDate: Date;
      actor: Actor;
      now: Date;
    }
  | { type: 'ApproveOfferAsEmployeeRep'; actor: Actor; now: Date }
  | { type: 'RejectOfferAsEmployeeRep'; reason: string; actor: Actor; now: Date }
  | { type: 'CancelOffer'; actor: Actor; now: Date }
  | { type: 'TransferOffer'; toJobcentre: string; actor: Actor; now: Date }
  | { type: 'AssignResponsibleCaseworker'; caseworkerId: string; actor: Actor; now: Date };

export interface OfferState {
  /** null until the offer exists. */
  status: OfferStatus | null;
  offerId?: string;
  scheme?: Scheme;
  onNationalList?: boolean;
  /** Owning job centre (the one the offer is made to). */
  jobcentre?: string;
  company?: { cvr: string; pNumber: string };
  hoursPerWeek?: number;
  /** 'Arbejdsopgaver'. */
  workTasks?: string;
  employeeRepStepRequired: boolean;
  freeTextLimitApplies: boolean;
  createdAt?: string;
  employeeRepDecidedAt?: string;
  rejectionReason?: string;
  /** R15/D24: 'Annulleret af virksomhed', a flag with its timestamp. */
  cancelledAt?: string;
  /** 'Ansvarlig' (R55). */
  responsibleCaseworker?: string;
}

export const initialOfferState = (): OfferState => ({ status: null, employeeRepStepRequired: false, freeTextLimitApplies: false });

export function evolveOffer(state: OfferState, event: OfferEvent): OfferState {
  switch (event.type) {
    case 'OfferCreated': {
      const d = event.data;
      return {
        ...state, status: 'created', offerId: d.offerId, scheme: d.scheme, onNationalList: d.onNationalList, jobcentre: d.jobcentre, company: d.company,
        hoursPerWeek: d.hoursPerWeek, workTasks: d.workTasks, employeeRepStepRequired: d.employeeRepStepRequired, freeTextLimitApplies: d.freeTextLimitApplies, createdAt: d.createdAt,
      };
    }
    case 'OfferSentToEmployeeRep':
      return { ...state, status: 'sent-to-employee-rep' };
    case 'OfferActivated':
      return { ...state, status: 'active' };
    case 'OfferApprovedByEmployeeRep':
      return { ...state, status: 'active', employeeRepDecidedAt: event.data.approvedAt };
    case 'OfferRejectedByEmployeeRep':
      return { ...state, status: 'rejected-by-employee-rep', employeeRepDecidedAt: event.data.rejectedAt, rejectionReason: event.data.reason };
    case 'OfferCancelledByCompany':
      return { ...state, cancelledAt: event.data.cancelledAt }; // D24: the status stays as it is
    case 'CaseTransferredToJobcentre':
      return { ...state, jobcentre: event.data.to };
    case 'ResponsibleCaseworkerAssigned':
      return { ...state, responsibleCaseworker: event.data.caseworkerId };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export function decideOffer(command: OfferCommand, state: OfferState): OfferEvent[] {
  if (command.type === 'CreateOffer') return createOffer(command, state);
  const id = state.offerId as string;
  const at = command.now.toISOString();
  switch (command.type) {
    case 'ApproveOfferAsEmployeeRep':
      requireEmployeeRep(command.actor, state);
      requireEmployeeRepStep(state);
      return [{ type: 'OfferApprovedByEmployeeRep', data: { offerId: id, approvedAt: at, approvedBy: command.actor.userId } }];
    case 'RejectOfferAsEmployeeRep':
      requireEmployeeRep(command.actor, state);
      requireEmployeeRepStep(state);
      return [{ type: 'OfferRejectedByEmployeeRep', data: { offerId: id, rejectedAt: at, rejectedBy: command.actor.userId, reason: command.reason } }];
    case 'CancelOffer':
      requireOwnCompany(command.actor, state.company?.cvr, 'Only the company that made the offer may cancel it');
      // D24: at any time, whatever the status, and grants made on it stay as they are; but only once.
      if (state.cancelledAt) throw new DomainError(`The offer was already cancelled by the company at ${state.cancelledAt}`, 'D24', { kind: 'conflict', field: 'cancelledByCompany' });
      return [{ type: 'OfferCancelledByCompany', data: { offerId: id, cancelledAt: at, cancelledBy: command.actor.userId } }];
    case 'TransferOffer':
      return decideTransfer(id, state.jobcentre, command.toJobcentre, command.actor, command.now);
    case 'AssignResponsibleCaseworker':
      return decideAssignResponsible(id, state.jobcentre, command.caseworkerId, command.actor, command.now);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function createOffer(c: Extract<OfferCommand, { type: 'CreateOffer' }>, state: OfferState): OfferEvent[] {
  if (state.status !== null) throw new DomainError(`Offer ${c.offerId} already exists`, 'offer-lifecycle', { kind: 'conflict', field: 'offerId' });
  requireOwnCompany(c.actor, c.company.cvr, 'Only the company itself creates its offers');
  const at = c.now.toISOString();
  const limitApplies = freeTextLimitApplies(c.now, c.freeTextLimitEffectiveDate);
  requireFreeTextWithinLimit({ workTasks: c.workTasks }, limitApplies); // R27
  // D23: VP, LT and VL go to the employee representative when the P-unit has one.
  const employeeRepStepRequired = SCHEMES_WITH_EMPLOYEE_REP_STEP.includes(c.scheme) && c.pUnitHasEmployeeRepresentative;
  const { offerId, scheme, onNationalList, jobcentre, company, hoursPerWeek, workTasks } = c;
  return [
    { type: 'OfferCreated', data: { offerId, scheme, onNationalList, jobcentre, company, hoursPerWeek, workTasks, employeeRepStepRequired, freeTextLimitApplies: limitApplies, createdAt: at } },
    employeeRepStepRequired
      ? { type: 'OfferSentToEmployeeRep', data: { offerId, sentAt: at } }
      : { type: 'OfferActivated', data: { offerId, activatedAt: at } },
  ];
}

function requireOwnCompany(actor: Actor, cvr: string | undefined, reason: string): void {
  if (actor.role !== 'company' || actor.org !== cvr) throw new DomainError(reason, 'authorization', { kind: 'forbidden' });
}

function requireEmployeeRep(actor: Actor, state: OfferState): void {
  const own = actor.org === state.company?.pNumber || actor.org === state.company?.cvr;
  if (actor.role !== 'employee-representative' || !own) {
    throw new DomainError("Only the employee representative of the offer's company may do this", 'authorization', { kind: 'forbidden' });
  }
}

/** R9: only an offer sent to the representative awaits them; ASSUMPTION: a cancelled offer awaits nobody. */
function requireEmployeeRepStep(state: OfferState): void {
  requireStatus('offer', state.status, ['sent-to-employee-rep'], 'R9');
  if (state.cancelledAt) throw new DomainError('The company has cancelled the offer', 'D24', { kind: 'conflict', field: 'cancelledByCompany' });
}

export const offerDecider: Decider<OfferCommand, OfferState, OfferEvent> = {
  initialState: initialOfferState,
  evolve: evolveOffer,
  decide: decideOffer,
};
