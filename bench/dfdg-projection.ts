/**
 * The DFDG outbox projection's rebuild (event to outbox) over ~1,000,000 grant and
 * supplementary-grant events. `BENCH_DFDG_BUNDLES` (100,000) bundles of one grant (6 events) and
 * one supplementary grant on it (4 events) over 98 job centres, seeded straight into `events` as
 * the adapter stores them, interleaved over time as in seed-applications.ts (a batch mostly
 * touches cases earlier batches created). Every kind of message occurs: created, changed,
 * approved, refused, withdrawn, extended, ceased (mapped and not), closed (15), closed unused,
 * transfers (R33, with the supplementary grant following), events without a message, and D7.
 * Only the rebuild is timed; the message count must equal the message-producing events counted
 * here, and every job centre's sequence must run 1..n without gaps.
 */
import { DataSource } from 'typeorm';
import { dfdgMessagesProjection } from '../projections/dfdg/dfdg-messages.projection';
import { rebuildProjection } from '../projections/runner/rebuild';
import { createEventRegistry } from '../src/event-types';
import { runMigrations } from '../src/platform/database/migrate';
import { openPostgresEventStore } from '../src/platform/event-store/postgres/postgres-event-store';
import { uuidv7 } from '../src/platform/events/uuidv7';
import { benchPool, log, metadata, round, runBench } from './support';

const BUNDLES = Number(process.env.BENCH_DFDG_BUNDLES ?? 100_000);
const BATCH_SIZE = Number(process.env.BENCH_DFDG_BATCH_SIZE ?? 5000);
const LAG = 4000; // bundles between two steps of one bundle (up to ≈ 40,000 events)
const CHUNK = 5000;
const JOBCENTRES = Array.from({ length: 98 }, (_, j) => String(101 + j * 9));
const SCHEMES = ['company-placement', 'wage-subsidy', 'adult-apprentice', 'flex-job', 'public-benefit-work'] as const;

const SEED_SQL = `
  INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata)
  SELECT e.ev->>'s', (e.ev->>'r')::int, (e.ev->>'id')::uuid, e.ev->>'type', 1, e.ev->'data', e.ev->'meta'
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(ev, ord)
  ORDER BY e.ord`;

interface Step {
  stream: 'g' | 's';
  type: string;
  data: (ids: { g: string; s: string }, at: string) => Record<string, unknown>;
  /** Whether the event yields a message (counted independently of the projection's fold). */
  message: boolean;
}

/** Bundle i's ten events in order; the grant and its supplementary grant interleave. */
function plan(i: number): Step[] {
  const jc = JOBCENTRES[i % JOBCENTRES.length];
  const to = JOBCENTRES[(i + 1) % JOBCENTRES.length];
  const scheme = SCHEMES[i % SCHEMES.length];
  const moved = i % 7 === 0;
  const supplementaryEnd = i % 3; // 0 approved, 1 refused, 2 closed unused (D7: silent from then on)
  const g = (type: string, data: Step['data'], message = true): Step => ({ stream: 'g', type, data: (ids, at) => ({ grantId: ids.g, ...data(ids, at) }), message });
  const s = (type: string, data: Step['data'], message = true): Step => ({ stream: 's', type, data: (ids, at) => ({ supplementaryGrantId: ids.s, ...data(ids, at) }), message });
  const parties = { company: { cvr: '12345678', pNumber: '1000000001' }, citizen: { cpr: `0101${String(900000 + (i % 99999)).slice(-6)}` } };
  const ending: Step[] = [
    g('GrantTerminated', (_, at) => ({ scheme, reasonId: 3, subReasonId: null, reasonText: 'Fejlregistrering', effectiveDate: '2030-03-31', at })),
    g('GrantClosedAfterOrdinaryExpiry', (_, at) => ({ endDate: '2030-12-31', at })),
    g('GrantWithdrawn', (_, at) => ({ by: 'company', at, actorId: 'co-1', reason: null })),
    g('GrantTerminated', (_, at) => ({ scheme, reasonId: 2, subReasonId: 10, reasonText: 'Borgeren har opsagt sin ansættelse', effectiveDate: '2030-03-31', at })),
    g('GrantReviewed', (_, at) => ({ at, remarks: 'Forløbet går godt' })),
    g('GrantClosedUnused', (_, at) => ({ at })),
  ];
  return [
    g('GrantDrafted', (ids, at) => ({
      scheme, jobcentre: jc, ...parties, applicationId: null, offerId: null, period: { start: '2030-01-01', end: '2030-06-30' }, hoursPerWeek: 30,
      jobContent: 'Lager og forsendelse, pakning af ordrer', freeTextLimitApplies: true, createdAt: at,
    })),
    g('GrantSentForCompanyApproval', (_, at) => ({ sentAt: at })),
    g('GrantApprovedByCompany', (_, at) => ({ method: 'mitid-business', approvedAt: at, approvedBy: 'Mette Jensen' })),
    s('SupplementaryGrantDrafted', (ids, at) => ({
      parentGrantId: ids.g, supplementaryGrantType: i % 2 ? 'mentor' : 'assistive-aids', scheme, jobcentre: jc, ...parties, justification: 'Borgeren har brug for en mentor', remarks: null, freeTextLimitApplies: true, createdAt: at,
    })),
    g('ResponsibleCaseworkerAssigned', (ids, at) => ({ caseId: ids.g, caseworkerId: 'cw-7', assignedAt: at }), false),
    s('SupplementaryGrantSentForCompanyApproval', (_, at) => ({ sentAt: at })),
    moved ? g('CaseTransferredToJobcentre', (ids, at) => ({ caseId: ids.g, from: jc, to, transferredAt: at })) : g('GrantExtended', (_, at) => ({ previousEndDate: '2030-06-30', newEndDate: '2030-12-31', jobContent: null, at })),
    [s('SupplementaryGrantApprovedByCompany', (_, at) => ({ method: 'mitid-business', approvedAt: at, approvedBy: 'Mette Jensen' })),
      s('SupplementaryGrantNotApproved', (_, at) => ({ by: 'jobcentre', at, actorId: 'cw-7', reason: null })),
      s('SupplementaryGrantClosedUnused', (_, at) => ({ at }), false)][supplementaryEnd],
    ending[i % ending.length],
    moved
      ? s('CaseTransferredToJobcentre', (ids, at) => ({ caseId: ids.s, from: jc, to, transferredAt: at }), supplementaryEnd !== 2)
      : s('ResponsibleCaseworkerAssigned', (ids, at) => ({ caseId: ids.s, caseworkerId: 'cw-7', assignedAt: at }), false),
  ];
}
const STEPS = plan(0).length;

function* schedule(bundles: number): Generator<[number, number]> {
  for (let t = 0; t < bundles + (STEPS - 1) * LAG; t++) {
    for (let k = 0; k < STEPS; k++) {
      const i = t - k * LAG;
      if (i >= 0 && i < bundles) yield [i, k];
    }
  }
}

/** Seeds the events; returns how many there are and how many should yield a message. */
async function seed(url: string, bundles: number): Promise<{ events: number; messages: number }> {
  const ids = Array.from({ length: bundles }, () => ({ g: uuidv7(), s: uuidv7() }));
  const plans = new Map<number, Step[]>();
  const order = schedule(bundles);
  const pool = benchPool(url, 1);
  let events = 0;
  let messages = 0;
  const t0 = performance.now();
  const takeChunk = (): string | null => {
    const rows: unknown[] = [];
    for (let n = 0; n < CHUNK; n++) {
      const step = order.next();
      if (step.done) break;
      const [i, k] = step.value;
      const steps = plans.get(i) ?? plans.set(i, plan(i)).get(i)!;
      const { stream, type, data, message } = steps[k];
      const revision = steps.slice(0, k).filter((x) => x.stream === stream).length;
      const at = new Date(Date.UTC(2030, 0, 1) + i * 1000 + k * 86_400_000).toISOString();
      const meta = metadata(i, at);
      rows.push({ s: stream === 'g' ? `grant-${ids[i].g}` : `supplementary-grant-${ids[i].s}`, r: revision, id: meta.eventId, type, data: data(ids[i], at), meta });
      if (message) messages++;
      if (k === STEPS - 1) plans.delete(i);
    }
    events += rows.length;
    return rows.length ? JSON.stringify(rows) : null;
  };
  try {
    // One chunk in flight (the next one is built meanwhile): commit order is global order, so no stream's events swap.
    for (let chunk = takeChunk(); chunk; ) {
      const inserting = pool.query(SEED_SQL, [chunk]);
      chunk = takeChunk();
      await inserting;
      if ((events / CHUNK) % 40 === 0) log(`seeded ${events} events (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await pool.end();
  }
  log(`seeded ${events} events (${messages} message-producing) for ${bundles} bundles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { events, messages };
}

export async function measureDfdgProjection(url: string): Promise<{ messages_per_s_projection: number; messages: number; events: number; seconds: number }> {
  await runMigrations(url);
  const store = await openPostgresEventStore({ databaseUrl: url, poolSize: 4, migrate: false });
  const db = await new DataSource({ type: 'postgres', url }).initialize();
  try {
    const seeded = await seed(url, BUNDLES);
    await db.query('VACUUM ANALYZE events');
    await db.query('CHECKPOINT');
    log(`rebuilding dfdg_messages (batch ${BATCH_SIZE})`);
    let lastLog = performance.now();
    const t0 = performance.now();
    await rebuildProjection(store, db, createEventRegistry(), dfdgMessagesProjection, {
      batchSize: BATCH_SIZE,
      onProgress: (n) => {
        if (performance.now() - lastLog < 5000) return;
        lastLog = performance.now();
        log(`  ${n} events, ${(n / ((lastLog - t0) / 1000)).toFixed(0)}/s`);
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const [{ messages, gaps }] = await db.query(
      `SELECT sum(n)::int AS messages, count(*) FILTER (WHERE n <> last OR first <> 1)::int AS gaps
       FROM (SELECT jobcentre, count(*) AS n, max(sequence) AS last, min(sequence) AS first FROM dfdg_messages GROUP BY jobcentre) j`,
    );
    if (messages !== seeded.messages) throw new Error(`expected ${seeded.messages} messages, the outbox holds ${messages}`);
    if (gaps !== 0) throw new Error(`${gaps} job centres have gaps in their sequence`);
    log(`rebuilt: ${messages} messages from ${seeded.events} events in ${seconds.toFixed(1)} s = ${(messages / seconds).toFixed(0)} messages/s`);
    return { messages_per_s_projection: round(messages / seconds, 0), messages, events: seeded.events, seconds: round(seconds, 2) };
  } finally {
    await store.close().catch(() => undefined);
    await db.destroy().catch(() => undefined);
  }
}

if (require.main === module) void runBench('dfdg_projection', measureDfdgProjection);
