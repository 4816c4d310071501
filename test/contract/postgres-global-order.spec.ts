/**
 * PostgreSQL-specific: the global order is (transaction id, position) compared as numbers.
 * Sorting the ids as text puts '1000' before '999', which skips or repeats events at every
 * change of digit count; this test appends across such a boundary.
 */
import { Client } from 'pg';
import { PostgresEventStore, openPostgresEventStore } from '../../src/platform/event-store/postgres/postgres-event-store';
import { Checkpoint, RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { uuidv7 } from '../../src/platform/events/uuidv7';
import { createEmptyDatabase } from '../support/test-database';

const event = (n: number) => {
  const id = uuidv7();
  return {
    id,
    type: 'BoundaryCrossed',
    data: { n },
    metadata: { eventId: id, correlationId: id, causationId: id, principal: { role: 'auditor' as const, userId: 't', org: 't' }, occurredAt: new Date().toISOString(), schemaVersion: 1 },
  };
};

describe('PostgreSQL event store: global order across a transaction-id digit boundary', () => {
  let store: PostgresEventStore;
  let burner: Client;

  beforeAll(async () => {
    const databaseUrl = await createEmptyDatabase('xid');
    store = await openPostgresEventStore({ databaseUrl });
    burner = new Client({ connectionString: databaseUrl });
    await burner.connect();
  });
  afterAll(async () => {
    await burner.end();
    await store.close();
  });

  it('reads events in append order, in batches of one, while transaction ids grow from n digits to n+1', async () => {
    const xid = async () => BigInt((await burner.query('SELECT pg_current_xact_id()::text AS x')).rows[0].x);
    // Each committed transaction consumes one id. Burned inside the server (a procedure that
    // commits per loop), so even a distant boundary costs seconds, not a round trip per id: how
    // far it is depends on how many ids the suites before this one used.
    await burner.query(`CREATE PROCEDURE burn_xids(n bigint) LANGUAGE plpgsql AS $$
      BEGIN FOR i IN 1..n LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`);
    // Stop a few ids below the next boundary, closing in, since other sessions of the shared
    // server may use ids meanwhile; past it already, the next boundary is the aim.
    let boundary = 10n ** BigInt((await xid()).toString().length);
    for (let x = await xid(); x < boundary - 6n || x >= boundary; x = await xid()) {
      if (x >= boundary) boundary *= 10n;
      else await burner.query('CALL burn_xids($1)', [(boundary - 6n - x).toString()]);
    }
    const digitsBefore = (boundary - 1n).toString().length;

    const streamId = `boundary-${uuidv7()}`;
    const appended: string[] = [];
    for (let n = 0; n < 8; n++) {
      const e = event(n);
      await store.append(streamId, [e], n === 0 ? 'no_stream' : n - 1);
      appended.push(e.id);
    }

    const seen: RecordedEvent[] = [];
    let checkpoint: Checkpoint | null = null;
    for (let guard = 0; guard < 100_000; guard++) {
      const batch = await store.readAll(checkpoint, 1);
      if (batch.events.length === 0) break;
      seen.push(...batch.events);
      checkpoint = batch.checkpoint;
    }
    const ours = seen.filter((e) => e.streamId === streamId);
    expect(ours.map((e) => e.id)).toEqual(appended);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    const txIds = ours.map((e) => e.checkpoint.split(':')[0]);
    expect(txIds.some((x) => x.length > digitsBefore)).toBe(true); // the boundary was crossed
  });
});
