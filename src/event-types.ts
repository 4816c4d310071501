/** The one registry of event types: every case type's events file is listed here. */
import { APPLICATION_EVENTS } from './cases/applications/application.events';
import { ATTACHMENT_EVENTS } from './cases/shared/attachment.events';
import { SHARED_CASE_EVENTS } from './cases/shared/case.events';
import { EventRegistry } from './platform/events/event-registry';

export function createEventRegistry(): EventRegistry {
  return new EventRegistry().register(...SHARED_CASE_EVENTS, ...ATTACHMENT_EVENTS, ...APPLICATION_EVENTS);
}
