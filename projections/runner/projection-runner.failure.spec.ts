/**
 * A projection that fails is loud, not silent: the runner names the event at fault and the
 * error, retries with capped exponential backoff, reports a failure once per change and its
 * recovery once, and commits nothing partial. Real PostgreSQL, real event store.
 */
import * as net from 'node:net';
import { DataSource } from 'typeorm';
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import {
  appendEvents, counted, counterProjection, eventually, openDataSource, openProjectionDatabase, ProjectionDatabase, readAllEvents, storedCheckpoint,
  tableRows,
} from '../../test/support/projection-spec';
import { FailureChange, Recovery } from './failure-tracker';
import { ProjectionRunner, RunnerOptions } from './projection-runner';
import { retryDelayMs } from './retry-backoff';

const CPR = '0101901234';

/**
 * A TCP relay in front of the real PostgreSQL server, so a test can take the database away
 * from one DataSource (connections reset, new ones refused) and give it back.
 */
async function relay(target: URL): Promise<{ url: string; cut(): void; restore(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let server: net.Server;
  const listen = (port: number) =>
    new Promise<number>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        const drop = () => (client.destroy(), upstream.destroy());
        for (const s of [client, upstream]) sockets.add(s).add(s.on('error', drop).on('close', drop));
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  const port = await listen(0);
  const url = new URL(target.toString());
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    cut() {
      server.close(() => undefined);
      sockets.forEach((s) => s.destroy());
      sockets.clear();
    },
    restore: async () => void (await listen(port)),
  };
}
const HIGHEST_DRAW = () => 0.999;

describe('a failing projection (real PostgreSQL)', () => {
  let env: ProjectionDatabase;
  let events: RecordedEvent[];
  const runners: ProjectionRunner[] = [];
  let tries: number[];
  let news: FailureChange[];
  let recoveries: Recovery[];

  const runner = (options: Partial<RunnerOptions> = {}, projection = counterProjection()) => {
    const r = new ProjectionRunner(env.store, env.db, env.registry, projection, {
      batchSize: 4, pollIntervalMs: 20, retryMaxMs: 200, random: HIGHEST_DRAW,
      onError: () => tries.push(Date.now()),
      onFailing: (n) => news.push(n),
      onRecovered: (r) => recoveries.push(r),
      ...options,
    });
    runners.push(r);
    return r;
  };

  beforeEach(async () => {
    env = await openProjectionDatabase();
    [tries, news, recoveries] = [[], [], []];
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await env.close();
  });

  /**
   * Ten `Counted` events; the sixth, the only one of key k3, has no `n`, so its row's NOT NULL
   * `last_position` is null: a malformed event the table refuses. It carries a CPR number that
   * must never be shown.
   */
  async function appendWithMalformedSixth(): Promise<void> {
    const malformed = { streamId: 'counter-k3', type: 'Counted', data: { key: 'k3', citizen: CPR } };
    await appendEvents(env.store, [1, 2, 3, 4, 5].map((n) => counted(n % 2 ? 'k1' : 'k2', n)));
    await appendEvents(env.store, [malformed]);
    await appendEvents(env.store, [7, 8, 9, 10].map((n) => counted(n % 2 ? 'k1' : 'k2', n)));
    events = await readAllEvents(env.store);
  }

  it('names the first failing event and the error, commits nothing of its batch, backs off, reports once, recovers once', async () => {
    await appendWithMalformedSixth();
    const r = runner();
    r.start();
    await eventually('the runner has failed five times', () => (r.status().failing?.attempts ?? 0) >= 5, 15_000);

    const status = r.status();
    expect(status.failing).toEqual({
      kind: 'event',
      since: expect.any(String),
      attempts: expect.any(Number),
      nextRetryAt: expect.any(String),
      event: {
        position: events[5].checkpoint.split(':')[1], checkpoint: events[5].checkpoint, id: events[5].id,
        type: 'Counted', streamId: 'counter-k3', revision: 0,
      },
      error: {
        message: expect.stringMatching(/null value in column "last_position".*not-null constraint/), code: '23502', table: 'counters', column: 'last_position',
      },
    });
    expect(status.lastError).toBe(status.failing?.error.message);
    expect(JSON.stringify(status)).not.toContain(CPR);
    // Batch 1 (events 1–4) committed; of batch 2 (events 5–8) nothing, though event 5 alone was fine.
    expect((await storedCheckpoint(env.db, 'counters'))?.checkpoint).toBe(events[3].checkpoint);
    expect((await tableRows(env.db, r.projection)).map((row) => [row.id, row.count])).toEqual([['k1', 2], ['k2', 2]]);

    // Told once, though it failed on every try.
    expect(news).toHaveLength(1);
    expect(news[0]).toMatchObject({ change: 'started', failure: { kind: 'event', attempts: 1, event: { id: events[5].id } } });
    // Backoff: with the highest draw the n-th wait is min(200, 20 · 2^(n−1)) ms, so the fifth try
    // cannot come before their sum (a loaded machine only makes it later). 1 ms slack per timer.
    const waits = [1, 2, 3, 4].map((n) => retryDelayMs(n, { baseMs: 20, maxMs: 200, random: HIGHEST_DRAW }));
    expect(waits).toEqual([19, 39, 79, 159]);
    expect(tries[4] - tries[0]).toBeGreaterThanOrEqual(waits.reduce((a, b) => a + b) - waits.length);

    // The cause goes (here: the table accepts the row), and the next try succeeds.
    await env.db.query(`ALTER TABLE counters ALTER COLUMN last_position DROP NOT NULL`);
    await eventually('the runner recovered and folded every event', async () =>
      !r.status().failing && (await storedCheckpoint(env.db, 'counters'))?.checkpoint === events[9].checkpoint, 15_000);
    expect(r.status().lastError).toBeUndefined();
    expect((await tableRows(env.db, r.projection)).map((row) => [row.id, row.count])).toEqual([['k1', 5], ['k2', 4], ['k3', 1]]);
    expect(news).toHaveLength(1);
    expect(recoveries).toHaveLength(1);
    expect(recoveries[0]).toMatchObject({ attempts: expect.any(Number), by: 'this-runner', failure: { event: { id: events[5].id } } });
    expect(recoveries[0].attempts).toBeGreaterThanOrEqual(5);
    expect(recoveries[0].downMs).toBeGreaterThanOrEqual(waits.reduce((a, b) => a + b) - waits.length);
  });

  it('reports a batch that fails with no single event at fault (its checkpoint write) as the batch', async () => {
    await appendEvents(env.store, [1, 2, 3, 4, 5, 6, 7, 8].map((n) => counted(n % 2 ? 'k1' : 'k2', n)));
    events = await readAllEvents(env.store);
    await env.db.query(`CREATE FUNCTION refuse_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.checkpoint = '${events[7].checkpoint}' THEN RAISE EXCEPTION 'checkpoint refused'; END IF; RETURN NEW; END $$`);
    await env.db.query(`CREATE TRIGGER refuse_checkpoint BEFORE UPDATE ON projection_checkpoints FOR EACH ROW EXECUTE FUNCTION refuse_checkpoint()`);
    const r = runner();
    r.start();
    await eventually('the runner has failed three times', () => (r.status().failing?.attempts ?? 0) >= 3, 15_000);
    expect(r.status().failing).toMatchObject({ kind: 'batch', error: { message: 'checkpoint refused', code: 'P0001' } });
    expect(r.status().failing?.event).toBeUndefined();
    expect(news.map((n) => n.change)).toEqual(['started']);

    await env.db.query(`DROP TRIGGER refuse_checkpoint ON projection_checkpoints`);
    await eventually('the runner recovered', async () => (await storedCheckpoint(env.db, 'counters'))?.checkpoint === events[7].checkpoint, 15_000);
    await eventually('the recovery was reported', () => recoveries.length === 1);
    expect(r.status().failing).toBeUndefined();
  });

  it('reports an unreachable database once, as its own state with no event blamed, and its recovery once', async () => {
    await appendEvents(env.store, [counted('k1', 1), counted('k2', 2)]);
    events = await readAllEvents(env.store);
    const database = await relay(new URL(env.url));
    let db: DataSource | undefined;
    try {
      db = await openDataSource(database.url);
      const r = new ProjectionRunner(env.store, db, env.registry, counterProjection(), {
        batchSize: 4, pollIntervalMs: 20, retryMaxMs: 100, random: HIGHEST_DRAW,
        onError: () => tries.push(Date.now()), onFailing: (n) => news.push(n), onRecovered: (x) => recoveries.push(x),
      });
      runners.push(r);
      r.start();
      const folded = async () => (await storedCheckpoint(env.db, 'counters'))?.checkpoint === events[1].checkpoint;
      await eventually('the runner folded the first events', folded, 15_000);

      database.cut();
      await appendEvents(env.store, [counted('k1', 3)]); // through the store, which still reaches the server
      await eventually('the runner has failed five times', () => (r.status().failing?.attempts ?? 0) >= 5, 15_000);
      expect(r.status().failing).toMatchObject({ kind: 'database-unavailable', error: { message: expect.any(String) } });
      expect(r.status().failing?.event).toBeUndefined();
      expect(news.map((n) => [n.change, n.failure.kind])).toEqual([['started', 'database-unavailable']]);

      await database.restore();
      await eventually('the runner recovered and folded the new event', async () =>
        !r.status().failing && (await tableRows(env.db, r.projection)).some((row) => row.id === 'k1' && row.count === 2), 15_000);
      expect(recoveries).toHaveLength(1);
      expect(recoveries[0]).toMatchObject({ by: 'this-runner', failure: { kind: 'database-unavailable' } });
      expect(news).toHaveLength(1);
      await r.stop();
    } finally {
      database.cut();
      await db?.destroy().catch(() => undefined);
    }
  });

  it('ends a long backoff promptly when stopped', async () => {
    await appendWithMalformedSixth();
    const r = runner({ pollIntervalMs: 60_000, retryMaxMs: 60_000 }); // the first wait is about a minute
    r.start();
    await eventually('the runner failed once', () => r.status().failing?.attempts === 1, 15_000);
    const started = Date.now();
    await r.stop();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.status()).toMatchObject({ running: false, leader: false, failing: { attempts: 1 } });
  });

  it('lets a standby drop its failure once another process has moved past the event', async () => {
    await appendEvents(env.store, [counted('k1', 1), counted('k2', 2, { poison: true }), counted('k1', 3)]);
    events = await readAllEvents(env.store);
    const broken = runner({ retryMaxMs: 100 }, counterProjection({ failOnPoison: true }));
    broken.start();
    await eventually('the broken runner failed', () => (broken.status().failing?.attempts ?? 0) >= 2, 15_000);
    // A second process with a fixed projection takes the lock between the broken one's tries.
    const fixed = runner({}, counterProjection());
    fixed.start();
    await eventually('the failure is gone and every event folded', async () =>
      !broken.status().failing && (await storedCheckpoint(env.db, 'counters'))?.checkpoint === events[2].checkpoint, 15_000);
    expect(fixed.status()).toMatchObject({ leader: true });
    expect(broken.status()).toMatchObject({ leader: false, running: true });
    expect(news).toHaveLength(1);
    expect(recoveries).toHaveLength(1);
    expect(recoveries[0]).toMatchObject({ by: 'another-process', failure: { event: { id: events[1].id } } });
  });
});
