/** The one registry of event types: every case type's events file is listed here. */
import { AA_ASSIGNMENT_EVENTS } from './aa-assignments/aa-assignment.events';
import { APPLICATION_EVENTS } from './cases/applications/application.events';
import { GRANT_EVENTS } from './cases/grants/grant.events';
import { ATTACHMENT_EVENTS } from './cases/shared/attachment.events';
import { IGU_AGREEMENT_EVENTS } from './cases/igu-agreements/igu-agreement.events';
import { OFFER_EVENTS } from './cases/offers/offer.events';
import { SHARED_CASE_EVENTS } from './cases/shared/case.events';
import { SUPPLEMENTARY_GRANT_EVENTS } from './cases/supplementary-grants/supplementary-grant.events';
import { EventRegistry, EventTypeDefinition } from './platform/events/event-registry';

/** Every event type with its current schema version, data schema and upcasters. */
export const EVENT_TYPE_DEFINITIONS: readonly EventTypeDefinition[] = [
  ...SHARED_CASE_EVENTS, ...ATTACHMENT_EVENTS, ...APPLICATION_EVENTS, ...OFFER_EVENTS, ...IGU_AGREEMENT_EVENTS, ...SUPPLEMENTARY_GRANT_EVENTS, ...GRANT_EVENTS, ...AA_ASSIGNMENT_EVENTS,
];

/** Compiles every type's schema once; a type without one stops the app from starting. */
export function createEventRegistry(): EventRegistry {
  return new EventRegistry().register(...EVENT_TYPE_DEFINITIONS);
}
