/**
 * DFDG push throughput: `BENCH_PUSH_MESSAGES` (20,000) outbox rows over four job centres, one
 * subscription per job centre (from the start) to a local receiver on 127.0.0.1 that verifies
 * each signature and answers 204; the delivery worker's passes are timed until every message
 * is delivered. The receiver runs in this process, so it shares the two cores with the worker.
 */
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { PushDelivery } from '../src/dfdg/push/delivery/push-delivery';
import { SubscriptionsRepository } from '../src/dfdg/push/subscriptions/subscriptions.repository';
import { PushUrlPolicy } from '../src/dfdg/push/url-policy/push-url-policy';
import { generateSecret, verifyWebhook } from '../src/dfdg/push/webhook-signature';
import { loadConfig } from '../src/platform/config/config';
import { runMigrations } from '../src/platform/database/migrate';
import { log, round } from './support';

const MESSAGES = Number(process.env.BENCH_PUSH_MESSAGES ?? 20_000);
const JOBCENTRES = ['101', '147', '751', '851'];
const MESSAGES_PER_CASE = 5;

/** The outbox as the DFDG projection defines it, filled with realistic messages (~700 bytes). */
async function fillOutbox(db: DataSource, messages: number): Promise<void> {
  await db.query(`
    CREATE TABLE IF NOT EXISTS dfdg_messages (
      message_id text PRIMARY KEY, jobcentre text NOT NULL, sequence bigint NOT NULL, case_id text NOT NULL,
      case_type text NOT NULL, body jsonb NOT NULL, occurred_at timestamptz NOT NULL, UNIQUE (jobcentre, sequence))`);
  await db.query(`CREATE INDEX IF NOT EXISTS dfdg_messages_case_idx ON dfdg_messages (case_id, sequence)`);
  // Message i belongs to job centre i mod 4; its case is one of that job centre's, 5 messages each, interleaved.
  await db.query(
    `WITH m AS (
       SELECT i, $2::text[] AS jcs, gen_random_uuid()::text AS id FROM generate_series(0, $1 - 1) AS i
     ), n AS (
       SELECT id, jcs[1 + i % 4] AS jobcentre, 1 + i / 4 AS sequence,
              'case-' || (i % 4) || '-' || ((i / 4) % ($1 / 4 / $3)) AS case_id FROM m
     )
     INSERT INTO dfdg_messages
     SELECT id, jobcentre, sequence, case_id, 'grant', jsonb_build_object(
       'messageId', id, 'sequence', sequence, 'caseRevision', sequence, 'kind', 'changed', 'jobcentre', jobcentre,
       'caseType', 'grant', 'vitasId', case_id, 'parentVitasId', null, 'supplementaryGrantType', null, 'supplementaryGrantTypeLabel', null,
       'scheme', 'wage-subsidy', 'schemeLabel', 'Løntilskud', 'cpr', '0101901234', 'period', jsonb_build_object('start', '2027-01-01', 'end', '2027-06-30'),
       'hoursPerWeek', 30, 'status', 'active', 'statusLabel', 'Aktiv',
       'cessation', jsonb_build_object('vitasReasonId', 3, 'vitasSubReasonId', null, 'vitasText', 'Borgeren er overgået til ordinær beskæftigelse',
         'dfdgCode', null, 'dfdgText', null, 'mapped', false),
       'occurredAt', now()), now()
     FROM n`,
    [messages, JOBCENTRES, MESSAGES_PER_CASE],
  );
}

interface LocalReceiver {
  url: string;
  unique: Set<string>;
  received: () => number;
  failures: () => number;
  close: () => Promise<void>;
}

function startReceiver(secrets: Map<string, string>): Promise<LocalReceiver> {
  const unique = new Set<string>();
  let received = 0;
  let failures = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received++;
      const jobcentre = new URL(req.url!, 'http://x').searchParams.get('jc')!;
      try {
        verifyWebhook(secrets.get(jobcentre)!, req.headers, Buffer.concat(chunks));
        unique.add(String(req.headers['webhook-id']));
        res.writeHead(204).end();
      } catch {
        failures++;
        res.writeHead(400).end();
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dfdg`,
        unique,
        received: () => received,
        failures: () => failures,
        close: () => new Promise<void>((r) => server.close(() => r())),
      }),
    ),
  );
}

export async function measurePush(url: string): Promise<{ push_per_s: number; delivered: number; messages: number; received: number; bad_signatures: number; seconds: number; concurrency: number }> {
  await runMigrations(url);
  const db = await new DataSource({ type: 'postgres', url, extra: { max: 20 } }).initialize();
  const policy = loadConfig().dfdgPush;
  try {
    log(`push: filling dfdg_messages with ${MESSAGES} messages over ${JOBCENTRES.length} job centres`);
    await fillOutbox(db, MESSAGES);
    const secrets = new Map(JOBCENTRES.map((jc) => [jc, generateSecret()]));
    const receiver = await startReceiver(secrets);
    const repository = new SubscriptionsRepository(db);
    for (const jc of JOBCENTRES) {
      await repository.create({ jobcentre: jc, url: `${receiver.url}?jc=${jc}`, secret: secrets.get(jc)!, from: 'start', createdBy: 'bench' });
    }
    log(`push: delivering with ${policy.concurrency} pushes in flight`);
    const delivery = new PushDelivery(db, policy, new PushUrlPolicy(['127.0.0.1'])); // the local receiver, allow-listed
    const t0 = performance.now();
    for (let pass = 0; pass < 20 && receiver.unique.size < MESSAGES; pass++) await delivery.pass();
    const seconds = (performance.now() - t0) / 1000;
    const [{ delivered }] = await db.query(`SELECT count(*)::int AS delivered FROM dfdg_push_deliveries WHERE status = 'delivered'`);
    await receiver.close();
    log(`push: ${delivered} delivered in ${seconds.toFixed(1)} s`);
    return {
      push_per_s: round(delivered / seconds, 0),
      delivered,
      messages: MESSAGES,
      received: receiver.received(),
      bad_signatures: receiver.failures(),
      seconds: round(seconds, 2),
      concurrency: policy.concurrency,
    };
  } finally {
    await db.destroy();
  }
}
