/**
 * Shared helpers of the benchmarks: a throw-away PostgreSQL (embedded, or a fresh database
 * on DATABASE_URL), percentiles, concurrent timed writers and realistic event payloads.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { startEmbeddedPostgres } from '../src/platform/database/embedded-postgres';
import { NewEvent } from '../src/platform/event-store/event-store.port';
import { EventMetadata } from '../src/platform/events/event-metadata';
import { uuidv7 } from '../src/platform/events/uuidv7';
import { freePort } from '../test/support/wait';

export const log = (...parts: unknown[]) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${parts.join(' ')}\n`);

/** A pg pool whose idle clients may die quietly (their 'error' would otherwise crash the process at shutdown). */
export function benchPool(url: string, max: number): Pool {
  const pool = new Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  return pool;
}

export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

export { freePort };

/** Starts a throw-away server (durable defaults untouched) or creates a fresh database on DATABASE_URL. */
export async function startBenchServer(prefix: string): Promise<BenchServer> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `${prefix}_${randomBytes(5).toString('hex')}`;
    const admin = new Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
    const url = new URL(external);
    url.pathname = `/${name}`;
    log(`using a fresh database ${name} on DATABASE_URL`);
    return {
      url: url.toString(),
      stop: async () => {
        const c = new Client({ connectionString: external });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `vitas-bench-${prefix}-`));
  fs.chmodSync(dataDir, 0o755); // the server runs as the 'postgres' user and must reach dataDir/pg
  const port = await freePort();
  log(`starting embedded PostgreSQL on port ${port} in ${dataDir}`);
  let handle;
  try {
    handle = await startEmbeddedPostgres({ dataDir, port, persistent: false, database: 'bench' });
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const h = handle;
  return {
    url: h.url,
    stop: async () => {
      log('stopping embedded PostgreSQL');
      await h.stop().catch((e: unknown) => log('stop failed:', e));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `body` with a server, always stopping it; prints `figures` as the last stdout line. */
export async function runBench(prefix: string, body: (url: string) => Promise<Record<string, unknown>>): Promise<void> {
  const server = await startBenchServer(prefix);
  let figures: Record<string, unknown> | undefined;
  try {
    figures = await body(server.url);
  } catch (error) {
    log('FAILED:', error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  } finally {
    await server.stop();
  }
  if (figures) process.stdout.write(`${JSON.stringify(figures)}\n`);
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));

export interface TimedResult {
  ops: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/**
 * `writers` concurrent loops call `op(writer, i)` until `durationMs` has passed (after an
 * untimed warm-up of `warmupMs`); every call's latency is recorded.
 */
export async function runTimed(writers: number, durationMs: number, warmupMs: number, op: (writer: number, i: number) => Promise<void>): Promise<TimedResult> {
  const counters = new Array<number>(writers).fill(0);
  const loop = async (w: number, until: number, latencies?: number[]) => {
    while (performance.now() < until) {
      const t0 = performance.now();
      await op(w, counters[w]++);
      latencies?.push(performance.now() - t0);
    }
  };
  const warmEnd = performance.now() + warmupMs;
  await Promise.all(counters.map((_, w) => loop(w, warmEnd)));
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(counters.map((_, w) => loop(w, start + durationMs, latencies)));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { ops: latencies.length, seconds, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

// ---------------------------------------------------------------- payloads

const FIRST = ['Mette', 'Søren', 'Anne', 'Lars', 'Kirsten', 'Jens', 'Hanne', 'Niels', 'Birgitte', 'Rasmus', 'Aase', 'Bjørn'];
const LAST = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Møller', 'Østergaard'];
const COMPANIES = ['Bageriet Ærø ApS', 'Søndergaard Tømrer & Snedker A/S', 'Københavns Køkkenmontage I/S', 'Fyns Grønt Engros ApS', 'Aarhus Rengøringsservice A/S'];
const SCHEMES = ['company-placement', 'wage-subsidy', 'adult-apprentice', 'flex-job', 'public-benefit-work'];
const JOBCENTRES = ['101', '147', '751', '461', '851', '157'];

const pick = <T>(list: T[], i: number) => list[i % list.length];
const digits = (i: number, n: number) => String(Math.abs(i * 2654435761) % 10 ** n).padStart(n, '0');
const isoDay = (base: number, plusDays: number) => new Date(base + plusDays * 86_400_000).toISOString().slice(0, 10);
const BASE = Date.UTC(2025, 0, 6, 8, 0, 0);

export function metadata(i: number, occurredAt: string, causationId?: string): EventMetadata {
  const eventId = uuidv7();
  return {
    eventId,
    correlationId: uuidv7(),
    causationId: causationId ?? eventId,
    principal: { userId: `jc-${digits(i, 6)}@${pick(JOBCENTRES, i)}.jobcenter.dk`, role: 'jobcentre', org: pick(JOBCENTRES, i) },
    occurredAt,
    schemaVersion: 1,
  };
}

/** The data of an `ApplicationDraftCreated` with the display fields a real draft carries (~600 bytes with metadata). */
export function draftCreatedData(applicationId: string, i: number, createdAt: string): Record<string, unknown> {
  const scheme = pick(SCHEMES, i);
  return {
    applicationId,
    scheme,
    jobcentre: pick(JOBCENTRES, i),
    company: { cvr: digits(i + 7, 8), pNumber: digits(i + 13, 10), name: pick(COMPANIES, i) },
    citizen: { cpr: `${String(1 + (i % 28)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${digits(i, 2)}${digits(i + 3, 4)}`, name: `${pick(FIRST, i + 5)} ${pick(LAST, i + 3)}` },
    employeeRepStepRequired: i % 3 === 0 && ['company-placement', 'wage-subsidy', 'adult-apprentice'].includes(scheme),
    period: { from: isoDay(BASE, 14 + (i % 60)), to: isoDay(BASE, 104 + (i % 60)) },
    createdAt,
  };
}

/** A single realistic event for append benchmarks (its own application id). */
export function draftCreatedEvent(i: number): NewEvent {
  const applicationId = uuidv7();
  const occurredAt = new Date().toISOString();
  const meta = metadata(i, occurredAt);
  return { id: meta.eventId, type: 'ApplicationDraftCreated', data: draftCreatedData(applicationId, i, occurredAt), metadata: meta };
}

/**
 * Event k (0..4) of application i's life: created, link e-mailed, signed by the company,
 * then sent to the employee representative or received by the job centre, then approved.
 */
export function lifecycleEvent(applicationId: string, i: number, k: number): NewEvent {
  const at = new Date(BASE + i * 60_000 + k * 86_400_000).toISOString();
  const meta = metadata(i, at);
  const data = draftCreatedData(applicationId, i, at);
  const repStep = data.employeeRepStepRequired as boolean;
  const cvr = (data.company as { cvr: string }).cvr;
  const ev = (type: string, d: Record<string, unknown>): NewEvent => ({ id: meta.eventId, type, data: { applicationId, ...d }, metadata: meta });
  switch (k) {
    case 0:
      return { id: meta.eventId, type: 'ApplicationDraftCreated', data, metadata: meta };
    case 1:
      return ev('DraftLinkEmailSent', { companyCvr: cvr, sentAt: at });
    case 2:
      return ev('ApplicationSignedByCompany', { signedAt: at, method: 'mitid-business', signedBy: `${pick(FIRST, i + 1)} ${pick(LAST, i + 7)}` });
    case 3:
      return repStep ? ev('ApplicationSentToEmployeeRep', { sentAt: at }) : ev('ApplicationReceivedByJobcentre', { receivedDate: at.slice(0, 10) });
    default:
      return repStep
        ? ev('ApplicationSignedByEmployeeRep', { signedAt: at, signedBy: `${pick(FIRST, i + 2)} ${pick(LAST, i + 9)}` })
        : ev('ApplicationApproved', { approvedDate: at.slice(0, 10), approvedBy: `jc-${digits(i, 6)}` });
  }
}
