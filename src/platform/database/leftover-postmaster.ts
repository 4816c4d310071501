/**
 * After `kill -9` of the app its embedded PostgreSQL lives on (it is a child, not a thread), and
 * keeps the data dir locked. This file tells such a leftover from a server someone is really
 * using, from what Linux says about the process named in the data dir's `postmaster.pid`:
 * - gone (or a zombie): nothing to do; PostgreSQL itself replaces a stale pid file;
 * - a postgres of this very data dir whose parent is no longer a live node process (it was
 *   reparented to PID 1 or to a subreaper): a leftover of a crashed run, which we may stop;
 * - anything else (another process, or a postmaster a live app still owns): never touched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type PidFileHolder =
  | { kind: 'none' }
  | { kind: 'leftover'; pid: number }
  | { kind: 'in-use'; pid: number; description: string };

interface ProcInfo {
  ppid: number;
  state: string;
  argv: string[];
}

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { ppid: Number(ppid), state, argv };
  } catch {
    return undefined;
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  return readProc(pid)?.state !== 'Z';
}

function describe(pid: number, info: ProcInfo | undefined): string {
  return `process ${pid}${info ? ` (${info.argv.join(' ').replace(/\s+/g, ' ').slice(0, 200)})` : ''}`;
}

export function inspectPidFile(databaseDir: string): PidFileHolder {
  let text: string;
  try {
    text = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8');
  } catch {
    return { kind: 'none' };
  }
  const pid = Number(text.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return { kind: 'none' };
  const proc = readProc(pid);
  const dataDirArg = proc?.argv[proc.argv.indexOf('-D') + 1];
  const ourPostgres =
    !!proc && path.basename(proc.argv[0] ?? '') === 'postgres' && proc.argv.includes('-D') &&
    path.resolve(dataDirArg ?? '') === path.resolve(databaseDir);
  if (!ourPostgres) return { kind: 'in-use', pid, description: describe(pid, proc) };
  const parent = proc.ppid > 1 ? readProc(proc.ppid) : undefined;
  if (parent && parent.state !== 'Z' && /^node/.test(path.basename(parent.argv[0] ?? ''))) {
    return { kind: 'in-use', pid, description: `PostgreSQL ${pid}, started by the running ${describe(proc.ppid, parent)}` };
  }
  return { kind: 'leftover', pid };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/**
 * Stops a leftover postmaster: SIGINT (PostgreSQL's fast shutdown: it rolls back open
 * transactions and writes a checkpoint), then waits for the process and its pid file to go;
 * SIGKILL only when that does not happen in time (recovery replays the WAL at the next start).
 */
export async function stopLeftover(
  pid: number,
  databaseDir: string,
  onKill: (fields: object, message: string) => void,
  timeoutMs = 30_000,
): Promise<'SIGINT' | 'SIGKILL'> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  process.kill(pid, 'SIGINT');
  if (await until(() => !isRunning(pid) && !fs.existsSync(pidFile), timeoutMs)) return 'SIGINT';
  onKill({ pid, databaseDir, waitedMs: timeoutMs }, 'the leftover embedded PostgreSQL did not stop after SIGINT: sending SIGKILL');
  process.kill(pid, 'SIGKILL');
  if (!(await until(() => !isRunning(pid), 10_000))) {
    throw new Error(`The leftover PostgreSQL ${pid} of ${databaseDir} survived SIGKILL; stop it by hand.`);
  }
  return 'SIGKILL';
}
