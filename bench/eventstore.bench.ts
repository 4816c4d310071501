/**
 * PostgreSQL event store adapter against the floor of a plain table on the same server:
 * single-event appends with 1/8/32 writers, read-all over >= 150,000 events (each appended
 * id seen exactly once), then plain autocommitted INSERTs and a keyset SELECT read-back.
 * Progress on stderr; one JSON line of figures last on stdout.
 */
import { Pool } from 'pg';
import { openPostgresEventStore, PostgresEventStore } from '../src/platform/event-store/postgres/postgres-event-store';
import { ExpectedRevision, NewEvent } from '../src/platform/event-store/event-store.port';
import { benchPool, draftCreatedEvent, log, round, runBench, runTimed, TimedResult } from './support';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 8000);
const ROUNDS_W32 = Number(process.env.BENCH_ROUNDS_W32 ?? 2);
const WARMUP_MS = 1000;
const STREAMS_PER_WRITER = 20;
const READ_TARGET = Number(process.env.BENCH_READ_EVENTS ?? 150_000);
const BULK_BATCH = 50;
const LEVELS = [1, 8, 32] as const;

const FLOOR_DDL = `CREATE TABLE floor_events (position bigserial PRIMARY KEY, stream_id text, revision int, event_id uuid, type text,
  data jsonb, metadata jsonb, UNIQUE (stream_id, revision))`;
const FLOOR_INSERT = `INSERT INTO floor_events (stream_id, revision, event_id, type, data, metadata) VALUES ($1, $2, $3, $4, $5, $6)`;
const FLOOR_SELECT = `SELECT position, stream_id, revision, event_id, type, data, metadata FROM floor_events WHERE position > $1 ORDER BY position LIMIT 1000`;

/** Each writer cycles over its own streams, appending with the right expected revision. */
function streamCursor(prefix: string, writers: number) {
  const revs = Array.from({ length: writers }, () => new Array<number>(STREAMS_PER_WRITER).fill(-1));
  return {
    next(w: number, i: number) {
      const s = i % STREAMS_PER_WRITER;
      return { streamId: `${prefix}-w${w}-s${s}`, rev: revs[w][s], commit: (r: number) => (revs[w][s] = r) };
    },
  };
}

async function adapterLevel(store: PostgresEventStore, writers: number, appended: Set<string>, round = 1): Promise<TimedResult> {
  const cursor = streamCursor(`es${writers}r${round}`, writers);
  return runTimed(writers, DURATION_MS, WARMUP_MS, async (w, i) => {
    const { streamId, rev, commit } = cursor.next(w, i);
    const event = draftCreatedEvent(i);
    const expected: ExpectedRevision = rev < 0 ? 'no_stream' : rev;
    const result = await store.append(streamId, [event], expected);
    if (result.nextExpectedRevision !== rev + 1) throw new Error(`unexpected revision ${result.nextExpectedRevision} on ${streamId}`);
    commit(rev + 1);
    appended.add(event.id);
  });
}

async function floorLevel(pool: Pool, writers: number, round = 1): Promise<TimedResult> {
  const cursor = streamCursor(`floor-r${round}`, writers);
  return runTimed(writers, DURATION_MS, WARMUP_MS, async (w, i) => {
    const { streamId, rev, commit } = cursor.next(w, i);
    const e = draftCreatedEvent(i);
    await pool.query({ name: 'floor_insert', text: FLOOR_INSERT, values: [streamId, rev + 1, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)] });
    commit(rev + 1);
  });
}

/** Tops the store up to `target` events with 50-event appends from 8 writers. */
async function bulkAppend(store: PostgresEventStore, pool: Pool, target: number, appended: Set<string>): Promise<void> {
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM events');
  let remaining = Math.max(0, target - rows[0].n);
  log(`bulk-appending ${remaining} events in ${BULK_BATCH}-event appends`);
  let stream = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (remaining > 0) {
        const n = Math.min(BULK_BATCH, remaining);
        remaining -= n;
        const events: NewEvent[] = Array.from({ length: n }, (_, k) => draftCreatedEvent(stream * BULK_BATCH + k));
        await store.append(`bulk-${stream++}`, events, 'no_stream');
        events.forEach((e) => appended.add(e.id));
      }
    }),
  );
  log(`bulk append done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function readAllAdapter(store: PostgresEventStore, appended: Set<string>) {
  const seen = new Map<string, number>();
  let checkpoint: string | null = null;
  let events = 0;
  const t0 = performance.now();
  for (;;) {
    const batch = await store.readAll(checkpoint, 1000);
    if (!batch.events.length) break;
    for (const e of batch.events) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
    events += batch.events.length;
    checkpoint = batch.checkpoint;
  }
  const seconds = (performance.now() - t0) / 1000;
  let missing = 0;
  let duplicates = 0;
  appended.forEach((id) => (seen.has(id) ? undefined : missing++));
  seen.forEach((n) => (duplicates += n - 1));
  return { events, seconds, perSecond: events / seconds, missing, duplicates };
}

async function readFloor(pool: Pool, count: number) {
  const client = await pool.connect();
  let last = '0';
  let rows = 0;
  let checksum = 0;
  const t0 = performance.now();
  try {
    while (rows < count) {
      const r = await client.query({ name: 'floor_select', text: FLOOR_SELECT, values: [last] });
      if (!r.rows.length) break;
      rows += r.rows.length;
      checksum += (r.rows[0].data as { applicationId: string }).applicationId.length;
      last = r.rows[r.rows.length - 1].position;
    }
  } finally {
    client.release();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { rows, seconds, perSecond: rows / seconds, checksum };
}

const show = (label: string, r: TimedResult) =>
  log(`${label}: ${r.ops} appends in ${r.seconds.toFixed(1)} s = ${r.perSecond.toFixed(0)}/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`);

runBench('eventstore', async (url) => {
  const store = await openPostgresEventStore({ databaseUrl: url, poolSize: 34 });
  const floorPool = benchPool(url, 34);
  const admin = benchPool(url, 2);
  try {
    const settings = await admin.query(`SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'server_version')`);
    const setting = Object.fromEntries(settings.rows.map((r) => [r.name, r.setting]));
    log(`server: ${JSON.stringify(setting)}`);
    await admin.query(FLOOR_DDL);

    const appended = new Set<string>();
    const levels: Record<number, TimedResult> = {};
    for (const w of LEVELS) {
      levels[w] = await adapterLevel(store, w, appended);
      show(`adapter w${w}`, levels[w]);
    }
    // The ratio compares the adapter with the floor under the same conditions: alternate
    // them (a shared machine's load drifts) and keep each one's best round.
    let floor = await floorLevel(floorPool, 32);
    show('floor   w32', floor);
    for (let round = 2; round <= ROUNDS_W32; round++) {
      const adapter = await adapterLevel(store, 32, appended, round);
      show(`adapter w32 (round ${round})`, adapter);
      if (adapter.perSecond > levels[32].perSecond) levels[32] = adapter;
      const again = await floorLevel(floorPool, 32, round);
      show(`floor   w32 (round ${round})`, again);
      if (again.perSecond > floor.perSecond) floor = again;
    }

    await bulkAppend(store, admin, READ_TARGET, appended);
    await admin.query('VACUUM ANALYZE events');
    const read = await readAllAdapter(store, appended);
    log(`adapter read-all: ${read.events} events in ${read.seconds.toFixed(2)} s = ${read.perSecond.toFixed(0)}/s, missing ${read.missing}, duplicates ${read.duplicates}`);

    // The floor reads back as many rows as the store holds, with the same payloads (copied from it).
    await admin.query(`INSERT INTO floor_events (stream_id, revision, event_id, type, data, metadata)
      SELECT 'f:' || stream_id, revision, event_id, type, data, metadata FROM events ORDER BY position`);
    await admin.query('VACUUM ANALYZE floor_events');
    const floorRead = await readFloor(floorPool, appended.size);
    log(`floor read: ${floorRead.rows} rows in ${floorRead.seconds.toFixed(2)} s = ${floorRead.perSecond.toFixed(0)}/s`);

    return {
      appends_per_s_w1: round(levels[1].perSecond, 1),
      appends_per_s_w8: round(levels[8].perSecond, 1),
      appends_per_s_w32: round(levels[32].perSecond, 1),
      p50_ms_w1: round(levels[1].p50, 3),
      p99_ms_w1: round(levels[1].p99, 3),
      p50_ms_w8: round(levels[8].p50, 3),
      p99_ms_w8: round(levels[8].p99, 3),
      p50_ms_w32: round(levels[32].p50, 3),
      p99_ms_w32: round(levels[32].p99, 3),
      read_all_per_s: round(read.perSecond, 0),
      raw_appends_per_s_w32: round(floor.perSecond, 1),
      raw_read_per_s: round(floorRead.perSecond, 0),
      ratio_appends_w32: round(levels[32].perSecond / floor.perSecond, 3),
      ratio_read_all: round(read.perSecond / floorRead.perSecond, 3),
      missing: read.missing,
      duplicates: read.duplicates,
      events_read: read.events,
      fsync: String(setting.fsync),
    };
  } finally {
    await store.close().catch(() => undefined);
    await floorPool.end().catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
});
