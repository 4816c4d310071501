import { DomainEvent } from '../../platform/events/decider';
import { EventTypeDefinition } from '../../platform/events/event-registry';
import { IGU_AGREEMENT_EVENT_SCHEMAS } from './igu-agreement.event-schemas';
import { SharedCaseEvent } from '../shared/case.events';

/** Who sent an agreement to the citizen, or created it: never the citizen (R60). */
export type IguAgreementParty = 'jobcentre' | 'company';

/** Stable event contracts of the IGU agreement ('IGU-aftale', domain.md §3.6, ASSUMPTION names). */
export type IguAgreementDrafted = DomainEvent<
  'IguAgreementDrafted',
  {
    iguAgreementId: string;
    /** Owning job centre. */
    jobcentre: string;
    company: { cvr: string; pNumber: string };
    citizen: { cpr: string };
    createdBy: IguAgreementParty;
    createdAt: string;
  }
>;
/** 'Send til borger': 'Afventer borger'. */
export type IguAgreementSentToCitizen = DomainEvent<'IguAgreementSentToCitizen', { iguAgreementId: string; sentAt: string; sentBy: IguAgreementParty; sentByUser: string }>;
/** R36: citizens sign with MitID. */
export type IguAgreementSignedByCitizen = DomainEvent<'IguAgreementSignedByCitizen', { iguAgreementId: string; signedAt: string; method: 'mitid' }>;

export type IguAgreementOwnEvent = IguAgreementDrafted | IguAgreementSentToCitizen | IguAgreementSignedByCitizen;
export type IguAgreementEvent = IguAgreementOwnEvent | SharedCaseEvent;

export const IGU_AGREEMENT_EVENT_TYPES: readonly IguAgreementOwnEvent['type'][] = ['IguAgreementDrafted', 'IguAgreementSentToCitizen', 'IguAgreementSignedByCitizen'];

export const IGU_AGREEMENT_EVENTS: EventTypeDefinition[] = IGU_AGREEMENT_EVENT_TYPES.map((type) => ({ type, schemaVersion: 1, schema: IGU_AGREEMENT_EVENT_SCHEMAS[type] }));

export const iguAgreementStreamId = (iguAgreementId: string) => `igu-agreement-${iguAgreementId}`;
