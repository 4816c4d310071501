import { createEventRegistry } from '../../event-types';
import { AppConfig } from '../config/config';
import { EventRegistry } from '../events/event-registry';
import { EventStore } from './event-store.port';
import { openKurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { openPostgresEventStore } from './postgres/postgres-event-store';
import { SchemaCheckedEventStore } from './schema-checked-event-store';

/**
 * PostgreSQL by default; KurrentDB/EventStoreDB when EVENTSTORE_CONNECTION_STRING is set. Either
 * way every append is checked against the event types' schemas first (issue 10), with the
 * registry the app's command pipeline uses.
 */
export async function openEventStore(config: AppConfig, registry: EventRegistry = createEventRegistry()): Promise<EventStore> {
  const adapter = config.eventStoreConnectionString
    ? await openKurrentDbEventStore(config.eventStoreConnectionString)
    : await openPostgresEventStore({ databaseUrl: config.databaseUrl!, migrate: false });
  return new SchemaCheckedEventStore(adapter, registry);
}
