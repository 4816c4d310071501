/**
 * Issue 11, "a crash blocks the next start": after `kill -9` of the process that started the
 * embedded PostgreSQL, the next start stops the leftover server and starts cleanly; a server
 * that a live process still owns is never touched; a stale pid file is PostgreSQL's own business.
 *
 * Each server runs in a child process through the app's startEmbeddedPostgres (jest's module
 * sandbox cannot import() the ESM-only package), which prints its result as one JSON line.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../support/wait';

const SERVER_SCRIPT = `
  const { startEmbeddedPostgres } = require('./src/platform/database/embedded-postgres.ts');
  startEmbeddedPostgres({ dataDir: process.env.PG_DATA_DIR, port: Number(process.env.PG_PORT), persistent: true, database: 'postgres' })
    .then((pg) => {
      process.stdin.on('end', () => pg.stop().then(() => process.exit(0)));
      process.stdout.write(JSON.stringify({ url: pg.url, stoppedLeftover: pg.stoppedLeftover ?? null }) + '\\n');
    })
    .catch((error) => { process.stdout.write(JSON.stringify({ error: error.message }) + '\\n'); process.exit(1); });
  process.stdin.resume();`;


interface Started {
  child: ChildProcess;
  result: { url?: string; stoppedLeftover?: { pid: number; signal: string } | null; error?: string };
}

async function startServer(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', SERVER_SCRIPT], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, PG_DATA_DIR: dataDir, PG_PORT: String(await freePort()) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const result = await new Promise<Started['result']>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`server script exited (${code}) without a result: ${stderr}`)));
  });
  return { child, result };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const postmasterPid = (dataDir: string) => Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

const linux = process.platform === 'linux';
if (!linux) console.log('[leftover-postgres] skipped: telling a leftover server apart reads /proc, which only Linux has');

(linux ? describe : describe.skip)('a leftover embedded PostgreSQL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-leftover-'));
  fs.chmodSync(dataDir, 0o755); // as root, the server runs as 'postgres', who must reach <dataDir>/pg
  const children: ChildProcess[] = [];
  let current: Started | undefined;

  afterAll(async () => {
    for (const child of children) {
      child.stdin!.end();
      await exited(child);
    }
    // A test that failed half-way may leave a server; stop it like the app would.
    if (fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))) {
      const pid = postmasterPid(dataDir);
      if (running(pid)) process.kill(pid, 'SIGINT');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('left behind by a killed process, is stopped by the next start, which then starts cleanly', async () => {
    const crashed = await startServer(dataDir);
    expect(crashed.result.url).toBeDefined();
    const orphan = postmasterPid(dataDir);
    crashed.child.kill('SIGKILL');
    await exited(crashed.child);
    expect(running(orphan)).toBe(true); // the crash left it running

    current = await startServer(dataDir);
    children.push(current.child);
    expect(current.result).toMatchObject({ url: expect.any(String), stoppedLeftover: { pid: orphan, signal: 'SIGINT' } });
    expect(running(orphan)).toBe(false);
    expect(postmasterPid(dataDir)).not.toBe(orphan);
  });

  it('owned by a live process, is left alone, and the start says which process holds it', async () => {
    const owner = postmasterPid(dataDir);
    const second = await startServer(dataDir);
    expect(second.result.error).toMatch(new RegExp(`is in use by PostgreSQL ${owner}, started by the running process ${current!.child.pid} \\(.*node`));
    expect(second.result.error).toMatch(/^The embedded PostgreSQL data in .*; stop that process, or set DATA_DIR or DATABASE_URL\.$/);
    await exited(second.child);
    expect(running(owner)).toBe(true);
    expect(postmasterPid(dataDir)).toBe(owner);
  });

  it('gone, leaving a stale pid file, is handled by PostgreSQL itself', async () => {
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
    current!.child.stdin!.end();
    await exited(current!.child);
    expect(fs.existsSync(pidFile)).toBe(false);
    // A pid that no process has: one of a child that has exited.
    const gone = spawn(process.execPath, ['-e', '']);
    await exited(gone);
    fs.writeFileSync(pidFile, [String(gone.pid), ...lines.slice(1)].join('\n'));

    const next = await startServer(dataDir);
    children.push(next.child);
    expect(next.result).toMatchObject({ url: expect.any(String), stoppedLeftover: null });
    expect(postmasterPid(dataDir)).not.toBe(gone.pid);
  });
});
