/**
 * The pure fold of the DFDG outbox (domain.md §3.8 item 4, R61, D4, D7): a case's reported facts
 * and one event → the case's next facts and the message the event yields, if any. The facts of a
 * case are those of its latest message (every fact-changing event yields one), plus the D7 mark.
 * No clock, no I/O: a rebuild yields byte-identical messages.
 */
import { GRANT_EVENT_TYPES, GrantDrafted, GrantOwnEvent } from '../../src/cases/grants/grant.events';
import { ATTACHMENT_EVENT_TYPES, AttachmentEvent } from '../../src/cases/shared/attachment.events';
import { SHARED_CASE_EVENT_TYPES, SharedCaseEvent } from '../../src/cases/shared/case.events';
import {
  SUPPLEMENTARY_GRANT_EVENT_TYPES, SupplementaryGrantDrafted, SupplementaryGrantOwnEvent,
} from '../../src/cases/supplementary-grants/supplementary-grant.events';
import { notApprovedCessation, ordinaryExpiryCessation, terminationCessation } from '../../src/dfdg/cessation-mapping';
import { DfdgCaseFacts, DfdgCessation, DfdgMessage, DfdgMessageDraft, DfdgMessageKind } from '../../src/dfdg/dfdg-message';
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { schemeLabel } from '../../src/registries/schemes';
import { GRANT_STATUSES, GrantStatus } from '../../src/registries/statuses';
import { SUPPLEMENTARY_GRANT_TYPES } from '../../src/registries/supplementary-grant-types';

/** Every event a grant or supplementary-grant stream holds: the fold sees each revision (dfdg-state-cache.ts relies on it). */
export type DfdgEvent = GrantOwnEvent | SupplementaryGrantOwnEvent | SharedCaseEvent | AttachmentEvent;

export const DFDG_EVENT_TYPES: readonly DfdgEvent['type'][] = [...GRANT_EVENT_TYPES, ...SUPPLEMENTARY_GRANT_EVENT_TYPES, ...SHARED_CASE_EVENT_TYPES, ...ATTACHMENT_EVENT_TYPES];

export interface DfdgCaseState {
  facts: DfdgCaseFacts;
  /** D7: the revision at which a supplementary grant was closed unused; nothing after it is reported. */
  unreportedFrom: number | null;
}

export interface DfdgFold {
  state: DfdgCaseState | null;
  message: DfdgMessageDraft | null;
}

export const isDfdgStream = (streamId: string) => streamId.startsWith('grant-') || streamId.startsWith('supplementary-grant-');

/** The case an event belongs to: its own id field, or `caseId` on the shared events. */
export function dfdgCaseIdOf(event: RecordedEvent): string {
  const d = event.data as { grantId?: string; supplementaryGrantId?: string; caseId?: string };
  return String(d.supplementaryGrantId ?? d.grantId ?? d.caseId);
}

export function stateFromMessage(body: DfdgMessage, unreportedFrom: number | null): DfdgCaseState {
  const { messageId, sequence, caseRevision, kind, cessation, occurredAt, ...facts } = body;
  return { facts, unreportedFrom };
}

const withStatus = (facts: DfdgCaseFacts, status: GrantStatus): DfdgCaseFacts => ({ ...facts, status, statusLabel: GRANT_STATUSES[status] });

function grantFacts(d: GrantDrafted['data']): DfdgCaseFacts {
  return withStatus(
    {
      jobcentre: d.jobcentre, caseType: 'grant', vitasId: d.grantId, parentVitasId: null, supplementaryGrantType: null, supplementaryGrantTypeLabel: null,
      scheme: d.scheme, schemeLabel: schemeLabel(d.scheme), cpr: d.citizen.cpr, period: { start: d.period.start, end: d.period.end }, hoursPerWeek: d.hoursPerWeek,
      status: 'drafted', statusLabel: '',
    },
    'drafted',
  );
}

function supplementaryGrantFacts(d: SupplementaryGrantDrafted['data']): DfdgCaseFacts {
  return withStatus(
    {
      jobcentre: d.jobcentre, caseType: 'supplementary-grant', vitasId: d.supplementaryGrantId, parentVitasId: d.parentGrantId,
      supplementaryGrantType: d.supplementaryGrantType, supplementaryGrantTypeLabel: SUPPLEMENTARY_GRANT_TYPES[d.supplementaryGrantType].label,
      scheme: d.scheme, schemeLabel: schemeLabel(d.scheme), cpr: d.citizen.cpr, period: null, hoursPerWeek: null, status: 'drafted', statusLabel: '',
    },
    'drafted',
  );
}

export function foldDfdgEvent(state: DfdgCaseState | null, recorded: RecordedEvent): DfdgFold {
  const event = recorded as unknown as DfdgEvent;
  const emit = (facts: DfdgCaseFacts, kind: DfdgMessageKind, cessation: DfdgCessation | null = null): DfdgFold => ({
    state: { facts, unreportedFrom: state?.unreportedFrom ?? null },
    message: { messageId: recorded.id, ...facts, caseRevision: recorded.revision, kind, cessation, occurredAt: recorded.metadata.occurredAt },
  });
  const silent: DfdgFold = { state, message: null };
  if (event.type === 'GrantDrafted') return emit(grantFacts(event.data), 'created');
  if (event.type === 'SupplementaryGrantDrafted') return emit(supplementaryGrantFacts(event.data), 'created');
  // Another case type's shared event, a case never seen created, or a supplementary grant closed unused (D7).
  if (!state || !isDfdgStream(recorded.streamId) || (state.unreportedFrom !== null && recorded.revision > state.unreportedFrom)) return silent;
  const f = state.facts;
  switch (event.type) {
    case 'FleksjobRegistered':
      return event.data.hoursPerWeek === f.hoursPerWeek ? silent : emit({ ...f, hoursPerWeek: event.data.hoursPerWeek }, 'changed');
    case 'GrantCreatedOnOffer':
    case 'ResponsibleCaseworkerAssigned':
    case 'AttachmentAdded':
    case 'ApprovalFileUploaded':
      return silent; // no reported fact changes (the approval an uploaded file records is its own event)
    case 'GrantSentForCompanyApproval':
    case 'SupplementaryGrantSentForCompanyApproval':
      return emit(withStatus(f, 'awaiting-company'), 'changed');
    case 'GrantApprovedByCompany':
      // PA (ASSUMPTION: company first): the grant is approved only once the citizen has approved too.
      return f.scheme === 'personal-assistant' ? emit(withStatus(f, 'awaiting-citizen'), 'changed') : emit(withStatus(f, 'active'), 'approved');
    case 'GrantApprovedByCitizen':
    case 'SupplementaryGrantApprovedByCompany':
      return emit(withStatus(f, 'active'), 'approved');
    case 'GrantNotApproved':
    case 'SupplementaryGrantNotApproved':
      return emit(withStatus(f, 'not-approved'), 'refused', notApprovedCessation());
    case 'GrantWithdrawn':
    case 'SupplementaryGrantWithdrawn':
      return emit(withStatus(f, 'withdrawn'), 'withdrawn', notApprovedCessation());
    case 'GrantExtended':
      return emit({ ...f, period: { start: f.period!.start, end: event.data.newEndDate } }, 'extended');
    case 'GrantReviewed':
      return emit(f, 'changed');
    case 'GrantTerminated': {
      const d = event.data;
      return emit(withStatus(f, 'terminated'), 'ceased', terminationCessation(d.scheme, d.reasonId, d.subReasonId, d.reasonText));
    }
    case 'GrantClosedAfterOrdinaryExpiry':
      return emit(withStatus(f, 'closed'), 'closed', ordinaryExpiryCessation());
    case 'GrantClosedUnused':
      // Q7 (open for grants): a message, so the case system sees the grant end; no code (neither refused nor expired).
      return emit(withStatus(f, 'closed-unused'), 'closed-unused');
    case 'SupplementaryGrantClosedUnused':
      // D7: no message, now or ever after.
      return { state: { facts: withStatus(f, 'closed-unused'), unreportedFrom: recorded.revision }, message: null };
    case 'CaseTransferredToJobcentre':
      // R33: from now on the new job centre receives the case's messages, starting with this one.
      return emit({ ...f, jobcentre: event.data.to }, 'changed');
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
