/**
 * The supplementary grant's write model (domain.md §3.4; ASSUMPTION: the grant approval
 * sub-machine of §3.3). A pure decider, no framework imports: the parent grant's facts,
 * time and configuration arrive on the command.
 */
import { Decider } from '../../platform/events/decider';
import { DomainError } from '../../platform/http/problems';
import { Scheme } from '../../registries/schemes';
import { SigningMethod } from '../../registries/signing-methods';
import { GrantStatus } from '../../registries/statuses';
import { SupplementaryGrantType } from '../../registries/supplementary-grant-types';
import { Actor } from '../shared/actor';
import { decideAssignResponsible, decideTransfer, requireOwningJobcentre } from '../shared/case-ownership';
import { FollowParentTransfer, decideFollowParentTransfer } from '../shared/follow-parent-transfer';
import { freeTextLimitApplies, requireFreeTextWithinLimit } from '../shared/free-text';
import { requireStatus } from '../shared/require-status';
import { requireSigningMethodAvailable } from '../shared/signing-rules';
import { ParentGrant } from './parent-grant';
import { SupplementaryGrantEvent, SupplementaryGrantParty } from './supplementary-grant.events';

/** The grant statuses a supplementary grant passes through (labels from GRANT_STATUSES). */
export type SupplementaryGrantStatus = Extract<GrantStatus, 'drafted' | 'awaiting-company' | 'active' | 'not-approved' | 'withdrawn' | 'closed-unused'>;

export type SupplementaryGrantCommand =
  | {
      type: 'DraftSupplementaryGrant';
      supplementaryGrantId: string;
      /** Folded from the parent grant's stream by the handler. */
      parent: ParentGrant;
      supplementaryGrantType: SupplementaryGrantType;
      justification: string;
      remarks: string | null;
      /** R27/D18: from configuration. */
      freeTextLimitEffectiveDate: Date;
      actor: Actor;
      now: Date;
    }
  | { type: 'SendSupplementaryGrantForCompanyApproval'; actor: Actor; now: Date }
  | { type: 'ApproveSupplementaryGrantAsCompany'; method: SigningMethod; mitidBusinessEnabled: boolean; actor: Actor; now: Date }
  | { type: 'NotApproveSupplementaryGrant'; reason: string | null; actor: Actor; now: Date }
  | { type: 'WithdrawSupplementaryGrant'; reason: string | null; actor: Actor; now: Date }
  | { type: 'CloseSupplementaryGrantUnused'; actor: Actor; now: Date }
  | { type: 'TransferSupplementaryGrant'; toJobcentre: string; actor: Actor; now: Date }
  /** R33: issued by the follow-parent-transfer process (the parent is the grant), never over HTTP. */
  | FollowParentTransfer
  | { type: 'AssignResponsibleCaseworker'; caseworkerId: string; actor: Actor; now: Date };

export interface SupplementaryGrantState {
  /** null until the supplementary grant exists. */
  status: SupplementaryGrantStatus | null;
  supplementaryGrantId?: string;
  parentGrantId?: string;
  supplementaryGrantType?: SupplementaryGrantType;
  /** R3: the parent's scheme. */
  scheme?: Scheme;
  /** Owning job centre. */
  jobcentre?: string;
  company?: { cvr: string; pNumber: string };
  citizen?: { cpr: string };
  /** 'Begrundelse'. */
  justification?: string;
  /** 'Bemærkninger'. */
  remarks?: string | null;
  createdAt?: string;
  sentForCompanyApprovalAt?: string;
  approvedByCompanyAt?: string;
  /** When it was refused, withdrawn or closed unused, by whom and why. */
  ended?: { at: string; by: SupplementaryGrantParty | null; reason: string | null };
  /** Its own last transfer (R33): a later one is never undone by following the parent. */
  lastTransferredAt?: string;
  /** 'Ansvarlig' (R55). */
  responsibleCaseworker?: string;
}

export const initialSupplementaryGrantState = (): SupplementaryGrantState => ({ status: null });

export function evolveSupplementaryGrant(state: SupplementaryGrantState, event: SupplementaryGrantEvent): SupplementaryGrantState {
  switch (event.type) {
    case 'SupplementaryGrantDrafted': {
      const { supplementaryGrantId, parentGrantId, supplementaryGrantType, scheme, jobcentre, company, citizen, justification, remarks, createdAt } = event.data;
      return { ...state, status: 'drafted', supplementaryGrantId, parentGrantId, supplementaryGrantType, scheme, jobcentre, company, citizen, justification, remarks, createdAt };
    }
    case 'SupplementaryGrantSentForCompanyApproval':
      return { ...state, status: 'awaiting-company', sentForCompanyApprovalAt: event.data.sentAt };
    case 'SupplementaryGrantApprovedByCompany':
      return { ...state, status: 'active', approvedByCompanyAt: event.data.approvedAt };
    case 'SupplementaryGrantNotApproved':
      return { ...state, status: 'not-approved', ended: { at: event.data.at, by: event.data.by, reason: event.data.reason } };
    case 'SupplementaryGrantWithdrawn':
      return { ...state, status: 'withdrawn', ended: { at: event.data.at, by: event.data.by, reason: event.data.reason } };
    case 'SupplementaryGrantClosedUnused':
      return { ...state, status: 'closed-unused', ended: { at: event.data.at, by: 'jobcentre', reason: null } };
    case 'CaseTransferredToJobcentre':
      return { ...state, jobcentre: event.data.to, lastTransferredAt: event.data.transferredAt };
    case 'ResponsibleCaseworkerAssigned':
      return { ...state, responsibleCaseworker: event.data.caseworkerId };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

const LIFECYCLE = 'supplementary-grant-lifecycle';
const WHAT = 'supplementary grant';

export function decideSupplementaryGrant(command: SupplementaryGrantCommand, state: SupplementaryGrantState): SupplementaryGrantEvent[] {
  if (command.type === 'DraftSupplementaryGrant') return draft(command, state);
  const id = state.supplementaryGrantId as string;
  const at = command.now.toISOString();
  switch (command.type) {
    case 'SendSupplementaryGrantForCompanyApproval':
      requireOwningJobcentre(command.actor, state.jobcentre);
      requireStatus(WHAT, state.status, ['drafted'], LIFECYCLE);
      return [{ type: 'SupplementaryGrantSentForCompanyApproval', data: { supplementaryGrantId: id, sentAt: at } }];
    case 'ApproveSupplementaryGrantAsCompany':
      requireOwnCompany(command.actor, state);
      requireStatus(WHAT, state.status, ['awaiting-company'], LIFECYCLE);
      requireSigningMethodAvailable(command.method, command.mitidBusinessEnabled); // R37
      return [{ type: 'SupplementaryGrantApprovedByCompany', data: { supplementaryGrantId: id, method: command.method, approvedAt: at, approvedBy: command.actor.userId } }];
    case 'NotApproveSupplementaryGrant': {
      const by = partyOf(command.actor, state);
      requireStatus(WHAT, state.status, ['awaiting-company'], LIFECYCLE);
      return [{ type: 'SupplementaryGrantNotApproved', data: { supplementaryGrantId: id, by, at, actorId: command.actor.userId, reason: command.reason } }];
    }
    case 'WithdrawSupplementaryGrant': {
      const by = partyOf(command.actor, state);
      // ASSUMPTION: a drafted grant is no employer task yet (R64), so only the job centre withdraws it.
      requireStatus(WHAT, state.status, by === 'jobcentre' ? ['drafted', 'awaiting-company', 'active'] : ['awaiting-company', 'active'], LIFECYCLE);
      return [{ type: 'SupplementaryGrantWithdrawn', data: { supplementaryGrantId: id, by, at, actorId: command.actor.userId, reason: command.reason } }];
    }
    case 'CloseSupplementaryGrantUnused':
      requireOwningJobcentre(command.actor, state.jobcentre);
      // ASSUMPTION: with no period of its own, "not started" is any status that has not ended.
      requireStatus(WHAT, state.status, ['drafted', 'awaiting-company', 'active'], LIFECYCLE);
      return [{ type: 'SupplementaryGrantClosedUnused', data: { supplementaryGrantId: id, at } }];
    case 'TransferSupplementaryGrant':
      return decideTransfer(id, state.jobcentre, command.toJobcentre, command.actor, command.now);
    case 'FollowParentTransfer':
      // R33: attached to its grant, it moves with it, in any status.
      return decideFollowParentTransfer(command, { caseId: id, parentId: state.parentGrantId, jobcentre: state.jobcentre, lastTransferredAt: state.lastTransferredAt });
    case 'AssignResponsibleCaseworker':
      return decideAssignResponsible(id, state.jobcentre, command.caseworkerId, command.actor, command.now);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function draft(c: Extract<SupplementaryGrantCommand, { type: 'DraftSupplementaryGrant' }>, state: SupplementaryGrantState): SupplementaryGrantEvent[] {
  if (state.status !== null) throw new DomainError(`Supplementary grant ${c.supplementaryGrantId} already exists`, LIFECYCLE, { kind: 'conflict', field: 'supplementaryGrantId' });
  if (c.actor.role !== 'jobcentre' || c.actor.org !== c.parent.jobcentre) {
    throw new DomainError("Only a caseworker of the parent grant's job centre creates a supplementary grant on it", 'authorization', { kind: 'forbidden', field: 'parentGrantId' });
  }
  const limitApplies = freeTextLimitApplies(c.now, c.freeTextLimitEffectiveDate);
  requireFreeTextWithinLimit({ justification: c.justification, remarks: c.remarks }, limitApplies); // R27
  const { parent } = c;
  return [
    {
      type: 'SupplementaryGrantDrafted',
      data: {
        supplementaryGrantId: c.supplementaryGrantId, parentGrantId: parent.grantId, supplementaryGrantType: c.supplementaryGrantType,
        scheme: parent.scheme, // R3: the parent's own scheme, never a default
        jobcentre: parent.jobcentre, company: parent.company, citizen: parent.citizen, justification: c.justification, remarks: c.remarks,
        freeTextLimitApplies: limitApplies, createdAt: c.now.toISOString(),
      },
    },
  ];
}

function requireOwnCompany(actor: Actor, state: SupplementaryGrantState): void {
  if (actor.role !== 'company' || actor.org !== state.company?.cvr) {
    throw new DomainError('Only the company of the supplementary grant may approve it', 'authorization', { kind: 'forbidden' });
  }
}

/** The owning job centre or the grant's company; anyone else is refused. */
function partyOf(actor: Actor, state: SupplementaryGrantState): SupplementaryGrantParty {
  if (actor.role === 'jobcentre' && actor.org === state.jobcentre) return 'jobcentre';
  if (actor.role === 'company' && actor.org === state.company?.cvr) return 'company';
  throw new DomainError("Only the supplementary grant's job centre or company may do this", 'authorization', { kind: 'forbidden' });
}

export const supplementaryGrantDecider: Decider<SupplementaryGrantCommand, SupplementaryGrantState, SupplementaryGrantEvent> = {
  initialState: initialSupplementaryGrantState,
  evolve: evolveSupplementaryGrant,
  decide: decideSupplementaryGrant,
};
