/**
 * npm run bench:commands: realistic command mixes over HTTP against the real app (a child
 * process on the embedded PostgreSQL, durable defaults), driven by keep-alive clients: each
 * client carries an application through draft → company signs → representative signs (LT) →
 * approval, then a grant on it through draft → send for approval → company approves → extend
 * or review → terminate with a valid reason of the registry; about half the commands are on grants.
 * Prints commands/s and p50/p99 latency; every answer must be a 2xx.
 */
import { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { mintDevToken } from '../src/platform/auth/dev-keys';
import { danishDate } from '../src/platform/clock/dates';
import { cessationReasonsFor } from '../src/registries/cessation-reasons';
import { Scheme } from '../src/registries/schemes';
import { startAppProcess } from './app-process';
import { freePort, log, percentile, round, runBench } from './support';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 20_000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 3_000);
/** A directory: the app process writes a V8 CPU profile there when it exits (open it in Chrome DevTools). */
const APP_CPU_PROF = process.env.BENCH_APP_CPU_PROF;

function request(agent: http.Agent, port: number, method: string, url: string, token: string, body?: unknown): Promise<{ status: number; json: any }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, agent, headers: { Authorization: `Bearer ${token}`, ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, json: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function startApp(url: string, dataDir: string, port: number): Promise<ChildProcess> {
  const profile = APP_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(APP_CPU_PROF)}`] : [];
  return startAppProcess({ args: [...profile, '-r', '@swc-node/register', 'src/main.ts'], env: { DATABASE_URL: url, DATA_DIR: dataDir }, port });
}

runBench('commands', async (url) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-bench-commands-'));
  const port = await freePort();
  const app = await startApp(url, dataDir, port);
  try {
    const caseworker = await mintDevToken(dataDir, { role: 'jobcentre', org: '101' });
    const company = await mintDevToken(dataDir, { role: 'company', org: '12345678' });
    const rep = await mintDevToken(dataDir, { role: 'employee-representative', org: '1000000001' });
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    // The company and its P-unit must be known (D23 comes from reference data).
    await request(agent, port, 'PUT', '/api/reference-data/companies', caseworker, [{ cvr: '12345678', name: 'Østergaard Smede ApS' }]);
    await request(agent, port, 'PUT', '/api/reference-data/p-units', caseworker, [{ pNumber: '1000000001', cvr: '12345678', name: 'Østergaard Smede, Aarhus', hasEmployeeRepresentative: true }]);
    const latencies: number[] = [];
    const perCaseType = { applications: [] as number[], grants: [] as number[] };
    let commands = 0;
    let failures = 0;
    const started = Date.now();
    const measureFrom = started + WARMUP_MS;
    const stopAt = measureFrom + DURATION_MS;
    const timed = async (method: string, url: string, token: string, body?: unknown) => {
      const t0 = performance.now();
      const res = await request(agent, port, method, url, token, body);
      const t1 = Date.now();
      if (t1 >= measureFrom && t1 < stopAt) {
        latencies.push(performance.now() - t0);
        (url.startsWith('/api/grants') ? perCaseType.grants : perCaseType.applications).push(performance.now() - t0);
        commands++;
        if (res.status >= 300) failures++;
      }
      if (res.status >= 300) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(res.json)}`);
      return res.json;
    };
    // A grant's period around today (Danish dates), so it is active at once and can be extended and terminated.
    const day = (offset: number) => danishDate(new Date(Date.now() + offset * 86_400_000));
    const reasons = (scheme: Scheme) => cessationReasonsFor(scheme).filter((r) => !r.requiresSubReason);
    const client = async (n: number) => {
      for (let i = 0; Date.now() < stopAt; i++) {
        const scheme: Scheme = i % 3 === 0 ? 'flex-job' : 'wage-subsidy';
        const companyRef = { cvr: '12345678', pNumber: '1000000001' };
        const citizen = { cpr: String(1_000_000_000 + n * 100_000 + i).slice(0, 10) };
        const draft = await timed('POST', '/api/applications', caseworker, { scheme, company: companyRef, citizen });
        await timed('POST', `/api/applications/${draft.id}/sign-as-company`, company, {});
        if (scheme === 'wage-subsidy') await timed('POST', `/api/applications/${draft.id}/sign-as-employee-representative`, rep);
        await timed('POST', `/api/applications/${draft.id}/approve`, caseworker);
        const grant = await timed('POST', '/api/grants', caseworker, {
          scheme, company: companyRef, citizen, applicationId: draft.id, period: { start: day(-30), end: day(180) },
          hoursPerWeek: scheme === 'flex-job' ? 15 : 30, jobContent: 'Lager og forsendelse: modtagelse af varer, pluk og pak',
          ...(scheme === 'flex-job' ? { fleksjob: { permanent: i % 2 === 0, employedInOwnCompany: false } } : {}),
        });
        const path = `/api/grants/${grant.id}`;
        await timed('POST', `${path}/send-for-approval`, caseworker);
        await timed('POST', `${path}/approve-as-company`, company, { method: 'nemid-employee-signature' });
        if (i % 2 === 0) await timed('POST', `${path}/extend`, caseworker, { newEndDate: day(270) });
        else await timed('POST', `${path}/review`, caseworker, { remarks: 'Opfølgning afholdt; forløbet fortsætter' });
        const { reasonId, subReasonId } = reasons(scheme)[i % reasons(scheme).length];
        await timed('POST', `${path}/terminate`, caseworker, { reasonId, subReasonId, effectiveDate: day(0) });
      }
    };
    log(`${CLIENTS} clients, ${WARMUP_MS} ms warm-up, ${DURATION_MS} ms measured`);
    const errors = (await Promise.allSettled(Array.from({ length: CLIENTS }, (_, n) => client(n)))).filter((r) => r.status === 'rejected');
    if (errors.length) log(`first client error: ${(errors[0] as PromiseRejectedResult).reason}`);
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const perSecond = commands / (DURATION_MS / 1000);
    log(`${commands} commands in ${DURATION_MS / 1000} s = ${perSecond.toFixed(0)}/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, failures ${failures}`);
    for (const [caseType, list] of Object.entries(perCaseType)) {
      list.sort((a, b) => a - b);
      log(`  ${caseType}: ${list.length} commands (${((100 * list.length) / Math.max(1, commands)).toFixed(0)} %), p50 ${percentile(list, 50).toFixed(1)} ms, p99 ${percentile(list, 99).toFixed(1)} ms`);
    }
    return { commands_per_s: round(perSecond, 1), p50_ms: round(percentile(latencies, 50), 2), p99_ms: round(percentile(latencies, 99), 2), commands, failures, clients: CLIENTS };
  } finally {
    app.kill('SIGTERM');
    await new Promise((r) => app.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
