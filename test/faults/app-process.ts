/**
 * The app as a child process, started the way `npm start` runs it but without a build step
 * (`node -r @swc-node/register src/main.ts`), so the suite can `kill -9` it and start it again.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { send } from './http';
import { log, pause } from './net';

const ROOT = path.resolve(__dirname, '../..');
const READY_TIMEOUT_MS = 120_000;

export class AppProcess {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  /** The last lines the app logged (warnings and errors), for a failure's report. */
  readonly logTail: string[] = [];
  starts = 0;
  /** Exits the suite did not cause (a crash of the app itself), with the log lines before each. */
  readonly crashes: { at: number; code: number | null; signal: string | null; lastLines: string[] }[] = [];
  private expectingExit = false;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get running(): boolean {
    return this.child !== undefined;
  }

  async start(): Promise<void> {
    if (this.child) throw new Error('the app is already running');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    // Its log (pino on stdout, at LOG_LEVEL=warn) and stderr: the last lines explain a 500 or a failed start.
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        this.logTail.push(...chunk.split('\n').filter(Boolean));
        this.logTail.splice(0, Math.max(0, this.logTail.length - 200));
      });
    }
    this.expectingExit = false;
    let starting = true;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        // A start that fails (say, with the database down) is the start's error, not a crash.
        if (!this.expectingExit && !starting) this.crashes.push({ at: Date.now(), code, signal, lastLines: this.logTail.slice(-60) });
        if (this.child === child) this.child = undefined;
        resolve();
      }),
    );
    let exitedEarly = false;
    void this.exited.then(() => (exitedEarly = true));
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while ((await send(this.port, 'GET', '/health', { timeoutMs: 5_000 })).status !== 200) {
      if (exitedEarly) throw new Error(`the app exited while starting: ${this.logTail.slice(-5).join(' | ')}`);
      if (Date.now() > deadline) throw new Error(`the app did not answer /health with 200 within ${READY_TIMEOUT_MS} ms`);
      await pause(100);
    }
    starting = false;
  }

  /** SIGKILL without waiting: for the suite's own exit, when nothing async runs any more. */
  killNow(): void {
    this.expectingExit = true;
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  /** kill -9: no shutdown hook runs, in-flight requests get no answer. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.expectingExit = true;
    child.kill('SIGKILL');
    await this.exited;
  }

  /** A graceful stop (SIGTERM), then SIGKILL if it does not exit within `timeoutMs`. */
  async stop(timeoutMs = 20_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.expectingExit = true;
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      log('the app did not stop within', timeoutMs, 'ms: SIGKILL');
      child.kill('SIGKILL');
    }, timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}
