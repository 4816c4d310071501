/**
 * SIGTERM on the real process (src/main.ts): an in-flight command finishes and is stored, new
 * connections are refused, the runners and pools stop, and the process exits 0.
 */
import * as net from 'node:net';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { mintDevToken } from '../../src/platform/auth/dev-keys';
import { STANDARD_REFERENCE_DATA } from '../support/fixtures';
import { createEmptyDatabase } from '../support/test-database';
import { freePort } from '../support/wait';


function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no '${pattern}' within ${timeoutMs} ms:\n${seen}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

describe('graceful shutdown on SIGTERM', () => {
  let child: ChildProcess;
  let databaseUrl: string;
  let dataDir: string;
  let port: number;
  let output = '';

  beforeAll(async () => {
    databaseUrl = await createEmptyDatabase('shutdown');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-shutdown-'));
    port = await freePort();
    child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    await waitForLine(child, /"msg":"listening"/, 60_000);
  });
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the command in flight, refuses new connections, and exits 0', async () => {
    const token = await mintDevToken(dataDir, { role: 'jobcentre', org: '101' });
    for (const [kind, items] of Object.entries(STANDARD_REFERENCE_DATA)) {
      const imported = await fetch(`http://127.0.0.1:${port}/api/reference-data/${kind}`, { method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(items) });
      expect(imported.status).toBe(200);
    }
    const body = JSON.stringify({ scheme: 'flex-job', company: { cvr: '12345678', pNumber: '1000000001' }, citizen: { cpr: '0101901234' } });
    // Every step waits for a condition, never a fixed time, so a loaded machine only makes it slower.
    const probe = () =>
      new Promise<string>((resolve) => {
        const req = http.get({ host: '127.0.0.1', port, path: '/health', agent: false }, (res) => {
          res.resume();
          resolve('answered');
        });
        req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
    const until = async (what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}:\n${output}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    let req!: http.ClientRequest;
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/applications', agent: false, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body: text }));
        },
      );
      req.on('error', reject);
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Half the body now: the request is in flight until the test sends the rest.
    req.write(body.slice(0, 20));
    await new Promise<void>((resolve) => {
      const connected = (s: net.Socket) => (s.connecting ? s.once('connect', () => resolve()) : resolve());
      if (req.socket) connected(req.socket);
      else req.once('socket', connected);
    });
    // The server accepts connections in order: once a later one is answered, ours is accepted too.
    expect(await probe()).toBe('answered');

    child.kill('SIGTERM');
    await until('the app says it is shutting down', () => /"msg":"shutting down"/.test(output));
    let refused = '';
    await until('new connections are refused', async () => (refused = await probe()) === 'ECONNREFUSED');
    req.end(body.slice(20)); // the in-flight request completes during shutdown

    const answer = await response;
    expect(answer.status).toBe(201);
    expect(refused).toBe('ECONNREFUSED');
    expect(await exited).toBe(0);
    expect(output).toMatch(/"msg":"stopped"/);

    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const stored = await db.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [`application-${JSON.parse(answer.body).id}`]);
    await db.end();
    expect(stored.rows[0].n).toBe(2);
  });
});
