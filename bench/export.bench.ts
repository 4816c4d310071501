/**
 * npm run bench:export: an Excel export of 100,000 grants with their supplementary grants
 * ('Bevillinger', R21: two sheets) run as a background job would run it (issue 6, D11): the job
 * is queued, the export worker claims it, writes the .xlsx from the cursors into the file store,
 * and the file is then read back to disk and checked. The worker runs in a Node process of its own
 * on the compiled code, as `npm start` runs the app (this script's TypeScript loader alone takes
 * about 80 MB); its peak RSS is sampled every 10 ms. Prints rows/s, the seconds per 100,000 rows and
 * that peak RSS as the last stdout line. Targets: 100,000 rows in ≤ 10 s, peak RSS ≤ 256 MB.
 */
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stream as excelStream } from 'exceljs';
import { DataSource } from 'typeorm';
import { findJob, queueJob } from '../projections/search/export/export-jobs';
import { readExportFile } from '../projections/search/export/export-file-store';
import { ensureTable } from '../projections/runner/apply-batch';
import { searchProjection } from '../projections/search/search.projection';
import { danishDate } from '../src/platform/clock/dates';
import { runMigrations } from '../src/platform/database/migrate';
import { log, round, runBench } from './support';

const GRANTS = Number(process.env.BENCH_GRANTS ?? 100_000);
/** Every other grant has a supplementary grant. */
const SUPPLEMENTARY = Math.floor(GRANTS / 2);
const CITIZENS = 20_000;

async function seed(db: DataSource): Promise<void> {
  await ensureTable(db.manager, searchProjection, 'search_cases');
  await db.query(
    `INSERT INTO citizens (cpr, first_name, last_name)
     SELECT lpad((i * 7919 % 10000000000)::text, 10, '0'), (ARRAY['Mette','Søren','Anne','Lars','Kirsten','Jens'])[1 + i % 6], (ARRAY['Jensen','Nielsen','Ærø','Østergaard','Møller'])[1 + i % 5]
     FROM generate_series(1, $1) i`,
    [CITIZENS],
  );
  // Grants of job centre 101 across the schemes and statuses, each with a citizen, a period and weekly hours.
  await db.query(
    `INSERT INTO search_cases (case_id, case_type, scheme, status, jobcentre, company_cvr, p_number, citizen_cpr, hours_per_week, period_start, period_end,
                               approved_date, created_at, responsible_caseworker, revision, updated_at)
     SELECT 'grant-' || lpad(i::text, 7, '0'), 'grant',
            (ARRAY['wage-subsidy','company-placement','public-benefit-work','flex-job','adult-apprentice'])[1 + i % 5],
            (ARRAY['active','drafted','awaiting-company','terminated','closed'])[1 + i % 5],
            '101', lpad((10000000 + i % 5000)::text, 8, '0'), lpad((1000000000 + i % 8000)::text, 10, '0'),
            lpad(((1 + i % $2) * 7919 % 10000000000)::text, 10, '0'), 10 + i % 28,
            date '2025-01-01' + i % 700, date '2025-07-01' + i % 700, date '2024-12-15' + i % 700,
            timestamptz '2025-01-01 08:00Z' + i * interval '5 minutes', CASE WHEN i % 3 = 0 THEN 'cw-' || i % 40 END, 3, now()
     FROM generate_series(1, $1) i`,
    [GRANTS, CITIZENS],
  );
  await db.query(
    `INSERT INTO search_cases (case_id, case_type, scheme, supplementary_grant_type, parent_grant_id, status, jobcentre, company_cvr, p_number, citizen_cpr, created_at, revision, updated_at)
     SELECT 'supp-' || lpad(i::text, 7, '0'), 'supplementary-grant', g.scheme, (ARRAY['mentor','assistive-aids'])[1 + i % 2], g.case_id, 'active',
            g.jobcentre, g.company_cvr, g.p_number, g.citizen_cpr, g.created_at + interval '1 day', 2, now()
     FROM generate_series(1, $1) i JOIN search_cases g ON g.case_id = 'grant-' || lpad((i * 2)::text, 7, '0')`,
    [SUPPLEMENTARY],
  );
  await db.query('ANALYZE search_cases; ANALYZE citizens');
}

const ROOT = path.resolve(__dirname, '..');

/** The app's code compiled as `npm run build` compiles it, into `outDir`. */
function compile(outDir: string): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir, '--sourceMap', 'false'], { cwd: ROOT, stdio: 'inherit' });
}

/** The worker process: one pass of the export worker over the queued job, timed, its RSS sampled. */
const WORKER = `
require('reflect-metadata');
require('@nestjs/common').Logger.overrideLogger(false);
const { DataSource } = require('typeorm');
const dist = process.env.BENCH_DIST;
const { ExportWorker } = require(dist + '/projections/search/export/export-worker');
const { systemClock } = require(dist + '/src/platform/clock/clock');
const { loadConfig } = require(dist + '/src/platform/config/config');
(async () => {
  const db = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 10 }, logging: false }).initialize();
  const worker = new ExportWorker(db, systemClock, loadConfig({ EXPORT_JOB_POLL_MS: '0', EXPORT_SWEEP_INTERVAL_MS: '0' }));
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t0 = performance.now();
  await worker.runOnce();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await db.destroy();
  process.stdout.write('\\n' + JSON.stringify({ seconds, peakRss: peak, baselineRss: baseline }) + '\\n');
})().catch((e) => { console.error(e); process.exit(1); });
`;

function runWorker(url: string, dist: string): Promise<{ seconds: number; peakRss: number; baselineRss: number }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', WORKER], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, BENCH_DIST: dist, NODE_PATH: path.join(ROOT, 'node_modules') } }, (error, stdout, stderr) => {
      if (stderr) process.stderr.write(stderr);
      if (error) return reject(error);
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)!));
    });
  });
}

/** Counts the data rows of each sheet with exceljs's streaming reader (the file is checked, not trusted). */
async function countRows(file: string): Promise<number[]> {
  const counts: number[] = [];
  for await (const sheet of new excelStream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'ignore', styles: 'ignore', hyperlinks: 'ignore' })) {
    let n = 0;
    for await (const _row of sheet) n++;
    counts.push(n - 1);
  }
  return counts;
}

runBench('export', async (url) => {
  await runMigrations(url);
  const db = await new DataSource({ type: 'postgres', url, extra: { max: 10 }, logging: false }).initialize();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-bench-export-'));
  try {
    log(`seeding ${GRANTS} grants and ${SUPPLEMENTARY} supplementary grants into search_cases`);
    await seed(db);
    const dist = path.join(outDir, 'dist');
    log('compiling the app as npm run build does');
    compile(dist);
    const principal = { userId: 'bench-caseworker', role: 'jobcentre' as const, org: '101' };
    const rows = GRANTS + SUPPLEMENTARY;
    const job = await queueJob(db, { principal, listId: 'grants', query: {}, today: danishDate(new Date()), rowsTotal: rows }, new Date(), 2);
    log(`running export job ${job.id} in a worker process`);
    const run = await runWorker(url, dist);
    const seconds = run.seconds;
    const done = await findJob(db, job.id);
    if (done?.status !== 'done') throw new Error(`the job ended ${done?.status}: ${done?.error}`);
    const file = path.join(outDir, 'Bevillinger.xlsx');
    const out = fs.createWriteStream(file);
    for await (const chunk of readExportFile(db, done.fileKey!, done.fileChunks!)) if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    await new Promise<void>((r) => out.end(() => r()));
    const peakRss = run.peakRss;
    const counts = await countRows(file);
    log(`job ${done.rowsWritten} rows in ${seconds.toFixed(2)} s, file ${(done.fileBytes! / 1_048_576).toFixed(1)} MiB in ${done.fileChunks} chunks, sheets ${counts.join(' + ')} rows, worker peak RSS ${(peakRss / 1_048_576).toFixed(0)} MB (${(run.baselineRss / 1_048_576).toFixed(0)} MB before the job)`);
    if (done.rowsWritten !== rows || counts[0] !== GRANTS || counts[1] !== SUPPLEMENTARY) throw new Error(`expected ${GRANTS} + ${SUPPLEMENTARY} rows, got ${counts.join(' + ')}`);
    return {
      rows_per_s: round(rows / seconds, 0),
      seconds_100k: round((seconds * 100_000) / rows, 2),
      peak_rss_mb: round(peakRss / 1_048_576, 1),
      rows,
      seconds: round(seconds, 2),
      file_mb: round(done.fileBytes! / 1_048_576, 2),
    };
  } finally {
    await db.destroy();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
});
