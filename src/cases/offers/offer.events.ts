import { DomainEvent } from '../../platform/events/decider';
import { EventTypeDefinition } from '../../platform/events/event-registry';
import { OFFER_EVENT_SCHEMAS } from './offer.event-schemas';
import { Scheme } from '../../registries/schemes';
import { SharedCaseEvent } from '../shared/case.events';

/** Stable event contracts of the offer ('Tilbud', domain.md §3.2). Past tense, never renamed. */
export type OfferCreated = DomainEvent<
  'OfferCreated',
  {
    offerId: string;
    scheme: Scheme;
    /** 'Den nationale liste' (2.2): job centres may create grants on it (R44). */
    onNationalList: boolean;
    /** The job centre the offer is made to; it owns the case. */
    jobcentre: string;
    company: { cvr: string; pNumber: string };
    /** 'Timetal'. */
    hoursPerWeek: number;
    /** 'Arbejdsopgaver' (free text, R27). */
    workTasks: string;
    /** D23: recorded at creation: VP/LT/VL and the P-unit has an employee representative. */
    employeeRepStepRequired: boolean;
    /** R27/D18: created on or after the configured effective date, so the 2,000-character limit applies. */
    freeTextLimitApplies: boolean;
    createdAt: string;
  }
>;
/** R9/D23: the offer awaits the employee representative ('Sendt til medarbejder-rep'). */
export type OfferSentToEmployeeRep = DomainEvent<'OfferSentToEmployeeRep', { offerId: string; sentAt: string }>;
/** ASSUMPTION (§3.2 names no event): without a representative step the offer is 'Aktiv' at once. */
export type OfferActivated = DomainEvent<'OfferActivated', { offerId: string; activatedAt: string }>;
export type OfferApprovedByEmployeeRep = DomainEvent<'OfferApprovedByEmployeeRep', { offerId: string; approvedAt: string; approvedBy: string }>;
export type OfferRejectedByEmployeeRep = DomainEvent<'OfferRejectedByEmployeeRep', { offerId: string; rejectedAt: string; rejectedBy: string; reason: string }>;
/** R15/D24: the flag 'Annulleret af virksomhed' with its timestamp; not a status. */
export type OfferCancelledByCompany = DomainEvent<'OfferCancelledByCompany', { offerId: string; cancelledAt: string; cancelledBy: string }>;

export type OfferOwnEvent =
  | OfferCreated
  | OfferSentToEmployeeRep
  | OfferActivated
  | OfferApprovedByEmployeeRep
  | OfferRejectedByEmployeeRep
  | OfferCancelledByCompany;

export type OfferEvent = OfferOwnEvent | SharedCaseEvent;

/** The offer's own event types (the shared ones are registered once, in case.events.ts). */
export const OFFER_EVENT_TYPES: readonly OfferOwnEvent['type'][] = [
  'OfferCreated',
  'OfferSentToEmployeeRep',
  'OfferActivated',
  'OfferApprovedByEmployeeRep',
  'OfferRejectedByEmployeeRep',
  'OfferCancelledByCompany',
];

export const OFFER_EVENTS: EventTypeDefinition[] = OFFER_EVENT_TYPES.map((type) => ({ type, schemaVersion: 1, schema: OFFER_EVENT_SCHEMAS[type] }));

export const offerStreamId = (offerId: string) => `offer-${offerId}`;
