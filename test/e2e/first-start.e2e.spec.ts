/**
 * Issue 11: on the first start (an empty database) no periodic job runs before the read-model
 * tables it reads exist, so the log has no `relation "…" does not exist`. The jobs tick every
 * few milliseconds here; with the projections off, their tables never appear, so a job that
 * did not wait would hit the missing table on every tick.
 */
import { INestApplication } from '@nestjs/common';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/platform/config/config';
import { createEmptyDatabase } from '../support/test-database';
import { until } from '../support/wait';

const JOBS = ['grants:ordinary-expiry', 'dfdg:push', 'grants:follow-application-transfer', 'supplementary-grants:follow-grant-transfer'];

/** Starts the app on a fresh database with pino's output in `lines`; jobs tick every 5 ms. */
async function startApp(lines: Record<string, unknown>[], dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<INestApplication> {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({
    DATA_DIR: dataDir, PROJECTION_POLL_MS: '5', ORDINARY_EXPIRY_INTERVAL_MS: '5', DFDG_PUSH_INTERVAL_MS: '5', EXPORT_JOB_POLL_MS: '5', ...env,
  });
  config.databaseUrl = await createEmptyDatabase('first');
  const app = await createApp(config, pino({ level: 'debug' }, sink));
  await app.init();
  return app;
}


const said = (lines: Record<string, unknown>[], job: string, msg: string) => lines.filter((l) => l.context === job && l.msg === msg).length;

describe('the first start on an empty database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-first-start-'));
  const apps: INestApplication[] = [];

  afterAll(async () => {
    for (const app of apps) await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps a job waiting while its tables do not exist yet (here: no projection runs), without an error', async () => {
    const lines: Record<string, unknown>[] = [];
    apps.push(await startApp(lines, dataDir, { PROJECTIONS_ENABLED: 'false' }));
    const waiting = ['grants:ordinary-expiry', 'dfdg:push'];
    const failed = () => lines.some((l) => (l.level as number) >= 50);
    await until('the jobs waited a few times', () => failed() || waiting.every((job) => said(lines, job, 'waiting for its tables') >= 3));
    expect(lines.filter((l) => /does not exist/.test(JSON.stringify(l)))).toEqual([]);
    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
    expect(waiting.map((job) => said(lines, job, 'tables ready: running'))).toEqual([0, 0]);
  });

  it('starts every periodic job once the projections have made its tables, and logs no missing relation', async () => {
    const lines: Record<string, unknown>[] = [];
    apps.push(await startApp(lines, dataDir));
    await until('every job has started', () => JOBS.every((job) => said(lines, job, 'tables ready: running') === 1));
    expect(lines.filter((l) => /does not exist/.test(JSON.stringify(l)))).toEqual([]);
    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});
