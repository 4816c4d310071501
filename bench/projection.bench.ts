/**
 * Rebuild of the `applications` read model from 1,000,000 events (200,000 applications × 5),
 * through the PostgreSQL adapter and the projection runner, for a few batch sizes.
 * Only the rebuild is timed. Each rebuild has a deadline so the run stays bounded; a rebuild
 * that misses it is reported as incomplete with the rate it reached.
 * Progress on stderr; one JSON line of figures last on stdout.
 */
import { DataSource } from 'typeorm';
import { applicationsProjection } from '../projections/applications/applications.projection';
import { rebuildProjection } from '../projections/runner/rebuild';
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
  batchSize: number;
  completed: boolean;
  events: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
  rows: number;
}

async function attempt(store: EventStore, ds: DataSource, registry: EventRegistry, batchSize: number): Promise<Attempt> {
  let peak = process.memoryUsage().rss;
  let progress = 0;
  let lastLog = performance.now();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  let completed = true;
  try {
    const result = await rebuildProjection(withDeadline(store, t0 + DEADLINE_S * 1000), ds, registry, applicationsProjection, {
      batchSize,
      onProgress: (n) => {
        progress = n;
        peak = Math.max(peak, process.memoryUsage().rss);
        if (performance.now() - lastLog > 5000) {
          lastLog = performance.now();
          log(`  batch ${batchSize}: ${n} events, ${(n / ((lastLog - t0) / 1000)).toFixed(0)}/s`);
        }
      },
    });
    progress = result.events;
  } catch (error) {
    if (!(error instanceof DeadlineExceeded)) throw error;
    completed = false;
    log(`  batch ${batchSize}: ${error.message} after ${progress} events`);
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - t0) / 1000;
  let rows = 0;
  if (completed) rows = Number((await ds.query(`SELECT count(*)::int AS n FROM applications`))[0].n);
  else for (const t of await ds.query(`SELECT tablename FROM pg_tables WHERE tablename LIKE 'applications_rb_%'`)) await ds.query(`DROP TABLE "${t.tablename}"`);
  const a = { batchSize, completed, events: progress, seconds, perSecond: progress / seconds, peakRssMb: peak / 2 ** 20, rows };
  log(`batch ${batchSize}: ${completed ? 'rebuilt' : 'INCOMPLETE,'} ${a.events} events in ${seconds.toFixed(1)} s = ${a.perSecond.toFixed(0)}/s, peak RSS ${a.peakRssMb.toFixed(0)} MB, rows ${rows}`);
  return a;
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
    log(`events table ready (tx ids ${txs}); rebuilding with batch sizes ${BATCH_SIZES.join(', ')}`);

    const attempts: Attempt[] = [];
    for (const size of BATCH_SIZES) attempts.push(await attempt(store, ds, registry, size));
    const best = [...attempts].sort((a, b) => Number(b.completed) - Number(a.completed) || b.perSecond - a.perSecond)[0];
    return {
      events_per_s: round(best.perSecond, 0),
      peak_rss_mb: round(best.peakRssMb, 1),
      events: best.completed ? best.events : events,
      rows: best.rows,
      seconds: round(best.seconds, 2),
      batch_size: best.batchSize,
      ...(best.completed ? {} : { completed: false, events_processed: best.events }),
    };
  } finally {
    await store.close().catch(() => undefined);
    await ds.destroy().catch(() => undefined);
  }
});
