/** The JSON Schemas of the IGU agreement's own events (issue 10), checked by `tsc` against igu-agreement.events.ts. */
import { citizenRef, companyRef, EventSchemas, id, instant } from '../../platform/events/event-schema';
import type { IguAgreementOwnEvent } from './igu-agreement.events';

const iguAgreementId = id.uuid();
const party = { type: 'string' as const, enum: ['jobcentre', 'company'] as const };

export const IGU_AGREEMENT_EVENT_SCHEMAS: EventSchemas<IguAgreementOwnEvent> = {
  IguAgreementDrafted: {
    type: 'object',
    required: ['iguAgreementId', 'jobcentre', 'company', 'citizen', 'createdBy', 'createdAt'],
    additionalProperties: false,
    properties: { iguAgreementId, jobcentre: id.jobcentre(), company: companyRef(), citizen: citizenRef(), createdBy: party, createdAt: instant() },
  },
  IguAgreementSentToCitizen: {
    type: 'object',
    required: ['iguAgreementId', 'sentAt', 'sentBy', 'sentByUser'],
    additionalProperties: false,
    properties: { iguAgreementId, sentAt: instant(), sentBy: party, sentByUser: id.user() },
  },
  IguAgreementSignedByCitizen: {
    type: 'object',
    required: ['iguAgreementId', 'signedAt', 'method'],
    additionalProperties: false,
    properties: { iguAgreementId, signedAt: instant(), method: { type: 'string', const: 'mitid' } },
  },
};
