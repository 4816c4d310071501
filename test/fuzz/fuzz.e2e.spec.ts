/**
 * The fuzz suite (issue 10) at CI size: a few thousand requests from a fixed seed against the
 * real app on a real PostgreSQL, from the served OpenAPI document, with every role's token and
 * none. Never a 5xx; afterwards /health up, every projection caught up, every DFDG message
 * complete. A failure lists the distinct failing requests, the app's error and the seed.
 * Longer runs: FUZZ_SEED=… FUZZ_REQUESTS=… FUZZ_BUDGET_MS=… npx jest test/fuzz, or `npm run fuzz`
 * (scripts/fuzz.ts: its own app on a throw-away database, or a running one with --url).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createTestApp, TestApp } from '../support/test-app';
import { AppErrors, captureAppErrors } from './app-errors';
import { FuzzReport, runFuzz } from './engine';
import { FUZZ_APP_ENV } from './own-app';
import { formatDfdg, formatFailures, formatHealth, summaryLine } from './report';

const SEED = Number(process.env.FUZZ_SEED ?? 20261210);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 4000);
/** Sending stops after this long whatever the count, so the suite fails on findings, never on a timeout. */
const SEND_BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 45_000);
const REPRODUCE = `reproduce: FUZZ_SEED=${SEED} FUZZ_REQUESTS=${REQUESTS} npx jest test/fuzz --runInBand`;

describe(`fuzzing every operation of the OpenAPI document (seed ${SEED})`, () => {
  let t: TestApp;
  let report: FuzzReport;
  let appErrors: AppErrors | undefined;

  beforeAll(async () => {
    // Subscriptions push to the discard port on loopback (PUSH_ALLOWED_HOSTS lets them be
    // created at all); delivery itself would only retry there, so the push worker is off.
    t = await createTestApp(FUZZ_APP_ENV);
    const server = t.app.getHttpServer() as Server;
    appErrors = captureAppErrors(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    report = await runFuzz({
      baseUrl: `http://127.0.0.1:${port}`,
      requests: REQUESTS,
      seed: SEED,
      concurrency: 4,
      bodyLimitBytes: t.config.bodyLimitBytes,
      token: (role, org) => t.token(role, org),
      appErrorFor: (id) => appErrors?.get(id),
      stopAt: Date.now() + SEND_BUDGET_MS,
    });
    await t.settle(20_000).catch(() => undefined); // the health test below says what did not settle
    // The seed and the counts, always; the coverage per operation on demand.
    process.stderr.write(`fuzz seed ${SEED}: ${summaryLine(report)}\n`);
    if (process.env.FUZZ_VERBOSE) process.stderr.write(`${JSON.stringify(report.coverage, null, 1)}\n${formatFailures(report, 200)}\n`);
  }, SEND_BUDGET_MS + 60_000);
  afterAll(async () => {
    appErrors?.restore();
    await t?.close();
  });

  it('sends the requests it was asked for and reaches the deciders (cases are created and acted on)', () => {
    const ok = (op: string) => Object.entries(report.coverage[op] ?? {}).some(([status]) => status.startsWith('2'));
    expect(report.requests).toBeGreaterThanOrEqual(Math.min(REQUESTS, 1000));
    const created = ['applications', 'grants', 'offers', 'igu-agreements', 'supplementary-grants'].filter((c) => ok(`POST /api/${c}`));
    expect(created).toEqual(['applications', 'grants', 'offers', 'igu-agreements', 'supplementary-grants']);
    const actedOn = Object.keys(report.coverage).filter((op) => /^POST .*\{id\}\//.test(op) && ok(op));
    expect(actedOn.length).toBeGreaterThanOrEqual(10);
  });

  it('never answers 5xx', () => {
    if (report.s5xx > 0) {
      throw new Error(`${report.s5xx} answers were 5xx (${report.failures.length} distinct). ${REPRODUCE}\n${formatFailures(report)}`);
    }
    expect(report.failures).toEqual([]);
  });

  it('leaves /health up and every projection caught up', async () => {
    if (report.health.stalled.length) throw new Error(`stalled projections after the run:\n${formatHealth(report)}\n${REPRODUCE}`);
    const health = await t.http.get('/health');
    expect({ status: health.status, up: health.body.status }).toEqual({ status: 200, up: 'up' });
  });

  it('publishes no DFDG message that lacks a required field, with no gap in any feed', () => {
    if (report.dfdg.invalid.length || report.dfdg.feedProblems.length) throw new Error(`DFDG feeds:\n${formatDfdg(report)}\n${REPRODUCE}`);
    expect(report.dfdg.messages).toBeGreaterThan(0);
  });
});
