/**
 * The KurrentDB (EventStoreDB) leg of the contract suite. It needs a running server
 * (docker-compose.yml), which cannot run on the development machines, so without
 * EVENTSTORE_CONNECTION_STRING it says why it did not run instead of silently skipping.
 */
import { openKurrentDbEventStore } from '../../src/platform/event-store/kurrentdb/kurrentdb-event-store';
import { describeEventStoreContract } from './event-store.contract';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract('KurrentDB', () => openKurrentDbEventStore(connectionString));
} else {
  describe('EventStore contract: KurrentDB', () => {
    it('EventStoreDB leg is skipped because EVENTSTORE_CONNECTION_STRING is not set', () => {
      console.log(
        'EventStoreDB leg skipped: EVENTSTORE_CONNECTION_STRING is not set; no EventStoreDB server can run on this machine (see README)',
      );
      expect(connectionString).toBeFalsy();
    });
  });
}
