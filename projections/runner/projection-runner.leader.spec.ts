import { DataSource } from 'typeorm';
import { openPostgresEventStore, PostgresEventStore } from '../../src/platform/event-store/postgres/postgres-event-store';
import {
  appendEvents, counted, counterProjection, eventually, openDataSource, openProjectionDatabase, ProjectionDatabase, storedCheckpoint, tableRows, readAllEvents,
} from '../../test/support/projection-spec';
import { ProjectionRunner } from './projection-runner';

const OPTIONS = { batchSize: 5, pollIntervalMs: 100 };

describe('projection runner leadership (a PostgreSQL advisory lock elects one active runner)', () => {
  let env: ProjectionDatabase;
  let otherDb: DataSource;
  let otherStore: PostgresEventStore;
  let a: ProjectionRunner;
  let b: ProjectionRunner;

  beforeEach(async () => {
    env = await openProjectionDatabase();
    // A second process: its own DataSource and event store on the same database.
    otherDb = await openDataSource(env.url);
    otherStore = await openPostgresEventStore({ databaseUrl: env.url, migrate: false, poolSize: 5 });
    a = new ProjectionRunner(env.store, env.db, env.registry, counterProjection(), OPTIONS);
    b = new ProjectionRunner(otherStore, otherDb, env.registry, counterProjection(), OPTIONS);
  });
  afterEach(async () => {
    await Promise.all([a.stop(), b.stop()]);
    await otherStore.close();
    await otherDb.destroy();
    await env.close();
  });

  const advisoryLocksHeld = async () =>
    Number((await env.db.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`))[0].n);
  // The leader creates the table when it starts; until then there is nothing counted yet.
  const counts = async () => {
    const [{ exists }] = await env.db.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [a.projection.table]);
    return exists ? Object.fromEntries((await tableRows(env.db, a.projection)).map((r) => [r.id, r.count])) : {};
  };

  /** Samples both runners for `ms` and fails if both ever claim to lead. */
  async function neverBothLeaders(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      expect(a.status().leader && b.status().leader).toBe(false);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it('elects exactly one leader; when it stops the other takes over and no effect is doubled', async () => {
    await appendEvents(env.store, Array.from({ length: 20 }, (_, i) => counted(`k${i % 4}`, i + 1)));
    a.start();
    b.start();
    await eventually('one runner leads and has folded the first 20 events', async () => (a.status().leader || b.status().leader) && (await counts()).k0 === 5);
    await neverBothLeaders(1000); // ten of the follower's lock attempts
    expect([a.status().leader, b.status().leader].filter(Boolean)).toHaveLength(1);
    expect(await advisoryLocksHeld()).toBe(1);

    const [leader, follower] = a.status().leader ? [a, b] : [b, a];
    await leader.stop();
    expect(leader.status()).toMatchObject({ leader: false, running: false });
    await appendEvents(env.store, Array.from({ length: 12 }, (_, i) => counted(`k${i % 4}`, 21 + i)));

    await eventually('the follower took over and folded the 12 new events', async () => follower.status().leader && (await counts()).k3 === 8);
    expect(await counts()).toEqual({ k0: 8, k1: 8, k2: 8, k3: 8 });
    expect(await advisoryLocksHeld()).toBe(1);
    const all = await readAllEvents(env.store);
    expect((await storedCheckpoint(env.db, 'counters'))?.checkpoint).toBe(all[all.length - 1].checkpoint);
  });

  it('makes a leader whose batch fails give up the lock, so a healthy runner takes over', async () => {
    const errors: unknown[] = [];
    a = new ProjectionRunner(env.store, env.db, env.registry, counterProjection({ failOnPoison: true }), { ...OPTIONS, onError: (e) => errors.push(e) });
    await appendEvents(env.store, [counted('k0', 1), counted('k0', 2, { poison: true }), counted('k0', 3)]);
    a.start();
    await eventually('a failed on the poisoned event', () => errors.length > 0);
    expect(a.status().lastError).toMatch(/poisoned/);
    b.start();
    await eventually('b took over and folded all 3 events', async () => b.status().leader && (await counts()).k0 === 3);
    expect(a.status().leader).toBe(false);
  });

  it('lets a stopped leader lead again after restart once the lock is free', async () => {
    a.start();
    await eventually('a leads', () => a.status().leader);
    await a.stop();
    expect(await advisoryLocksHeld()).toBe(0);
    a.start();
    await eventually('a leads again', () => a.status().leader);
    await appendEvents(env.store, [counted('k0', 1)]);
    await eventually('a folded the new event', async () => (await counts()).k0 === 1);
  });
});
