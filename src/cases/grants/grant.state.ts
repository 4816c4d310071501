/** The grant's state and its fold over the events (domain.md §3.3); pure, no framework imports. */
import { GrantStatus } from '../../registries/statuses';
import { Scheme } from '../../registries/schemes';
import { ApprovalMethod, GrantEvent, GrantParty } from './grant.events';
import { FleksjobFacts } from './grant.commands';
import { ApprovalFileUploaded } from '../shared/attachment.events';

export interface PartyAct {
  by: GrantParty;
  at: string;
  actorId: string;
  reason: string | null;
}

export interface GrantState {
  /** null until the grant is drafted. */
  status: GrantStatus | null;
  grantId?: string;
  scheme?: Scheme;
  /** Owning job centre. */
  jobcentre?: string;
  company?: { cvr: string; pNumber: string };
  citizen?: { cpr: string };
  applicationId: string | null;
  offerId: string | null;
  period?: { start: string; end: string };
  /** 'Timetal'; null for the compensating schemes (D13). */
  hoursPerWeek: number | null;
  /** 'Jobindhold'. */
  jobContent: string | null;
  /** R27/D18: recorded at creation. */
  freeTextLimitApplies: boolean;
  createdAt?: string;
  fleksjob?: FleksjobFacts;
  sentForApprovalAt?: string;
  companyApproval?: { method: ApprovalMethod; at: string; by: string };
  citizenApproval?: { method: ApprovalMethod; at: string; by: string };
  /** 'Afvist' (R41): who did not approve. */
  refusal?: PartyAct;
  /** 'Trukket tilbage' (R41). */
  withdrawal?: PartyAct;
  lastExtendedAt?: string;
  lastReviewedAt?: string;
  termination?: { reasonId: number; subReasonId: number | null; reasonText: string; effectiveDate: string; at: string };
  closedAt?: string;
  lastTransferredAt?: string;
  /** 'Ansvarlig' (R55). */
  responsibleCaseworker?: string;
  /** R56/R57: approvals uploaded by company support; the files are never removed (R53). */
  approvalFiles: ApprovalFileUploaded['data'][];
}

export const initialGrantState = (): GrantState => ({ status: null, applicationId: null, offerId: null, hoursPerWeek: null, jobContent: null, freeTextLimitApplies: false, approvalFiles: [] });

const partyAct = (d: { by: GrantParty; at: string; actorId: string; reason: string | null }): PartyAct => ({ by: d.by, at: d.at, actorId: d.actorId, reason: d.reason });

export function evolveGrant(state: GrantState, event: GrantEvent): GrantState {
  switch (event.type) {
    case 'GrantDrafted': {
      const d = event.data;
      return {
        ...state, status: 'drafted', grantId: d.grantId, scheme: d.scheme, jobcentre: d.jobcentre, company: d.company, citizen: d.citizen, applicationId: d.applicationId,
        offerId: d.offerId, period: d.period, hoursPerWeek: d.hoursPerWeek, jobContent: d.jobContent, freeTextLimitApplies: d.freeTextLimitApplies, createdAt: d.createdAt,
      };
    }
    case 'FleksjobRegistered':
      return { ...state, fleksjob: { permanent: event.data.permanent, employedInOwnCompany: event.data.employedInOwnCompany } };
    case 'GrantCreatedOnOffer':
      return { ...state, offerId: event.data.offerId };
    case 'GrantSentForCompanyApproval':
      return { ...state, status: 'awaiting-company', sentForApprovalAt: event.data.sentAt };
    case 'GrantApprovedByCompany': {
      const approval = { method: event.data.method, at: event.data.approvedAt, by: event.data.approvedBy };
      // 1.13 (ASSUMPTION: company first): a PA grant then awaits the citizen.
      return { ...state, status: state.scheme === 'personal-assistant' ? 'awaiting-citizen' : 'active', companyApproval: approval };
    }
    case 'GrantApprovedByCitizen':
      return { ...state, status: 'active', citizenApproval: { method: event.data.method, at: event.data.approvedAt, by: event.data.approvedBy } };
    case 'GrantNotApproved':
      return { ...state, status: 'not-approved', refusal: partyAct(event.data) };
    case 'GrantWithdrawn':
      return { ...state, status: 'withdrawn', withdrawal: partyAct(event.data) };
    case 'GrantExtended':
      return { ...state, period: { start: state.period!.start, end: event.data.newEndDate }, jobContent: event.data.jobContent ?? state.jobContent, lastExtendedAt: event.data.at };
    case 'GrantReviewed':
      return { ...state, lastReviewedAt: event.data.at };
    case 'GrantTerminated': {
      const { reasonId, subReasonId, reasonText, effectiveDate, at } = event.data;
      return { ...state, status: 'terminated', termination: { reasonId, subReasonId, reasonText, effectiveDate, at } };
    }
    case 'GrantClosedAfterOrdinaryExpiry':
      return { ...state, status: 'closed', closedAt: event.data.at };
    case 'GrantClosedUnused':
      return { ...state, status: 'closed-unused', closedAt: event.data.at };
    case 'CaseTransferredToJobcentre':
      return { ...state, jobcentre: event.data.to, lastTransferredAt: event.data.transferredAt };
    case 'ApprovalFileUploaded':
      return { ...state, approvalFiles: [...state.approvalFiles, event.data] };
    case 'ResponsibleCaseworkerAssigned':
      return { ...state, responsibleCaseworker: event.data.caseworkerId };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
