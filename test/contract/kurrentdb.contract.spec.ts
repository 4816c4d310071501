/**
 * The KurrentDB (EventStoreDB) leg of the contract suite. It needs a running server
 * (docker-compose.yml; EVENTSTORE_CONNECTION_STRING, e.g. kurrentdb://localhost:2113?tls=false).
 * Without one the whole leg is skipped, visibly: chosen when the file loads, every contract test
 * is reported as skipped (never as passed) and the reason is printed once.
 */
import { openKurrentDbEventStore } from '../../src/platform/event-store/kurrentdb/kurrentdb-event-store';
import { describeEventStoreContract } from './event-store.contract';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (!connectionString) {
  console.warn('KurrentDB contract skipped: set EVENTSTORE_CONNECTION_STRING to run it against a server');
}

const describeWhenServer = connectionString ? describe : describe.skip;

describeWhenServer('KurrentDB leg (EVENTSTORE_CONNECTION_STRING)', () => {
  describeEventStoreContract('KurrentDB', () => openKurrentDbEventStore(connectionString!));
});
