/**
 * The IGU agreement's write model (domain.md §3.6, ASSUMPTION lifecycle): 'Kladde' →
 * 'Afventer borger' ('Send til borger', by the job centre or the company) → 'Underskrevet'.
 * A pure decider, no framework imports.
 */
import { Decider } from '../../platform/events/decider';
import { DomainError } from '../../platform/http/problems';
import { IguAgreementStatus } from '../../registries/statuses';
import { Actor } from '../shared/actor';
import { decideAssignResponsible, decideTransfer } from '../shared/case-ownership';
import { requireStatus } from '../shared/require-status';
import { IguAgreementEvent, IguAgreementParty } from './igu-agreement.events';

export type IguAgreementCommand =
  | {
      type: 'CreateIguAgreement';
      iguAgreementId: string;
      jobcentre: string;
      company: { cvr: string; pNumber: string };
      citizen: { cpr: string };
      actor: Actor;
      now: Date;
    }
  | { type: 'SendIguAgreementToCitizen'; actor: Actor; now: Date }
  | { type: 'SignIguAgreementAsCitizen'; method: 'mitid'; actor: Actor; now: Date }
  | { type: 'TransferIguAgreement'; toJobcentre: string; actor: Actor; now: Date }
  | { type: 'AssignResponsibleCaseworker'; caseworkerId: string; actor: Actor; now: Date };

export interface IguAgreementState {
  /** null until the draft exists. */
  status: IguAgreementStatus | null;
  iguAgreementId?: string;
  /** Owning job centre. */
  jobcentre?: string;
  company?: { cvr: string; pNumber: string };
  citizen?: { cpr: string };
  createdBy?: IguAgreementParty;
  createdAt?: string;
  sentToCitizenAt?: string;
  signedByCitizenAt?: string;
  /** 'Ansvarlig' (R55). */
  responsibleCaseworker?: string;
}

export const initialIguAgreementState = (): IguAgreementState => ({ status: null });

export function evolveIguAgreement(state: IguAgreementState, event: IguAgreementEvent): IguAgreementState {
  switch (event.type) {
    case 'IguAgreementDrafted': {
      const { iguAgreementId, jobcentre, company, citizen, createdBy, createdAt } = event.data;
      return { ...state, status: 'draft', iguAgreementId, jobcentre, company, citizen, createdBy, createdAt };
    }
    case 'IguAgreementSentToCitizen':
      return { ...state, status: 'awaiting-citizen', sentToCitizenAt: event.data.sentAt };
    case 'IguAgreementSignedByCitizen':
      return { ...state, status: 'signed', signedByCitizenAt: event.data.signedAt };
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

export function decideIguAgreement(command: IguAgreementCommand, state: IguAgreementState): IguAgreementEvent[] {
  if (command.type === 'CreateIguAgreement') return createDraft(command, state);
  const id = state.iguAgreementId as string;
  const at = command.now.toISOString();
  switch (command.type) {
    case 'SendIguAgreementToCitizen': {
      // R60: the citizen is never offered 'Send til borger', and may not do it either.
      if (command.actor.role === 'citizen') throw new DomainError("A citizen cannot 'Send til borger'", 'R60', { kind: 'forbidden' });
      const sentBy = partyOf(command.actor, state.jobcentre, state.company?.cvr, "Only the agreement's job centre or company may send it to the citizen");
      requireStatus('IGU agreement', state.status, ['draft'], 'igu-agreement-lifecycle');
      return [{ type: 'IguAgreementSentToCitizen', data: { iguAgreementId: id, sentAt: at, sentBy, sentByUser: command.actor.userId } }];
    }
    case 'SignIguAgreementAsCitizen':
      if (command.actor.role !== 'citizen' || command.actor.org !== state.citizen?.cpr) {
        throw new DomainError('Only the citizen of the agreement signs it', 'authorization', { kind: 'forbidden' });
      }
      requireStatus('IGU agreement', state.status, ['awaiting-citizen'], 'igu-agreement-lifecycle');
      return [{ type: 'IguAgreementSignedByCitizen', data: { iguAgreementId: id, signedAt: at, method: command.method } }];
    case 'TransferIguAgreement':
      return decideTransfer(id, state.jobcentre, command.toJobcentre, command.actor, command.now);
    case 'AssignResponsibleCaseworker':
      return decideAssignResponsible(id, state.jobcentre, command.caseworkerId, command.actor, command.now);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function createDraft(c: Extract<IguAgreementCommand, { type: 'CreateIguAgreement' }>, state: IguAgreementState): IguAgreementEvent[] {
  if (state.status !== null) throw new DomainError(`IGU agreement ${c.iguAgreementId} already exists`, 'igu-agreement-lifecycle', { kind: 'conflict', field: 'iguAgreementId' });
  const createdBy = partyOf(c.actor, c.jobcentre, c.company.cvr, 'Only a caseworker of the job centre or the company itself creates an IGU agreement');
  const { iguAgreementId, jobcentre, company, citizen } = c;
  return [{ type: 'IguAgreementDrafted', data: { iguAgreementId, jobcentre, company, citizen, createdBy, createdAt: c.now.toISOString() } }];
}

/** The job centre (by number) or the company (by CVR) of the agreement; anyone else is refused. */
function partyOf(actor: Actor, jobcentre: string | undefined, cvr: string | undefined, reason: string): IguAgreementParty {
  if (actor.role === 'jobcentre' && actor.org === jobcentre) return 'jobcentre';
  if (actor.role === 'company' && actor.org === cvr) return 'company';
  throw new DomainError(reason, 'authorization', { kind: 'forbidden' });
}

export const iguAgreementDecider: Decider<IguAgreementCommand, IguAgreementState, IguAgreementEvent> = {
  initialState: initialIguAgreementState,
  evolve: evolveIguAgreement,
  decide: decideIguAgreement,
};
