/**
 * Rebuild of the `applications` baseline from 1,000,000 events (200,000 applications × 5),
 * through the PostgreSQL adapter and the projection runner, for a few batch sizes; then the
 * same for the search read model `search_cases` over the same events (its throughput must stay
 * within 2× of a plain per-type read model's, issue 5). The baseline is the fold of the former
 * `applications` read model, kept for this bench only (`applications-baseline.projection.ts`):
 * the app no longer runs it. A rebuild builds its secondary indexes
 * after the bulk load; a catch-up into a fresh table that has its indexes from the start (as the
 * live runner maintains them) shows what the indexes cost each write.
 * Only the rebuild or catch-up is timed. Each has a deadline so the run stays bounded; one that
 * misses it is reported as incomplete with the rate it reached.
 * Progress on stderr; one JSON line of figures last on stdout.
 */
import { DataSource } from 'typeorm';
import { applicationsProjection } from './applications-baseline.projection';
import { AnyProjection } from '../projections/runner/projection';
import { ProjectionRunner } from '../projections/runner/projection-runner';
import { rebuildProjection } from '../projections/runner/rebuild';
import { searchProjection } from '../projections/search/search.projection';
import { APPLICATION_EVENTS } from '../src/cases/applications/application.events';
import { runMigrations } from '../src/platform/database/migrate';
import { EventStore } from '../src/platform/event-store/event-store.port';
import { openPostgresEventStore } from '../src/platform/event-store/postgres/postgres-event-store';
import { EventRegistry } from '../src/platform/events/event-registry';
import { seedApplications } from './seed-applications';
import { log, round, runBench } from './support';

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 200_000);
const BATCH_SIZES = (process.env.BENCH_BATCH_SIZES ?? '1000,5000').split(',').map(Number);
const DEADLINE_S = Number(process.env.BENCH_REBUILD_DEADLINE_S ?? 80);
/** The read models measured, and the batch size of the catch-ups with indexes in place (`0`: none). */
const PROJECTIONS: AnyProjection[] = (process.env.BENCH_PROJECTIONS ?? 'applications,search_cases').split(',').map((name) => {
  const p = [applicationsProjection, searchProjection].find((x) => x.name === name);
  if (!p) throw new Error(`BENCH_PROJECTIONS: unknown projection '${name}' (applications, search_cases)`);
  return p;
});
const CATCH_UP_BATCH_SIZE = Number(process.env.BENCH_CATCH_UP_BATCH_SIZE ?? 1000);

class DeadlineExceeded extends Error {}

/** The adapter, unchanged, except that reading past the deadline aborts the rebuild (between batches). */
function withDeadline(store: EventStore, deadline: number): EventStore {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'readAll') {
        return (from: string | null, max: number) => {
          if (performance.now() > deadline) throw new DeadlineExceeded(`rebuild deadline of ${DEADLINE_S} s exceeded`);
          return target.readAll(from, max);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

interface Attempt {
  projection: string;
  mode: 'rebuild' | 'catch-up';
  batchSize: number;
  completed: boolean;
  events: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
  rows: number;
}

/** A catch-up into a fresh table that has its secondary indexes from the start, as the live runner writes. */
async function catchUpWithIndexes(store: EventStore, ds: DataSource, registry: EventRegistry, p: AnyProjection, batchSize: number, onBatch: (n: number) => void) {
  let events = 0;
  const runner = new ProjectionRunner(store, ds, registry, p, {
    batchSize, pollIntervalMs: 0, table: `${p.table}_cu`, checkpointName: `${p.name}#bench-catch-up`, onBatch: (n) => onBatch((events += n)),
  });
  await runner.prepare();
  await runner.catchUp();
  return { events };
}

async function dropLeftovers(ds: DataSource, p: AnyProjection): Promise<void> {
  for (const t of await ds.query(`SELECT tablename FROM pg_tables WHERE tablename LIKE $1 OR tablename = $2`, [`${p.table}\\_rb\\_%`, `${p.table}_cu`])) await ds.query(`DROP TABLE "${t.tablename}"`);
  await ds.query(`DELETE FROM projection_checkpoints WHERE name LIKE $1`, [`${p.name}#%`]);
}

async function attempt(store: EventStore, ds: DataSource, registry: EventRegistry, p: AnyProjection, mode: Attempt['mode'], batchSize: number): Promise<Attempt> {
  let peak = process.memoryUsage().rss;
  let progress = 0;
  let lastLog = performance.now();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const label = `${p.name} ${mode} batch ${batchSize}`;
  const t0 = performance.now();
  let completed = true;
  const onProgress = (n: number) => {
    progress = n;
    peak = Math.max(peak, process.memoryUsage().rss);
    if (performance.now() - lastLog > 5000) {
      lastLog = performance.now();
      log(`  ${label}: ${n} events, ${(n / ((lastLog - t0) / 1000)).toFixed(0)}/s`);
    }
  };
  try {
    const bounded = withDeadline(store, t0 + DEADLINE_S * 1000);
    const result = mode === 'rebuild' ? await rebuildProjection(bounded, ds, registry, p, { batchSize, onProgress }) : await catchUpWithIndexes(bounded, ds, registry, p, batchSize, onProgress);
    progress = result.events;
  } catch (error) {
    if (!(error instanceof DeadlineExceeded)) throw error;
    completed = false;
    log(`  ${label}: ${error.message} after ${progress} events`);
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - t0) / 1000;
  const table = mode === 'rebuild' ? p.table : `${p.table}_cu`;
  const rows = completed ? Number((await ds.query(`SELECT count(*)::int AS n FROM "${table}"`))[0].n) : 0;
  await dropLeftovers(ds, p);
  if (mode === 'rebuild') await ds.query(`DROP TABLE IF EXISTS "${p.table}"`); // the next rebuild starts from nothing too
  const a = { projection: p.name, mode, batchSize, completed, events: progress, seconds, perSecond: progress / seconds, peakRssMb: peak / 2 ** 20, rows };
  log(`${label}: ${completed ? 'done,' : 'INCOMPLETE,'} ${a.events} events in ${seconds.toFixed(1)} s = ${a.perSecond.toFixed(0)}/s, peak RSS ${a.peakRssMb.toFixed(0)} MB, rows ${rows}`);
  return a;
}

const bestOf = (attempts: Attempt[]) => [...attempts].sort((a, b) => Number(b.completed) - Number(a.completed) || b.perSecond - a.perSecond)[0];

function figures(best: Attempt, events: number) {
  return {
    events_per_s: round(best.perSecond, 0),
    peak_rss_mb: round(best.peakRssMb, 1),
    events: best.completed ? best.events : events,
    rows: best.rows,
    seconds: round(best.seconds, 2),
    batch_size: best.batchSize,
    ...(best.completed ? {} : { completed: false, events_processed: best.events }),
  };
}

runBench('projection', async (url) => {
  await runMigrations(url);
  const store = await openPostgresEventStore({ databaseUrl: url, poolSize: 4, migrate: false });
  const ds = new DataSource({ type: 'postgres', url });
  await ds.initialize();
  try {
    const registry = new EventRegistry().register(...APPLICATION_EVENTS);
    const events = await seedApplications(url, APPLICATIONS);
    await ds.query('VACUUM ANALYZE events');
    await ds.query('CHECKPOINT');
    const [{ txs }] = await ds.query(`SELECT min(tx_id)::text || '..' || max(tx_id)::text AS txs FROM events`);
    log(`events table ready (tx ids ${txs}); rebuilding ${PROJECTIONS.map((p) => p.name).join(', ')} with batch sizes ${BATCH_SIZES.join(', ')}`);

    const results: Record<string, { rebuild: Attempt; catchUp?: Attempt }> = {};
    for (const p of PROJECTIONS) {
      const rebuilds: Attempt[] = [];
      for (const size of BATCH_SIZES) rebuilds.push(await attempt(store, ds, registry, p, 'rebuild', size));
      results[p.name] = { rebuild: bestOf(rebuilds) };
    }
    if (CATCH_UP_BATCH_SIZE > 0) for (const p of PROJECTIONS) results[p.name].catchUp = await attempt(store, ds, registry, p, 'catch-up', CATCH_UP_BATCH_SIZE);

    const [first, ...others] = PROJECTIONS.map((p) => p.name);
    const ratio = (a?: Attempt, b?: Attempt) => (a && b ? round(a.perSecond / b.perSecond, 2) : undefined);
    return {
      // The first projection's figures at the top level (`applications` by default, as before).
      ...figures(results[first].rebuild, events),
      projection: first,
      ...Object.fromEntries(others.map((name) => [name, figures(results[name].rebuild, events)])),
      catch_up_with_indexes_events_per_s: Object.fromEntries(Object.entries(results).flatMap(([name, r]) => (r.catchUp ? [[name, round(r.catchUp.perSecond, 0)]] : []))),
      ...(others.includes('search_cases') && first === 'applications'
        ? {
            ratio_applications_to_search_rebuild: ratio(results.applications.rebuild, results.search_cases.rebuild),
            ratio_applications_to_search_catch_up: ratio(results.applications.catchUp, results.search_cases.catchUp),
          }
        : {}),
    };
  } finally {
    await store.close().catch(() => undefined);
    await ds.destroy().catch(() => undefined);
  }
});
