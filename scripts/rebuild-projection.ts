/**
 * `npm run projections:rebuild -- <name>`: replays every event into a fresh copy of the
 * projection's table and swaps it in (projections/runner/rebuild.ts); a running API keeps
 * answering and its runner continues from the swapped-in checkpoint. A published projection
 * (dfdg_messages) is verified against the replay instead; exit code 1 when it differs unexplained. Progress goes to stderr,
 * one JSON line `{"projection","events","seconds"}` to stdout.
 * Without DATABASE_URL it uses the embedded PostgreSQL: the running API's when it is up,
 * otherwise one started here on the same data directory (and stopped again at the end).
 */
import * as fs from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PROJECTIONS, projectionByName } from '../projections/projections';
import { rebuildProjection } from '../projections/runner/rebuild';
import { createEventRegistry } from '../src/event-types';
import { AppConfig, loadConfig } from '../src/platform/config/config';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '../src/platform/database/embedded-postgres';
import { runMigrations } from '../src/platform/database/migrate';
import { EventStore } from '../src/platform/event-store/event-store.port';
import { openEventStore } from '../src/platform/event-store/open-event-store';

const USAGE = 'usage: npm run projections:rebuild -- <projection name>';

function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** True when a server answers at `url`; false when nothing listens there. */
async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ECONNREFUSED') return false;
    throw new Error(`PostgreSQL on port ${new URL(url).port} did not accept a connection: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The API's embedded server when it runs (its data directory is then in use), else our own. */
async function useEmbeddedPostgres(config: AppConfig): Promise<EmbeddedPostgresHandle | undefined> {
  const running = `postgres://postgres:postgres@127.0.0.1:${config.embeddedPostgresPort}/vitas`;
  if (await answers(running)) {
    config.databaseUrl = running;
    say(`using the embedded PostgreSQL already running on port ${config.embeddedPostgresPort}`);
    return undefined;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, persistent: true });
  config.databaseUrl = embedded.url;
  say(`started the embedded PostgreSQL (data under ${config.dataDir}, port ${config.embeddedPostgresPort})`);
  return embedded;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.length !== 1) {
    say(USAGE);
    return 2;
  }
  const name = args[0];
  const projection = projectionByName(name);
  if (!projection) {
    say(`unknown projection '${name}'; known projections: ${PROJECTIONS.map((p) => p.name).join(', ')}`);
    return 2;
  }

  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await useEmbeddedPostgres(config);
  let store: EventStore | undefined;
  let db: DataSource | undefined;
  try {
    await runMigrations(config.databaseUrl!);
    store = await openEventStore(config);
    db = await new DataSource({ type: 'postgres', url: config.databaseUrl, extra: { max: 4 }, logging: false }).initialize();
    say(`rebuilding '${name}' (batches of ${config.projections.batchSize})`);
    const started = performance.now();
    let lastReport = started;
    const result = await rebuildProjection(store, db, createEventRegistry(), projection, {
      batchSize: config.projections.batchSize,
      onProgress: (events) => {
        const now = performance.now();
        if (now - lastReport < 1000) return;
        lastReport = now;
        say(`  ${events} events replayed (${Math.round(events / ((now - started) / 1000))}/s)`);
      },
    });
    const seconds = Math.round(performance.now() - started) / 1000;
    const { verification } = result;
    if (verification) {
      // A published table (the DFDG outbox) is verified, never swapped: consumers hold cursors into it.
      const mismatches = verification.differing + verification.missing + verification.extra;
      say(`verified '${name}' against a replay of ${result.events} events in ${seconds} s: ${verification.identical} rows identical, ${mismatches} not` + (mismatches && verification.definitionChanges ? ` (${verification.definitionChanges} definition change(s) recorded: rows published before one may rightly differ)` : ''));
      process.stdout.write(`${JSON.stringify({ projection: name, events: result.events, seconds, verified: true, ...verification })}\n`);
      return mismatches && !verification.definitionChanges ? 1 : 0;
    }
    say(`rebuilt '${name}' from ${result.events} events in ${seconds} s and swapped it in as table '${result.table}'`);
    process.stdout.write(`${JSON.stringify({ projection: name, events: result.events, seconds })}\n`);
    return 0;
  } finally {
    await store?.close().catch(() => undefined);
    if (db?.isInitialized) await db.destroy().catch(() => undefined);
    await embedded?.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    say(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
