/** The app as a child process of a benchmark, on the bench's database, ready once /health answers 200. */
import { ChildProcess, spawn } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';

export async function startAppProcess(options: { args: string[]; env: NodeJS.ProcessEnv; port: number }): Promise<ChildProcess> {
  const child = spawn(process.execPath, options.args, {
    cwd: path.resolve(__dirname, '..'),
    env: { ...process.env, ...options.env, PORT: String(options.port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    const up = await new Promise<boolean>((resolve) =>
      http.get({ host: '127.0.0.1', port: options.port, path: '/health' }, (r) => (r.resume(), resolve(r.statusCode === 200))).on('error', () => resolve(false)),
    );
    if (up) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the app did not become healthy');
}
