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
    const current = BigInt((await burner.query('SELECT pg_current_xact_id()::text AS x')).rows[0].x);
    // With room for the few ids this test's own statements use before it burns: a suite that
    // stopped within a handful of the next boundary aims at the one after.
    const boundary = 10n ** BigInt((current + 100n).toString().length);
    // Each committed transaction consumes one id; stop just below the boundary. Burned inside the
    // server (a procedure that commits per loop), so even a distant boundary costs seconds, not a
    // round trip per id: how far it is depends on how many ids the suites before this one used.
    await burner.query(`CREATE PROCEDURE burn_xids(n bigint) LANGUAGE plpgsql AS $$
      BEGIN FOR i IN 1..n LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`);
    const burn = boundary - 4n - BigInt((await burner.query('SELECT pg_current_xact_id()::text AS x')).rows[0].x);
    if (burn > 0n) await burner.query('CALL burn_xids($1)', [burn.toString()]);
    expect(BigInt((await burner.query('SELECT pg_current_xact_id()::text AS x')).rows[0].x)).toBeLessThan(boundary);

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
    expect(txIds.some((x) => x.length > current.toString().length)).toBe(true); // the boundary was crossed
  });
});
