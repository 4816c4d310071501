import { Pool } from 'pg';
import { openPostgresEventStore } from '../src/platform/event-store/postgres/postgres-event-store';
import { READ_ALL_SQL } from '../src/platform/event-store/postgres/postgres-sql';
import { draftCreatedEvent, log, runBench, runTimed } from './support';
runBench('debug', async (url) => {
  const store = await openPostgresEventStore({ databaseUrl: url, poolSize: 34 });
  const admin = new Pool({ connectionString: url, max: 2 });
  const revs = new Map<string, number>();
  const waits = new Map<string, number>();
  let sampling = true;
  const sampler = (async () => { while (sampling) { const r = await admin.query(`SELECT coalesce(wait_event_type||':'||wait_event, state) w, count(*)::int n FROM pg_stat_activity WHERE backend_type='client backend' AND pid <> pg_backend_pid() AND state <> 'idle' GROUP BY 1`); r.rows.forEach((x) => waits.set(x.w, (waits.get(x.w) ?? 0) + x.n)); await new Promise((r) => setTimeout(r, 5)); } })();
  const res = await runTimed(32, 3000, 0, async (w, i) => {
    const s = `s-${w}-${i % 20}`; const rev = revs.get(s) ?? -1;
    await store.append(s, [draftCreatedEvent(i)], rev < 0 ? 'no_stream' : rev); revs.set(s, rev + 1);
  });
  sampling = false; await sampler;
  log('w32', res.perSecond.toFixed(0), JSON.stringify([...waits].sort((a, b) => b[1] - a[1])));
  const ex = await admin.query(`EXPLAIN (ANALYZE, BUFFERS) ${READ_ALL_SQL}`, ['0', '0', 1000]);
  log(ex.rows.map((x) => x['QUERY PLAN']).join('\n'));
  await store.close(); await admin.end();
  return {};
});
