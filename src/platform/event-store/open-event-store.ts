import { AppConfig } from '../config/config';
import { EventStore } from './event-store.port';
import { openKurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { openPostgresEventStore } from './postgres/postgres-event-store';

/** PostgreSQL by default; KurrentDB/EventStoreDB when EVENTSTORE_CONNECTION_STRING is set. */
export async function openEventStore(config: AppConfig): Promise<EventStore> {
  if (config.eventStoreConnectionString) return openKurrentDbEventStore(config.eventStoreConnectionString);
  return openPostgresEventStore({ databaseUrl: config.databaseUrl!, migrate: false });
}
