/** The JSON Schemas of the grant's own events (issue 10), checked by `tsc` against grant.events.ts. */
import { calendarDate, citizenRef, companyRef, EventSchemas, id, instant, oneOf, orNull, text } from '../../platform/events/event-schema';
import { SCHEME_CODES } from '../../registries/schemes';
import { SIGNING_METHOD_CODES } from '../../registries/signing-methods';
import type { ApprovalMethod, GrantOwnEvent, GrantParty } from './grant.events';

const grantId = id.uuid();
const PARTIES: readonly GrantParty[] = ['jobcentre', 'company', 'citizen'];
const APPROVAL_METHODS: readonly ApprovalMethod[] = [...SIGNING_METHOD_CODES, 'mitid', 'uploaded-file'];
/** 'Timetal': hours in a week. */
const hoursPerWeek = () => ({ type: 'number' as const, minimum: 0, maximum: 168 });

/** An approval by the company or the citizen: how, when and by whom. */
const approval = () => ({
  type: 'object' as const,
  required: ['grantId' as const, 'method' as const, 'approvedAt' as const, 'approvedBy' as const],
  additionalProperties: false as const,
  properties: { grantId, method: oneOf(APPROVAL_METHODS), approvedAt: instant(), approvedBy: id.user() },
});

/** A refusal or withdrawal (R41, D6): which party, when, by which user, and why ('Begrundelse', optional). */
const refusal = () => ({
  type: 'object' as const,
  required: ['grantId' as const, 'by' as const, 'at' as const, 'actorId' as const, 'reason' as const],
  additionalProperties: false as const,
  properties: { grantId, by: oneOf(PARTIES), at: instant(), actorId: id.user(), reason: orNull(text()) },
});

export const GRANT_EVENT_SCHEMAS: EventSchemas<GrantOwnEvent> = {
  GrantDrafted: {
    type: 'object',
    required: ['grantId', 'scheme', 'jobcentre', 'company', 'citizen', 'applicationId', 'offerId', 'period', 'hoursPerWeek', 'jobContent', 'freeTextLimitApplies', 'createdAt'],
    additionalProperties: false,
    properties: {
      grantId,
      scheme: oneOf(SCHEME_CODES),
      jobcentre: id.jobcentre(),
      company: companyRef(),
      citizen: citizenRef(),
      applicationId: orNull(id.uuid()),
      offerId: orNull(id.uuid()),
      period: {
        type: 'object',
        required: ['start', 'end'],
        additionalProperties: false,
        properties: { start: calendarDate(), end: calendarDate() },
      },
      hoursPerWeek: orNull(hoursPerWeek()),
      jobContent: orNull(text()),
      freeTextLimitApplies: { type: 'boolean' },
      createdAt: instant(),
    },
  },
  FleksjobRegistered: {
    type: 'object',
    required: ['grantId', 'permanent', 'employedInOwnCompany', 'hoursPerWeek'],
    additionalProperties: false,
    properties: { grantId, permanent: { type: 'boolean' }, employedInOwnCompany: { type: 'boolean' }, hoursPerWeek: hoursPerWeek() },
  },
  GrantCreatedOnOffer: { type: 'object', required: ['grantId', 'offerId'], additionalProperties: false, properties: { grantId, offerId: id.uuid() } },
  GrantSentForCompanyApproval: { type: 'object', required: ['grantId', 'sentAt'], additionalProperties: false, properties: { grantId, sentAt: instant() } },
  GrantApprovedByCompany: approval(),
  GrantApprovedByCitizen: approval(),
  GrantNotApproved: refusal(),
  GrantWithdrawn: refusal(),
  GrantExtended: {
    type: 'object',
    required: ['grantId', 'previousEndDate', 'newEndDate', 'jobContent', 'at'],
    additionalProperties: false,
    properties: { grantId, previousEndDate: calendarDate(), newEndDate: calendarDate(), jobContent: orNull(text()), at: instant() },
  },
  GrantReviewed: { type: 'object', required: ['grantId', 'at', 'remarks'], additionalProperties: false, properties: { grantId, at: instant(), remarks: orNull(text()) } },
  GrantTerminated: {
    type: 'object',
    required: ['grantId', 'scheme', 'reasonId', 'subReasonId', 'reasonText', 'effectiveDate', 'at'],
    additionalProperties: false,
    properties: {
      grantId,
      scheme: oneOf(SCHEME_CODES),
      // VITAS cessation reason ids of the registry (cessation-reasons.ts).
      reasonId: { type: 'integer', minimum: 0 },
      subReasonId: orNull({ type: 'integer' as const, minimum: 0 }),
      reasonText: { type: 'string', minLength: 1 },
      effectiveDate: calendarDate(),
      at: instant(),
    },
  },
  GrantClosedAfterOrdinaryExpiry: {
    type: 'object',
    required: ['grantId', 'endDate', 'at'],
    additionalProperties: false,
    properties: { grantId, endDate: calendarDate(), at: instant() },
  },
  GrantClosedUnused: { type: 'object', required: ['grantId', 'at'], additionalProperties: false, properties: { grantId, at: instant() } },
};
