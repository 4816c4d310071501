import { Pool } from 'pg';
import { openPostgresEventStore } from '../src/platform/event-store/postgres/postgres-event-store';
import { draftCreatedEvent, log, runBench, runTimed } from './support';
runBench('debug', async (url) => {
  const store = await openPostgresEventStore({ databaseUrl: url, poolSize: 34 });
  const admin = new Pool({ connectionString: url, max: 2 });
  const appended = new Set<string>();
  const revs = new Map<string, number>();
  await runTimed(8, 2000, 0, async (w, i) => {
    const s = `s-${w}-${i % 20}`; const rev = revs.get(s) ?? -1;
    const e = draftCreatedEvent(i);
    await store.append(s, [e], rev < 0 ? 'no_stream' : rev); revs.set(s, rev + 1); appended.add(e.id);
  });
  const seen = new Set<string>(); let cp: string | null = null; const cps: string[] = [];
  for (;;) { const b = await store.readAll(cp, 1000); if (!b.events.length) break; b.events.forEach((e) => seen.add(e.id)); cp = b.checkpoint; cps.push(`${b.events[0].checkpoint}..${cp}(${b.events.length})`); }
  log('appended', appended.size, 'seen', seen.size, 'last cp', cp, 'cps', cps.join(' '));
  const r = await admin.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, pg_current_snapshot()::text AS snap, (SELECT count(*) FROM events) n, (SELECT max(tx_id)::text FROM events) maxtx, (SELECT min(tx_id)::text FROM events) mintx`);
  log(JSON.stringify(r.rows));
  const missingIds = [...appended].filter((id) => !seen.has(id));
  const mr = await admin.query(`SELECT event_id, tx_id::text, position, recorded_at FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY tx_id LIMIT 10`, [missingIds]);
  log('missing sample', JSON.stringify(mr.rows));
  const [tx, pos] = cp!.split(':');
  const after = await admin.query(`SELECT tx_id::text, position FROM events WHERE (tx_id, position) > ($1::xid8, $2::bigint) ORDER BY tx_id, position LIMIT 5`, [tx, pos]);
  log('after cp', JSON.stringify(after.rows));
  const c = await admin.query(`SELECT count(*) FROM events WHERE (tx_id, position) > ($1::xid8, $2::bigint)`, [tx, pos]);
  log('count after cp', JSON.stringify(c.rows));
  const ex = await admin.query(`EXPLAIN ANALYZE SELECT position FROM events WHERE (tx_id, position) > ($1::xid8, $2::bigint) AND tx_id < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY tx_id, position LIMIT 1000`, ['0','0']);
  log(ex.rows.map((x) => x['QUERY PLAN']).join('\n'));
  await store.close(); await admin.end();
  return {};
});
