import { DomainEvent } from '../../platform/events/decider';
import { EventTypeDefinition } from '../../platform/events/event-registry';
import { GRANT_EVENT_SCHEMAS } from './grant.event-schemas';
import { Scheme } from '../../registries/schemes';
import { SigningMethod } from '../../registries/signing-methods';
import { ApprovalFileUploaded } from '../shared/attachment.events';
import { SharedCaseEvent } from '../shared/case.events';

/** Who refused or withdrew a grant (R41, D6). */
export type GrantParty = 'jobcentre' | 'company' | 'citizen';

/** How a party approved: a digital signature, or a file uploaded by company support (R49–R57). */
export type ApprovalMethod = SigningMethod | 'mitid' | 'uploaded-file';

/**
 * Stable event contracts of the grant (domain.md §3.3, §3.5, §3.7). Past tense, never renamed.
 * Supplementary grants and the DFDG messages read these shapes.
 */
export type GrantDrafted = DomainEvent<
  'GrantDrafted',
  {
    grantId: string;
    scheme: Scheme;
    jobcentre: string;
    company: { cvr: string; pNumber: string };
    citizen: { cpr: string };
    /** The application the grant was made on, if any. */
    applicationId: string | null;
    /** The offer the grant was made on, if any (R44). */
    offerId: string | null;
    period: { start: string; end: string };
    /** Weekly hours ('timetal'); null for the compensating schemes (D13). */
    hoursPerWeek: number | null;
    /** 'Jobindhold' (free text, R27–R30). */
    jobContent: string | null;
    /** R27/D18: whether the 2,000-character limit applies (created on or after the effective date). */
    freeTextLimitApplies: boolean;
    createdAt: string;
  }
>;
/** §3.7: the fleksjob facts of a fleksjob grant (R54, D20). */
export type FleksjobRegistered = DomainEvent<'FleksjobRegistered', { grantId: string; permanent: boolean; employedInOwnCompany: boolean; hoursPerWeek: number }>;
/** §3.2: a grant made on an offer; for a VP or LT offer on the national list (R44) followed at once by GrantSentForCompanyApproval. */
export type GrantCreatedOnOffer = DomainEvent<'GrantCreatedOnOffer', { grantId: string; offerId: string }>;
export type GrantSentForCompanyApproval = DomainEvent<'GrantSentForCompanyApproval', { grantId: string; sentAt: string }>;
export type GrantApprovedByCompany = DomainEvent<'GrantApprovedByCompany', { grantId: string; method: ApprovalMethod; approvedAt: string; approvedBy: string }>;
export type GrantApprovedByCitizen = DomainEvent<'GrantApprovedByCitizen', { grantId: string; method: ApprovalMethod; approvedAt: string; approvedBy: string }>;
/** R41/D6: DFDG code 14. */
export type GrantNotApproved = DomainEvent<'GrantNotApproved', { grantId: string; by: GrantParty; at: string; actorId: string; reason: string | null }>;
/** R41/D6: DFDG code 14. */
export type GrantWithdrawn = DomainEvent<'GrantWithdrawn', { grantId: string; by: GrantParty; at: string; actorId: string; reason: string | null }>;
export type GrantExtended = DomainEvent<'GrantExtended', { grantId: string; previousEndDate: string; newEndDate: string; jobContent: string | null; at: string }>;
export type GrantReviewed = DomainEvent<'GrantReviewed', { grantId: string; at: string; remarks: string | null }>;
/** A cessation registered by a caseworker; the DFDG code follows from the registry (§5). */
export type GrantTerminated = DomainEvent<
  'GrantTerminated',
  { grantId: string; scheme: Scheme; reasonId: number; subReasonId: number | null; reasonText: string; effectiveDate: string; at: string }
>;
/** R42/D2: DFDG code 15. */
export type GrantClosedAfterOrdinaryExpiry = DomainEvent<'GrantClosedAfterOrdinaryExpiry', { grantId: string; endDate: string; at: string }>;
/** D7: no message. */
export type GrantClosedUnused = DomainEvent<'GrantClosedUnused', { grantId: string; at: string }>;

export type GrantOwnEvent =
  | GrantDrafted
  | FleksjobRegistered
  | GrantCreatedOnOffer
  | GrantSentForCompanyApproval
  | GrantApprovedByCompany
  | GrantApprovedByCitizen
  | GrantNotApproved
  | GrantWithdrawn
  | GrantExtended
  | GrantReviewed
  | GrantTerminated
  | GrantClosedAfterOrdinaryExpiry
  | GrantClosedUnused;

/** ApprovalFileUploaded: R56/R57 ('Godkend med bilag'), registered with the attachment events. */
export type GrantEvent = GrantOwnEvent | SharedCaseEvent | ApprovalFileUploaded;

export const GRANT_EVENT_TYPES: readonly GrantOwnEvent['type'][] = [
  'GrantDrafted',
  'FleksjobRegistered',
  'GrantCreatedOnOffer',
  'GrantSentForCompanyApproval',
  'GrantApprovedByCompany',
  'GrantApprovedByCitizen',
  'GrantNotApproved',
  'GrantWithdrawn',
  'GrantExtended',
  'GrantReviewed',
  'GrantTerminated',
  'GrantClosedAfterOrdinaryExpiry',
  'GrantClosedUnused',
];

export const GRANT_EVENTS: EventTypeDefinition[] = GRANT_EVENT_TYPES.map((type) => ({ type, schemaVersion: 1, schema: GRANT_EVENT_SCHEMAS[type] }));

export const grantStreamId = (grantId: string) => `grant-${grantId}`;
