/** The JSON Schemas of the events every case type shares (issue 10), checked by `tsc` against case.events.ts. */
import { EventSchemas, id, instant } from '../../platform/events/event-schema';
import type { SharedCaseEvent } from './case.events';

export const SHARED_CASE_EVENT_SCHEMAS: EventSchemas<SharedCaseEvent> = {
  CaseTransferredToJobcentre: {
    type: 'object',
    required: ['caseId', 'from', 'to', 'transferredAt'],
    additionalProperties: false,
    properties: { caseId: id.uuid(), from: id.jobcentre(), to: id.jobcentre(), transferredAt: instant() },
  },
  ResponsibleCaseworkerAssigned: {
    type: 'object',
    required: ['caseId', 'caseworkerId', 'assignedAt'],
    additionalProperties: false,
    properties: { caseId: id.uuid(), caseworkerId: id.user(), assignedAt: instant() },
  },
};
