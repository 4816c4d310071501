/** The JSON Schemas of the supplementary grant's own events (issue 10), checked by `tsc` against supplementary-grant.events.ts. */
import { citizenRef, companyRef, EventSchemas, id, instant, oneOf, orNull, text } from '../../platform/events/event-schema';
import { SCHEME_CODES } from '../../registries/schemes';
import { SIGNING_METHOD_CODES } from '../../registries/signing-methods';
import { SUPPLEMENTARY_GRANT_TYPE_CODES } from '../../registries/supplementary-grant-types';
import type { SupplementaryGrantOwnEvent, SupplementaryGrantParty } from './supplementary-grant.events';

const supplementaryGrantId = id.uuid();
const PARTIES: readonly SupplementaryGrantParty[] = ['jobcentre', 'company'];

/** A refusal or withdrawal: who, when, by which user, and why (optional 'Begrundelse'). */
const refusal = () => ({
  type: 'object' as const,
  required: ['supplementaryGrantId' as const, 'by' as const, 'at' as const, 'actorId' as const, 'reason' as const],
  additionalProperties: false as const,
  properties: { supplementaryGrantId, by: oneOf(PARTIES), at: instant(), actorId: id.user(), reason: orNull(text()) },
});

export const SUPPLEMENTARY_GRANT_EVENT_SCHEMAS: EventSchemas<SupplementaryGrantOwnEvent> = {
  SupplementaryGrantDrafted: {
    type: 'object',
    required: ['supplementaryGrantId', 'parentGrantId', 'supplementaryGrantType', 'scheme', 'jobcentre', 'company', 'citizen', 'justification', 'remarks', 'freeTextLimitApplies', 'createdAt'],
    additionalProperties: false,
    properties: {
      supplementaryGrantId,
      parentGrantId: id.uuid(),
      supplementaryGrantType: oneOf(SUPPLEMENTARY_GRANT_TYPE_CODES),
      scheme: oneOf(SCHEME_CODES),
      jobcentre: id.jobcentre(),
      company: companyRef(),
      citizen: citizenRef(),
      justification: text(),
      remarks: orNull(text()),
      freeTextLimitApplies: { type: 'boolean' },
      createdAt: instant(),
    },
  },
  SupplementaryGrantSentForCompanyApproval: {
    type: 'object',
    required: ['supplementaryGrantId', 'sentAt'],
    additionalProperties: false,
    properties: { supplementaryGrantId, sentAt: instant() },
  },
  SupplementaryGrantApprovedByCompany: {
    type: 'object',
    required: ['supplementaryGrantId', 'method', 'approvedAt', 'approvedBy'],
    additionalProperties: false,
    properties: { supplementaryGrantId, method: oneOf(SIGNING_METHOD_CODES), approvedAt: instant(), approvedBy: id.user() },
  },
  SupplementaryGrantNotApproved: refusal(),
  SupplementaryGrantWithdrawn: refusal(),
  SupplementaryGrantClosedUnused: {
    type: 'object',
    required: ['supplementaryGrantId', 'at'],
    additionalProperties: false,
    properties: { supplementaryGrantId, at: instant() },
  },
};
