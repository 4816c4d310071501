/** The JSON Schemas of the offer's own events (issue 10), checked by `tsc` against offer.events.ts. */
import { companyRef, EventSchemas, id, instant, oneOf, text } from '../../platform/events/event-schema';
import { SCHEME_CODES } from '../../registries/schemes';
import type { OfferOwnEvent } from './offer.events';

const offerId = id.uuid();

export const OFFER_EVENT_SCHEMAS: EventSchemas<OfferOwnEvent> = {
  OfferCreated: {
    type: 'object',
    required: ['offerId', 'scheme', 'onNationalList', 'jobcentre', 'company', 'hoursPerWeek', 'workTasks', 'employeeRepStepRequired', 'freeTextLimitApplies', 'createdAt'],
    additionalProperties: false,
    properties: {
      offerId,
      scheme: oneOf(SCHEME_CODES),
      onNationalList: { type: 'boolean' },
      jobcentre: id.jobcentre(),
      company: companyRef(),
      // 'Timetal': hours in a week.
      hoursPerWeek: { type: 'number', minimum: 0, maximum: 168 },
      workTasks: text(),
      employeeRepStepRequired: { type: 'boolean' },
      freeTextLimitApplies: { type: 'boolean' },
      createdAt: instant(),
    },
  },
  OfferSentToEmployeeRep: { type: 'object', required: ['offerId', 'sentAt'], additionalProperties: false, properties: { offerId, sentAt: instant() } },
  OfferActivated: { type: 'object', required: ['offerId', 'activatedAt'], additionalProperties: false, properties: { offerId, activatedAt: instant() } },
  OfferApprovedByEmployeeRep: {
    type: 'object',
    required: ['offerId', 'approvedAt', 'approvedBy'],
    additionalProperties: false,
    properties: { offerId, approvedAt: instant(), approvedBy: id.user() },
  },
  OfferRejectedByEmployeeRep: {
    type: 'object',
    required: ['offerId', 'rejectedAt', 'rejectedBy', 'reason'],
    additionalProperties: false,
    properties: { offerId, rejectedAt: instant(), rejectedBy: id.user(), reason: text() },
  },
  OfferCancelledByCompany: {
    type: 'object',
    required: ['offerId', 'cancelledAt', 'cancelledBy'],
    additionalProperties: false,
    properties: { offerId, cancelledAt: instant(), cancelledBy: id.user() },
  },
};
