import { DomainEvent } from '../../platform/events/decider';
import { EventTypeDefinition } from '../../platform/events/event-registry';
import { SHARED_CASE_EVENT_SCHEMAS } from './case.event-schemas';

/**
 * Events every case type shares (domain.md §3, "Cross-cutting events"). They carry the case's
 * id as `caseId`, so one projection can tell which row they touch.
 */
export type CaseTransferredToJobcentre = DomainEvent<'CaseTransferredToJobcentre', { caseId: string; from: string; to: string; transferredAt: string }>;
/** R55: 'Sæt ansvarlig'. */
export type ResponsibleCaseworkerAssigned = DomainEvent<'ResponsibleCaseworkerAssigned', { caseId: string; caseworkerId: string; assignedAt: string }>;

export type SharedCaseEvent = CaseTransferredToJobcentre | ResponsibleCaseworkerAssigned;

export const SHARED_CASE_EVENT_TYPES: readonly SharedCaseEvent['type'][] = ['CaseTransferredToJobcentre', 'ResponsibleCaseworkerAssigned'];
export const SHARED_CASE_EVENTS: EventTypeDefinition[] = SHARED_CASE_EVENT_TYPES.map((type) => ({ type, schemaVersion: 1, schema: SHARED_CASE_EVENT_SCHEMAS[type] }));
