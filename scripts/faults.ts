/**
 * `npm run faults [-- --kills 20 --clients 16 --seed 1 --outage-ms 5000 --outages 1 --flap-ms 8000 --retry-wait-s 75 --timeout-s 900]`:
 * the fault suite of test/faults/ (crashes, a database restart, a flapping push receiver) on its
 * own app process and throw-away PostgreSQL. Progress goes to stderr; the last stdout line is one
 * JSON object of figures. Exit code 1 when a check finds anything (or the run fails or times out).
 * `--tamper` spoils one thing per check before checking, to show that each check can fail.
 */
import { parseArgs } from 'node:util';
import { log } from '../test/faults/net';
import { Cleanup, DEFAULT_OPTIONS, runFaults } from '../test/faults/suite';

const USAGE =
  'usage: npm run faults -- [--kills N] [--clients N] [--seed S] [--outage-ms MS] [--outages N] [--flap-ms MS] [--retry-wait-s S] [--timeout-s S] [--tamper]';

function count(value: string | boolean | undefined, fallback: number, name: string, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`--${name} must be an integer ≥ ${min}\n${USAGE}\n`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        kills: { type: 'string' }, clients: { type: 'string' }, seed: { type: 'string' },
        'outage-ms': { type: 'string' }, outages: { type: 'string' }, 'flap-ms': { type: 'string' }, 'retry-wait-s': { type: 'string' },
        'timeout-s': { type: 'string' }, tamper: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const options = {
    kills: count(values.kills, DEFAULT_OPTIONS.kills, 'kills'),
    clients: count(values.clients, DEFAULT_OPTIONS.clients, 'clients', 1),
    seed: count(values.seed, DEFAULT_OPTIONS.seed, 'seed'),
    outageMs: count(values['outage-ms'], DEFAULT_OPTIONS.outageMs, 'outage-ms'),
    outages: count(values.outages, DEFAULT_OPTIONS.outages, 'outages'),
    flapMs: count(values['flap-ms'], DEFAULT_OPTIONS.flapMs, 'flap-ms'),
    retryWaitMs: count(values['retry-wait-s'], DEFAULT_OPTIONS.retryWaitMs / 1000, 'retry-wait-s') * 1000,
    tamper: values.tamper === true,
  };
  const timeoutS = count(values['timeout-s'], 900, 'timeout-s', 1);

  const cleanup = new Cleanup();
  let finishing = false;
  const abort = async (why: string, code: number) => {
    if (finishing) return;
    finishing = true;
    log(`${why}: stopping everything the suite started`);
    await cleanup.run();
    process.exit(code);
  };
  process.on('SIGINT', () => void abort('SIGINT', 130));
  process.on('SIGTERM', () => void abort('SIGTERM', 143));
  const watchdog = setTimeout(() => void abort(`the run took longer than ${timeoutS} s`, 1), timeoutS * 1000);

  let figures: Record<string, unknown> | undefined;
  try {
    figures = await runFaults(options, cleanup);
  } catch (error) {
    log('FAILED:', error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    clearTimeout(watchdog);
    if (!finishing) await cleanup.run();
  }
  if (finishing) return; // a signal or the watchdog is cleaning up; it exits when done
  if (!figures) process.exit(1);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  const counts = ['events_missing', 'events_duplicated', 'events_without_2xx', 'events_unknown', 'outage_non503_5xx',
    'other_non503_5xx', 'app_crashes', 'push_missing', 'push_out_of_order'];
  const clean = counts.every((k) => figures![k] === 0) && figures.readmodels_equal_rebuild === true;
  process.exit(clean ? 0 : 1);
}

void main();
