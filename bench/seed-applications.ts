/**
 * Seeds `applications` × 5 lifecycle events straight into the `events` table, shaped as the
 * adapter stores them (position, recorded_at and tx_id from the column defaults).
 * Applications progress over time: event k of application i is emitted at step i + k·LAG,
 * so consecutive events of one application lie ~5·LAG events apart and a rebuild batch
 * touches mostly rows created by earlier batches (loads and updates, not only inserts).
 */
import { applicationStreamId } from '../src/cases/applications/application.events';
import { uuidv7 } from '../src/platform/events/uuidv7';
import { benchPool, lifecycleEvent, log } from './support';

const EVENTS_PER_APPLICATION = 5;
const LAG = 4000; // applications between two steps of one application (≈ 20,000 events)
const CHUNK = 5000; // events per INSERT statement (one transaction)
const PARALLEL = 2; // chunks in flight; two events of one application are ≥ 4 chunks apart, so commit order cannot swap them

const SEED_SQL = `
  INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata)
  SELECT e.ev->>'s', (e.ev->>'r')::int, (e.ev->>'id')::uuid, e.ev->>'type', 1, e.ev->'data', e.ev->'meta'
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(ev, ord)
  ORDER BY e.ord`;

/** Yields [application index, step k] in the interleaved global order. */
function* schedule(applications: number): Generator<[number, number]> {
  const steps = applications + (EVENTS_PER_APPLICATION - 1) * LAG;
  for (let t = 0; t < steps; t++) {
    for (let k = 0; k < EVENTS_PER_APPLICATION; k++) {
      const i = t - k * LAG;
      if (i >= 0 && i < applications) yield [i, k];
    }
  }
}

export async function seedApplications(url: string, applications: number): Promise<number> {
  const ids = Array.from({ length: applications }, () => uuidv7());
  const order = schedule(applications);
  const pool = benchPool(url, PARALLEL);
  let total = 0;
  let next = 0;
  const t0 = performance.now();
  const takeChunk = (): string | null => {
    const rows: unknown[] = [];
    for (let n = 0; n < CHUNK; n++) {
      const step = order.next();
      if (step.done) break;
      const [i, k] = step.value;
      const e = lifecycleEvent(ids[i], i, k);
      rows.push({ s: applicationStreamId(ids[i]), r: k, id: e.id, type: e.type, data: e.data, meta: e.metadata });
    }
    total += rows.length;
    return rows.length ? JSON.stringify(rows) : null;
  };
  try {
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let chunk = takeChunk(); chunk; chunk = takeChunk()) {
          await pool.query(SEED_SQL, [chunk]);
          if (++next % 20 === 0) log(`seeded ${total} events (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
        }
      }),
    );
  } finally {
    await pool.end();
  }
  log(`seeded ${total} events for ${applications} applications in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return total;
}
