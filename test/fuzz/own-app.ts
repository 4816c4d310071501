/**
 * `npm run fuzz` without --url: the real app in this process on a throw-away embedded
 * PostgreSQL under a temporary folder (its own DATA_DIR, so its own development signing key),
 * listening on a free loopback port; everything is removed again by `close()`.
 */
import * as fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import pino from 'pino';
import { createApp } from '../../src/app.factory';
import { mintDevToken } from '../../src/platform/auth/dev-keys';
import { Role } from '../../src/platform/auth/principal';
import { loadConfig } from '../../src/platform/config/config';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '../../src/platform/database/embedded-postgres';
import { captureAppErrors } from './app-errors';
import { freePort } from '../support/wait';

/** What the fuzzed app needs beyond the defaults: push subscriptions to the loopback discard port may be created, none is delivered. */
export const FUZZ_APP_ENV = { PUSH_ALLOWED_HOSTS: '127.0.0.1', DFDG_PUSH_INTERVAL_MS: '0' };

export interface OwnApp {
  baseUrl: string;
  bodyLimitBytes: number;
  token(role: Role, org: string): Promise<string>;
  appErrorFor(correlationId: string): string | undefined;
  close(): Promise<void>;
}


export async function startOwnApp(env: NodeJS.ProcessEnv = {}): Promise<OwnApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-fuzz-'));
  fs.chmodSync(dir, 0o755); // as root, the server runs as 'postgres', who must reach <dir>/pg
  let pg: EmbeddedPostgresHandle | undefined;
  let app: INestApplication | undefined;
  const cleanUp = async () => {
    await app?.close().catch(() => undefined);
    await pg?.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    pg = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), persistent: false, database: 'postgres', postgresFlags: ['-c', 'max_connections=200'] });
    const dataDir = path.join(dir, 'data');
    const config = loadConfig({ ...FUZZ_APP_ENV, ...env, DATA_DIR: dataDir, DATABASE_URL: pg.url });
    app = await createApp(config, pino({ level: process.env.FUZZ_APP_LOG_LEVEL ?? 'silent' }));
    await app.init();
    const server = app.getHttpServer() as Server;
    const errors = captureAppErrors(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      bodyLimitBytes: config.bodyLimitBytes,
      token: (role, org) => mintDevToken(dataDir, { role, org, sub: `fuzz-${role}-${org}`, audience: config.auth.audience }),
      appErrorFor: (id) => errors.get(id),
      async close() {
        errors.restore();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
