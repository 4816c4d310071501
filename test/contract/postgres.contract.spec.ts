/**
 * The PostgreSQL leg of the contract suite, on a fresh database of the run's server
 * (embedded, or DATABASE_URL). The adapter runs its own migrations; the suite's
 * afterAll closes the store.
 */
import { openPostgresEventStore } from '../../src/platform/event-store/postgres/postgres-event-store';
import { createEmptyDatabase } from '../support/test-database';
import { describeEventStoreContract } from './event-store.contract';

describeEventStoreContract('PostgreSQL', async () => {
  const databaseUrl = await createEmptyDatabase('contract');
  return openPostgresEventStore({ databaseUrl });
});
