import { DomainEvent } from '../../platform/events/decider';
import { EventTypeDefinition } from '../../platform/events/event-registry';
import { SUPPLEMENTARY_GRANT_EVENT_SCHEMAS } from './supplementary-grant.event-schemas';
import { Scheme } from '../../registries/schemes';
import { SigningMethod } from '../../registries/signing-methods';
import { SupplementaryGrantType } from '../../registries/supplementary-grant-types';
import { SharedCaseEvent } from '../shared/case.events';

/** Who refused or withdrew a supplementary grant (R41, D6; the citizen approves only PA grants). */
export type SupplementaryGrantParty = 'jobcentre' | 'company';

/** Stable event contracts of the supplementary grant ('Tillægsbevilling', domain.md §3.4). Past tense, never renamed. */
export type SupplementaryGrantDrafted = DomainEvent<
  'SupplementaryGrantDrafted',
  {
    supplementaryGrantId: string;
    parentGrantId: string;
    /** 'Mentor' or 'Hjælpemidler' (R11, R17). */
    supplementaryGrantType: SupplementaryGrantType;
    /** R3: the scheme of the actual parent grant, e.g. 'Nytteindsats'. */
    scheme: Scheme;
    /** Owning job centre: the parent's at creation (after its transfers). */
    jobcentre: string;
    company: { cvr: string; pNumber: string };
    citizen: { cpr: string };
    /** 'Begrundelse' (free text, R27). */
    justification: string;
    /** 'Bemærkninger' (free text, R27). */
    remarks: string | null;
    /** R27/D18: created on or after the configured effective date, so the 2,000-character limit applies. */
    freeTextLimitApplies: boolean;
    createdAt: string;
  }
>;
/** R35/R64: from now on an employer task. */
export type SupplementaryGrantSentForCompanyApproval = DomainEvent<'SupplementaryGrantSentForCompanyApproval', { supplementaryGrantId: string; sentAt: string }>;
export type SupplementaryGrantApprovedByCompany = DomainEvent<
  'SupplementaryGrantApprovedByCompany',
  { supplementaryGrantId: string; method: SigningMethod; approvedAt: string; approvedBy: string }
>;
export type SupplementaryGrantNotApproved = DomainEvent<
  'SupplementaryGrantNotApproved',
  { supplementaryGrantId: string; by: SupplementaryGrantParty; at: string; actorId: string; reason: string | null }
>;
export type SupplementaryGrantWithdrawn = DomainEvent<
  'SupplementaryGrantWithdrawn',
  { supplementaryGrantId: string; by: SupplementaryGrantParty; at: string; actorId: string; reason: string | null }
>;
/** D7: 'Lukket bevilling (ej brugt)': kept in the history, left out of lists, counts, filters and exports. */
export type SupplementaryGrantClosedUnused = DomainEvent<'SupplementaryGrantClosedUnused', { supplementaryGrantId: string; at: string }>;

export type SupplementaryGrantOwnEvent =
  | SupplementaryGrantDrafted
  | SupplementaryGrantSentForCompanyApproval
  | SupplementaryGrantApprovedByCompany
  | SupplementaryGrantNotApproved
  | SupplementaryGrantWithdrawn
  | SupplementaryGrantClosedUnused;

export type SupplementaryGrantEvent = SupplementaryGrantOwnEvent | SharedCaseEvent;

export const SUPPLEMENTARY_GRANT_EVENT_TYPES: readonly SupplementaryGrantOwnEvent['type'][] = [
  'SupplementaryGrantDrafted',
  'SupplementaryGrantSentForCompanyApproval',
  'SupplementaryGrantApprovedByCompany',
  'SupplementaryGrantNotApproved',
  'SupplementaryGrantWithdrawn',
  'SupplementaryGrantClosedUnused',
];

export const SUPPLEMENTARY_GRANT_EVENTS: EventTypeDefinition[] = SUPPLEMENTARY_GRANT_EVENT_TYPES.map((type) => ({ type, schemaVersion: 1, schema: SUPPLEMENTARY_GRANT_EVENT_SCHEMAS[type] }));

export const supplementaryGrantStreamId = (supplementaryGrantId: string) => `supplementary-grant-${supplementaryGrantId}`;
