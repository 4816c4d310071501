/**
 * The real Nest app on a fresh database, with tokens for each role. HTTP tests go through
 * it with supertest; nothing is mocked.
 */
import { INestApplication } from '@nestjs/common';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ProjectionsService } from '../../projections/projections.service';
import { createApp } from '../../src/app.factory';
import { mintDevToken } from '../../src/platform/auth/dev-keys';
import { Role } from '../../src/platform/auth/principal';
import { AppConfig, loadConfig } from '../../src/platform/config/config';
import { instanceLockKeys } from '../../src/platform/idempotency/instance-liveness';
import { JOBCENTRE, STANDARD_REFERENCE_DATA } from './fixtures';
import { createEmptyDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  config: AppConfig;
  token(role: Role, org: string, sub?: string): Promise<string>;
  /** Waits until every projection has processed every visible event. */
  settle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * `options.databaseUrl` points the app at another server (e.g. one a test stops); default: a
 * fresh database. The standard reference data of fixtures.ts is imported through the API
 * unless `options.referenceData` is false.
 */
export async function createTestApp(env: NodeJS.ProcessEnv = {}, options: { databaseUrl?: string; referenceData?: boolean } = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-app-'));
  const config = loadConfig({ PROJECTION_POLL_MS: '200', ...env, DATA_DIR: dataDir });
  config.databaseUrl = options.databaseUrl ?? (await createEmptyDatabase('app'));
  const app = await createApp(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  await app.init();
  const projections = app.get(ProjectionsService);
  if (options.referenceData !== false) {
    const importer = `Bearer ${await mintDevToken(dataDir, { role: 'jobcentre', org: JOBCENTRE, sub: 'reference-data-import' })}`;
    for (const [kind, items] of Object.entries(STANDARD_REFERENCE_DATA)) {
      await request(app.getHttpServer()).put(`/api/reference-data/${kind}`).set('Authorization', importer).send(items).expect(200);
    }
  }
  return {
    app,
    config,
    http: request(app.getHttpServer()),
    token: (role, org, sub) => mintDevToken(dataDir, { role, org, sub: sub ?? `${role}-${org}` }),
    async settle(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      const db = app.get(DataSource);
      for (;;) {
        // Events whose transaction is not yet below the server-wide xmin are invisible to
        // readers (the no-skip guard): lag 0 counts only once every event is visible.
        const [{ pending }] = await db.query(`SELECT count(*)::int AS pending FROM events WHERE tx_id >= pg_snapshot_xmin(pg_current_snapshot())`);
        const health = await projections.health();
        if (pending === 0 && health.every((p) => p.lag === 0 && p.leader)) return;
        if (Date.now() > deadline) throw new Error(`projections did not settle: ${JSON.stringify(health)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `work` while a session of the app's database holds the instance lock of `instanceId`, as
 * a live app process with that id would (instance-liveness.ts): its Idempotency-Key claims count
 * as still running.
 */
export async function whileInstanceLives<T>(t: TestApp, instanceId: string, work: () => Promise<T>): Promise<T> {
  const session = t.app.get(DataSource).createQueryRunner();
  await session.connect();
  const keys = instanceLockKeys(instanceId);
  try {
    await session.query('SELECT pg_advisory_lock($1, $2)', keys);
    return await work();
  } finally {
    await session.query('SELECT pg_advisory_unlock($1, $2)', keys).catch(() => undefined);
    await session.release();
  }
}
