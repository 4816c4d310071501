/**
 * The search engine at 1,000,000 cases (issue 5): loads `search_cases` (with `citizens` and
 * `aa_assignments`) straight in SQL through the runner's own DDL (search-seed.ts), then runs the 20
 * most common queries (search-queries.ts) through the real engine, `planSearch` + `searchPage`: a
 * page of 50 with its exact total. One client: each query BENCH_SEARCH_REPS times after a warm-up,
 * round-robin so a shared machine's drift falls on all alike; p50/p95/p99 per query and over all
 * samples. Then the large job centre's bubbles (`countBubbles`), and the whole mix at 16 clients.
 * A few heavier queries outside the 20 are reported apart (`extra_queries`), to show the limits.
 * Progress and the table on stderr; one JSON line of figures last on stdout.
 */
import { DataSource } from 'typeorm';
import { countBubbles } from '../projections/search/engine/bubbles';
import { planSearch, searchPage } from '../projections/search/engine/search-engine';
import { searchListById } from '../projections/search/engine/search-lists';
import { Principal } from '../src/platform/auth/principal';
import { runMigrations } from '../src/platform/database/migrate';
import { BenchQuery, benchQueries, extraQueries, queryValues } from './search-queries';
import { LARGE_JOBCENTRE, TODAY, seedSearch } from './search-seed';
import { log, percentile, round, runBench, runTimed } from './support';

const CASES = Number(process.env.BENCH_SEARCH_CASES ?? 1_000_000);
const REPS = Number(process.env.BENCH_SEARCH_REPS ?? 100);
const WARMUP = Number(process.env.BENCH_SEARCH_WARMUP ?? 5);
const CLIENTS = Number(process.env.BENCH_SEARCH_CLIENTS ?? 16);
const DURATION_MS = Number(process.env.BENCH_SEARCH_DURATION_MS ?? 20_000);
const EXTRA_REPS = Number(process.env.BENCH_SEARCH_EXTRA_REPS ?? 10);
const TARGET_P95_MS = 50;

interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)) };
}

/** One request's work as the controller does it: the plan, then the page with its total. */
async function run(ds: DataSource, q: BenchQuery, i: number): Promise<{ ms: number; total: number; items: number }> {
  const query = q.query(i);
  const t0 = performance.now();
  const page = await searchPage(ds, planSearch(searchListById(q.list)!, q.principal, query, TODAY), query);
  return { ms: performance.now() - t0, total: page.totalCount, items: page.items.length };
}

/** Each query `reps` times after `warmup` untimed runs, interleaved; the page must hold what its total promises. */
async function timeQueries(ds: DataSource, queries: BenchQuery[], reps: number, warmup: number) {
  const samples = new Map<string, number[]>(queries.map((q) => [q.id, []]));
  const totals = new Map<string, number>();
  for (let i = 0; i < warmup + reps; i++) {
    for (const q of queries) {
      const r = await run(ds, q, i);
      const query = q.query(i);
      const expected = Math.max(0, Math.min(query.pageSize, r.total - (query.page - 1) * query.pageSize));
      if (r.items !== expected) throw new Error(`${q.id}: ${r.items} items on page ${query.page}, but the total ${r.total} promises ${expected}`);
      if (i >= warmup) samples.get(q.id)!.push(r.ms);
      if (i === 0) totals.set(q.id, r.total);
    }
  }
  return { samples, totals };
}

function table(title: string, rows: { id: string; total?: number; s: Stats }[]): void {
  log(title);
  process.stderr.write(`  ${'query'.padEnd(30)} ${'total'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)}\n`);
  for (const r of rows) {
    process.stderr.write(`  ${r.id.padEnd(30)} ${String(r.total ?? '').padStart(8)} ${r.s.p50.toFixed(1).padStart(8)} ${r.s.p95.toFixed(1).padStart(8)} ${r.s.p99.toFixed(1).padStart(8)}\n`);
  }
}

runBench('search', async (url) => {
  await runMigrations(url);
  // 16 clients, each page and its count in parallel: 32 connections, and a few to spare.
  const ds = new DataSource({ type: 'postgres', url, extra: { max: 2 * CLIENTS + 4 } });
  await ds.initialize();
  try {
    const load = await seedSearch(ds, CASES);
    const values = await queryValues(ds);
    const queries = benchQueries(values);

    log(`${queries.length} queries, ${WARMUP} warm-up and ${REPS} timed runs each, one client`);
    const { samples, totals } = await timeQueries(ds, queries, REPS, WARMUP);
    const perQuery = queries.map((q) => ({ id: q.id, total: totals.get(q.id), s: stats(samples.get(q.id)!) }));
    const overall = stats([...samples.values()].flat());
    table(`page of 50 with its exact total, ${CASES} cases (target p95 ≤ ${TARGET_P95_MS} ms):`, [...perQuery, { id: 'all queries', s: overall }]);

    const jc: Principal = { userId: 'cw-1@101', role: 'jobcentre', org: LARGE_JOBCENTRE };
    const bubbleSamples: number[] = [];
    let bubbles: { id: string; count: number }[] = [];
    for (let i = 0; i < WARMUP + REPS; i++) {
      const t0 = performance.now();
      bubbles = (await countBubbles(ds, jc, TODAY)).bubbles;
      if (i >= WARMUP) bubbleSamples.push(performance.now() - t0);
    }
    const bubbleStats = stats(bubbleSamples);
    log(`bubbles of job centre ${LARGE_JOBCENTRE} (${bubbles.map((b) => `${b.id} ${b.count}`).join(', ')}): p50 ${bubbleStats.p50} ms, p95 ${bubbleStats.p95} ms, p99 ${bubbleStats.p99} ms`);
    const bubbles16 = await runTimed(CLIENTS, Math.min(DURATION_MS, 5000), 1000, async () => void (await countBubbles(ds, jc, TODAY)));
    log(`bubbles at ${CLIENTS} clients: ${bubbles16.perSecond.toFixed(0)}/s, p50 ${bubbles16.p50.toFixed(1)} ms, p99 ${bubbles16.p99.toFixed(1)} ms`);

    log(`the query mix at ${CLIENTS} clients for ${DURATION_MS / 1000} s`);
    const mix = await runTimed(CLIENTS, DURATION_MS, 3000, async (w, i) => void (await run(ds, queries[(w * 7 + i) % queries.length], i)));
    log(`${CLIENTS} clients: ${mix.perSecond.toFixed(0)} queries/s, p50 ${mix.p50.toFixed(1)} ms, p99 ${mix.p99.toFixed(1)} ms`);

    const extras = extraQueries(values);
    const extra = await timeQueries(ds, extras, EXTRA_REPS, 1);
    const perExtra = extras.map((q) => ({ id: q.id, total: extra.totals.get(q.id), s: stats(extra.samples.get(q.id)!) }));
    table('outside the 20 (not in the figures above):', perExtra);

    return {
      cases: CASES,
      load_s: round(load.loadSeconds, 1),
      p95_ms_page_with_total: overall.p95,
      p99_ms_page_with_total: overall.p99,
      p50_ms_page_with_total: overall.p50,
      p95_ms_bubbles: bubbleStats.p95,
      qps_16_clients: round(mix.perSecond, 0),
      clients: CLIENTS,
      p99_ms_16_clients: round(mix.p99),
      bubbles_per_s_16_clients: round(bubbles16.perSecond, 0),
      queries: Object.fromEntries(perQuery.map((q) => [q.id, q.s.p95])),
      extra_queries_p95_ms: Object.fromEntries(perExtra.map((q) => [q.id, q.s.p95])),
      samples_per_query: REPS,
      table_mb: round(load.tableMb, 0),
      indexes_mb: round(load.indexesMb, 0),
      index_build_s: round(load.indexSeconds, 1),
    };
  } finally {
    await ds.destroy().catch(() => undefined);
  }
});
