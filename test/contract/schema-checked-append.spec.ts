/**
 * The schema check runs in the store the app opens (openEventStore), in front of either
 * adapter: the same decorator, so the PostgreSQL leg covers the check for both. The KurrentDB
 * leg runs it again against a real server when EVENTSTORE_CONNECTION_STRING is set.
 */
import { loadConfig } from '../../src/platform/config/config';
import { runMigrations } from '../../src/platform/database/migrate';
import { openEventStore } from '../../src/platform/event-store/open-event-store';
import { createEmptyDatabase } from '../support/test-database';
import { describeSchemaCheckedAppendContract } from './schema-checked-append.contract';

describeSchemaCheckedAppendContract('PostgreSQL', async () => {
  const databaseUrl = await createEmptyDatabase('schema');
  await runMigrations(databaseUrl);
  return openEventStore({ ...loadConfig({}), databaseUrl, eventStoreConnectionString: undefined });
});

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
if (connectionString) {
  describeSchemaCheckedAppendContract('KurrentDB', () => openEventStore({ ...loadConfig({}), eventStoreConnectionString: connectionString }));
}
