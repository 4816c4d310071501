import { EventStore, RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { openPostgresEventStore } from '../../src/platform/event-store/postgres/postgres-event-store';
import {
  appendEvents, counted, counterProjection, eventually, openProjectionDatabase, ProjectionDatabase, readAllEvents, storedCheckpoint, tableRows,
} from '../../test/support/projection-spec';
import { definitionHash } from './apply-batch';
import { AnyProjection, Row } from './projection';
import { ProjectionRunner, RunnerOptions } from './projection-runner';
import { rebuildProjection } from './rebuild';

const counters = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.id, r.count]));
const total = (rows: Row[]) => rows.reduce((sum, r) => sum + Number(r.count), 0);
const series = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('projection runner (real PostgreSQL, real event store)', () => {
  let env: ProjectionDatabase;
  let events: RecordedEvent[];
  const runners: ProjectionRunner[] = [];
  const runner = (projection: AnyProjection, options: Partial<RunnerOptions> = {}, store: EventStore = env.store) => {
    const r = new ProjectionRunner(store, env.db, env.registry, projection, { batchSize: 4, pollIntervalMs: 30_000, ...options });
    runners.push(r);
    return r;
  };

  beforeEach(async () => {
    env = await openProjectionDatabase();
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await env.close();
  });

  /** Appends `Counted` events n = from..to, alternating keys k1 and k2 (odd n → k1). */
  async function appendCounted(from: number, to: number, poison?: number): Promise<void> {
    await appendEvents(env.store, series(from, to).map((n) => counted(n % 2 ? 'k1' : 'k2', n, n === poison ? { poison: true } : {})));
    events = await readAllEvents(env.store);
  }

  it('commits nothing of a batch whose fold throws mid-way, and a fixed projection then applies every event exactly once', async () => {
    await appendCounted(1, 10, 7);
    const failing = runner(counterProjection({ failOnPoison: true }));
    await failing.prepare();
    await expect(failing.catchUp()).rejects.toThrow(/poisoned/);

    // Batch 1 (events 1–4) committed; batch 2 (5–8) failed at event 7: neither its rows (5, 6) nor its checkpoint moved.
    expect(counters(await tableRows(env.db, failing.projection))).toEqual({ k1: 2, k2: 2 });
    expect((await storedCheckpoint(env.db, 'counters'))?.checkpoint).toBe(events[3].checkpoint);
    expect(failing.status().checkpoint).toBe(events[3].checkpoint);

    const fixed = runner(counterProjection());
    await fixed.prepare();
    await fixed.catchUp();
    const rows = await tableRows(env.db, fixed.projection);
    expect(total(rows)).toBe(10);
    expect(counters(rows)).toEqual({ k1: 5, k2: 5 });
    expect((await storedCheckpoint(env.db, 'counters'))?.checkpoint).toBe(events[9].checkpoint);
  });

  it('rolls back the rows a batch already wrote when its checkpoint write fails, then continues without doubling', async () => {
    await appendCounted(1, 10);
    // The failure strikes after the batch's upsert has run, at the checkpoint update of batch 2 (events 5–8).
    await env.db.query(`CREATE FUNCTION refuse_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.checkpoint = '${events[7].checkpoint}' THEN RAISE EXCEPTION 'checkpoint refused'; END IF; RETURN NEW; END $$`);
    await env.db.query(`CREATE TRIGGER refuse_checkpoint BEFORE UPDATE ON projection_checkpoints FOR EACH ROW EXECUTE FUNCTION refuse_checkpoint()`);
    const r = runner(counterProjection());
    await r.prepare();
    await expect(r.catchUp()).rejects.toThrow(/checkpoint refused/);
    expect(total(await tableRows(env.db, r.projection))).toBe(4);
    expect((await storedCheckpoint(env.db, 'counters'))?.checkpoint).toBe(events[3].checkpoint);

    await env.db.query(`DROP TRIGGER refuse_checkpoint ON projection_checkpoints`);
    await r.catchUp();
    expect(counters(await tableRows(env.db, r.projection))).toEqual({ k1: 5, k2: 5 });
  });

  it('lets a new runner instance continue from the stored checkpoint without folding any event twice', async () => {
    await appendCounted(1, 6);
    const first = runner(counterProjection());
    await first.prepare();
    expect(await first.runOnce()).toBe(4);
    await appendCounted(7, 9);

    let folded = 0;
    const second = runner(counterProjection({ onEvolve: () => folded++ }));
    await second.prepare();
    expect(second.status().checkpoint).toBe(events[3].checkpoint);
    await second.catchUp();
    expect(folded).toBe(5);
    expect(counters(await tableRows(env.db, second.projection))).toEqual({ k1: 5, k2: 4 });
  });

  it('follows appends made by another process after start, woken by LISTEN/NOTIFY well within a 30 s poll interval', async () => {
    // The runner reads through its own store (as in another process), so only a NOTIFY can wake it early.
    const own = await openPostgresEventStore({ databaseUrl: env.url, migrate: false, poolSize: 2 });
    try {
      await own.waitForAppends(0); // its LISTEN connection is up before the runner sleeps on it
      let markWaiting!: () => void;
      const waiting = new Promise<void>((resolve) => (markWaiting = resolve));
      const watched = new Proxy(own, {
        get(target, prop) {
          if (prop === 'waitForAppends') return (ms: number, signal?: AbortSignal) => (markWaiting(), target.waitForAppends(ms, signal));
          const value = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const live = runner(counterProjection(), { pollIntervalMs: 30_000 }, watched);
      live.start();
      await waiting; // caught up (nothing to read) and asleep for up to 30 s
      expect(live.status()).toMatchObject({ leader: true, caughtUp: true });

      await appendCounted(1, 3);
      await eventually('the live runner folded the 3 new events', async () => total(await tableRows(env.db, live.projection)) === 3, 5000);
      expect(live.status().checkpoint).toBe(events[2].checkpoint);
      await live.stop();
    } finally {
      await own.close();
    }
  });

  it('stops at a batch boundary: a stop requested inside a batch lets that batch commit whole, and nothing after it', async () => {
    await appendCounted(1, 40);
    let stopping: Promise<void> | undefined;
    const r = runner(counterProjection({ onEvolve: (e) => e.data.n === 10 && (stopping ??= r.stop()) }), { batchSize: 7 });
    r.start();
    await eventually('stop was requested', () => stopping !== undefined);
    await stopping;

    // Event 10 sits in batch 2 (events 8–14): that batch is applied in full and is the last one.
    const stored = await storedCheckpoint(env.db, 'counters');
    expect(stored?.checkpoint).toBe(events[13].checkpoint);
    expect(r.status()).toMatchObject({ running: false, leader: false, checkpoint: events[13].checkpoint });
    expect(counters(await tableRows(env.db, r.projection))).toEqual({ k1: 7, k2: 7 });
  });

  it('folds every event exactly once when the transaction ids of its events gain a digit (global order is numeric)', async () => {
    // Consume transaction ids (one per subtransaction) until just below the next power of ten.
    const xid = Number((await env.db.query(`SELECT pg_current_xact_id()::text AS x`))[0].x);
    const powerOfTen = 10 ** Math.ceil(Math.log10(xid + 10));
    if (powerOfTen - xid > 5_000_000) return console.warn(`skipped: transaction id ${xid} is too far from ${powerOfTen} to reach quickly`);
    await env.db.query(`CREATE UNLOGGED TABLE xid_burn (i int)`);
    await env.db.query(`DO $$ BEGIN FOR i IN 1..${powerOfTen - xid - 8} LOOP BEGIN INSERT INTO xid_burn VALUES (i); EXCEPTION WHEN others THEN NULL; END; END LOOP; END $$`);
    await appendCounted(1, 16); // one transaction each, straddling the power of ten
    const txIds = events.map((e) => BigInt(e.checkpoint.split(':')[0]));
    expect(txIds.some((t) => t < powerOfTen) && txIds.some((t) => t >= powerOfTen)).toBe(true);
    expect(events.map((e) => e.data.n)).toEqual(series(1, 16));

    const r = runner(counterProjection());
    await r.prepare();
    await r.catchUp();
    expect(counters(await tableRows(env.db, r.projection))).toEqual({ k1: 8, k2: 8 });
  });

  it('detects a changed definition (columns, version, handled events, indexes) by its hash, and a rebuild records the new one', async () => {
    const v1 = counterProjection();
    expect(definitionHash(counterProjection())).toBe(definitionHash(v1));
    const v2: AnyProjection = { ...v1, columns: [...v1.columns, { name: 'note', type: 'text' }] };
    expect(definitionHash(v2)).not.toBe(definitionHash(v1));
    expect(definitionHash(counterProjection({ version: 2 }))).not.toBe(definitionHash(v1));
    expect(definitionHash({ ...v1, handles: ['Counted', 'Reset'] })).not.toBe(definitionHash(v1));
    expect(definitionHash({ ...v1, indexes: [] })).not.toBe(definitionHash(v1));

    await appendCounted(1, 5);
    const r = runner(v1);
    await r.prepare();
    await r.catchUp();
    expect((await storedCheckpoint(env.db, 'counters'))?.definitionHash).toBe(definitionHash(v1));
    expect((await storedCheckpoint(env.db, 'counters'))?.definitionHash).not.toBe(definitionHash(v2)); // what the service checks at start

    await rebuildProjection(env.store, env.db, env.registry, v2, { batchSize: 4 });
    expect((await storedCheckpoint(env.db, 'counters'))?.definitionHash).toBe(definitionHash(v2));
    const [row] = await tableRows(env.db, v2);
    expect(row).toEqual({ id: 'k1', count: 3, last_position: 5, note: null });
  });
});
