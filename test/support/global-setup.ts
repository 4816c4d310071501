/**
 * Starts one throw-away embedded PostgreSQL for the whole jest run unless DATABASE_URL points at
 * a real server. Each test file then creates its own database on it (test/support/test-database.ts),
 * so suites never see each other's rows. It starts through the app's own startEmbeddedPostgres,
 * so `npm test` run as root from any folder works as `npm start` does (reachable-by-postgres.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '../../src/platform/database/embedded-postgres';
import { freePort } from './wait';


declare global {
  // eslint-disable-next-line no-var
  var __EMBEDDED_PG__: { handle: EmbeddedPostgresHandle; dir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_PG_ADMIN_URL = process.env.DATABASE_URL;
    console.log('\n[tests] using the PostgreSQL server at DATABASE_URL');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-test-pg-'));
  fs.chmodSync(dir, 0o755); // as root, the server runs as 'postgres', who must reach <dir>/pg
  const port = await freePort();
  const handle = await startEmbeddedPostgres({
    dataDir: dir, port, persistent: false, database: 'postgres', postgresFlags: ['-c', 'max_connections=300'],
  });
  globalThis.__EMBEDDED_PG__ = { handle, dir };
  process.env.TEST_PG_ADMIN_URL = handle.url;
  console.log(`\n[tests] started a throw-away embedded PostgreSQL on port ${port}`);
}
