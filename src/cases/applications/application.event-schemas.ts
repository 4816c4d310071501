/**
 * The JSON Schemas of the application's own events (issue 10: checked where they are stored).
 * Each is `JSONSchemaType` of its event's data, so `tsc` checks it against application.events.ts.
 */
import { calendarDate, citizenRef, companyRef, EventSchemas, id, instant, oneOf, text } from '../../platform/events/event-schema';
import { SCHEME_CODES } from '../../registries/schemes';
import { SIGNING_METHOD_CODES } from '../../registries/signing-methods';
import type { ApplicationEvent } from './application.events';
import type { AttachmentEvent } from '../shared/attachment.events';
import type { SharedCaseEvent } from '../shared/case.events';

const applicationId = id.uuid();

export const APPLICATION_EVENT_SCHEMAS: EventSchemas<Exclude<ApplicationEvent, SharedCaseEvent | AttachmentEvent>> = {
  ApplicationDraftCreated: {
    type: 'object',
    required: ['applicationId', 'scheme', 'jobcentre', 'company', 'citizen', 'employeeRepStepRequired', 'createdAt'],
    additionalProperties: false,
    properties: {
      applicationId,
      scheme: oneOf(SCHEME_CODES),
      jobcentre: id.jobcentre(),
      company: companyRef(),
      citizen: citizenRef(),
      employeeRepStepRequired: { type: 'boolean' },
      createdAt: instant(),
    },
  },
  DraftLinkEmailSent: {
    type: 'object',
    required: ['applicationId', 'companyCvr', 'sentAt'],
    additionalProperties: false,
    properties: { applicationId, companyCvr: id.cvr(), sentAt: instant() },
  },
  DraftLinkEmailResent: {
    type: 'object',
    required: ['applicationId', 'companyCvr', 'sentAt'],
    additionalProperties: false,
    properties: { applicationId, companyCvr: id.cvr(), sentAt: instant() },
  },
  ApplicationSignedByCompany: {
    type: 'object',
    required: ['applicationId', 'signedAt', 'method', 'signedBy'],
    additionalProperties: false,
    properties: { applicationId, signedAt: instant(), method: oneOf(SIGNING_METHOD_CODES), signedBy: id.user() },
  },
  ApplicationSentToEmployeeRep: {
    type: 'object',
    required: ['applicationId', 'sentAt'],
    additionalProperties: false,
    properties: { applicationId, sentAt: instant() },
  },
  ApplicationSignedByEmployeeRep: {
    type: 'object',
    required: ['applicationId', 'signedAt', 'signedBy'],
    additionalProperties: false,
    properties: { applicationId, signedAt: instant(), signedBy: id.user() },
  },
  ApplicationRejectedByEmployeeRep: {
    type: 'object',
    required: ['applicationId', 'rejectedAt', 'rejectedBy', 'reason'],
    additionalProperties: false,
    properties: { applicationId, rejectedAt: instant(), rejectedBy: id.user(), reason: text() },
  },
  ApplicationReceivedByJobcentre: {
    type: 'object',
    required: ['applicationId', 'receivedDate'],
    additionalProperties: false,
    properties: { applicationId, receivedDate: calendarDate() },
  },
  ApplicationApproved: {
    type: 'object',
    required: ['applicationId', 'approvedDate', 'approvedBy'],
    additionalProperties: false,
    properties: { applicationId, approvedDate: calendarDate(), approvedBy: id.user() },
  },
  ApplicationRejected: {
    type: 'object',
    required: ['applicationId', 'rejectedDate', 'rejectedBy', 'reason'],
    additionalProperties: false,
    properties: { applicationId, rejectedDate: calendarDate(), rejectedBy: id.user(), reason: text() },
  },
};
