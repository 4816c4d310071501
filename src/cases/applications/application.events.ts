import { DomainEvent } from '../../platform/events/decider';
import { EventTypeDefinition } from '../../platform/events/event-registry';
import { APPLICATION_EVENT_SCHEMAS } from './application.event-schemas';
import { Scheme } from '../../registries/schemes';
import { SigningMethod } from '../../registries/signing-methods';
import { AttachmentEvent } from '../shared/attachment.events';
import { SharedCaseEvent } from '../shared/case.events';

/** Stable event contracts of the application (domain.md §3.1). Past tense, never renamed. */
export type ApplicationDraftCreated = DomainEvent<
  'ApplicationDraftCreated',
  {
    applicationId: string;
    scheme: Scheme;
    jobcentre: string;
    company: { cvr: string; pNumber: string };
    citizen: { cpr: string };
    /** D23: recorded at creation: VP/LT/VL and the P-unit has an employee representative. */
    employeeRepStepRequired: boolean;
    createdAt: string;
  }
>;
export type DraftLinkEmailSent = DomainEvent<'DraftLinkEmailSent', { applicationId: string; companyCvr: string; sentAt: string }>;
export type DraftLinkEmailResent = DomainEvent<'DraftLinkEmailResent', { applicationId: string; companyCvr: string; sentAt: string }>;
export type ApplicationSignedByCompany = DomainEvent<
  'ApplicationSignedByCompany',
  { applicationId: string; signedAt: string; method: SigningMethod; signedBy: string }
>;
export type ApplicationSentToEmployeeRep = DomainEvent<'ApplicationSentToEmployeeRep', { applicationId: string; sentAt: string }>;
export type ApplicationSignedByEmployeeRep = DomainEvent<'ApplicationSignedByEmployeeRep', { applicationId: string; signedAt: string; signedBy: string }>;
export type ApplicationRejectedByEmployeeRep = DomainEvent<
  'ApplicationRejectedByEmployeeRep',
  { applicationId: string; rejectedAt: string; rejectedBy: string; reason: string }
>;
export type ApplicationReceivedByJobcentre = DomainEvent<'ApplicationReceivedByJobcentre', { applicationId: string; receivedDate: string }>;
export type ApplicationApproved = DomainEvent<'ApplicationApproved', { applicationId: string; approvedDate: string; approvedBy: string }>;
export type ApplicationRejected = DomainEvent<'ApplicationRejected', { applicationId: string; rejectedDate: string; rejectedBy: string; reason: string }>;

export type ApplicationEvent =
  | ApplicationDraftCreated
  | DraftLinkEmailSent
  | DraftLinkEmailResent
  | ApplicationSignedByCompany
  | ApplicationSentToEmployeeRep
  | ApplicationSignedByEmployeeRep
  | ApplicationRejectedByEmployeeRep
  | ApplicationReceivedByJobcentre
  | ApplicationApproved
  | ApplicationRejected
  | SharedCaseEvent
  | AttachmentEvent;

/** The application's own event types (the shared ones are registered once, in case.events.ts and attachment.events.ts). */
export const APPLICATION_EVENT_TYPES: readonly Exclude<ApplicationEvent, SharedCaseEvent | AttachmentEvent>['type'][] = [
  'ApplicationDraftCreated',
  'DraftLinkEmailSent',
  'DraftLinkEmailResent',
  'ApplicationSignedByCompany',
  'ApplicationSentToEmployeeRep',
  'ApplicationSignedByEmployeeRep',
  'ApplicationRejectedByEmployeeRep',
  'ApplicationReceivedByJobcentre',
  'ApplicationApproved',
  'ApplicationRejected',
];

export const APPLICATION_EVENTS: EventTypeDefinition[] = APPLICATION_EVENT_TYPES.map((type) => ({ type, schemaVersion: 1, schema: APPLICATION_EVENT_SCHEMAS[type] }));

export const applicationStreamId = (applicationId: string) => `application-${applicationId}`;
