/**
 * Exports above the threshold run as background jobs (issue 6, D11): 202 with the job, polled
 * to done and downloaded; owner only; at most EXPORT_MAX_CONCURRENT_JOBS_PER_USER open jobs; a
 * job whose worker went away (killed mid-job: its lease ran out) is run again from the start or
 * failed with the reason, and never serves a truncated file; files expire; a shutdown mid-job
 * gives the job back to the queue.
 */
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ExportWorker } from '../../projections/search/export/export-worker';
import { JOBCENTRE } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { Actors, actorsOf, approvedGrant, draftGrant } from './grants.e2e-support';
import { XLSX, getBinary, idsOf, listItems, readWorkbook } from './search-export.e2e-support';

interface Job { id: string; status: string; rowsWritten: number; rowsTotal: number; attempts: number; error: string | null; links: { self: string; download?: string } }

async function seedGrants(t: TestApp, a: Actors): Promise<void> {
  const wage = (await approvedGrant(t, a, { hoursPerWeek: 30 })).id;
  for (const hoursPerWeek of [10, 20, 25]) await draftGrant(t, a.caseworker, { hoursPerWeek });
  await t.http.post('/api/supplementary-grants').set('Authorization', a.caseworker).send({ parentGrantId: wage, type: 'mentor', justification: 'Behov' }).expect(201);
  await t.settle();
}

describe('Excel export jobs above the threshold (issue 6, D11)', () => {
  let t: TestApp;
  let a: Actors;
  const jobOf = async (path: string, who = a.caseworker): Promise<Job> => (await t.http.get(path).set('Authorization', who).expect(200)).body;
  const until = async (path: string, statuses: string[], who = a.caseworker): Promise<Job> => {
    for (let i = 0; i < 400; i++) {
      const job = await jobOf(path, who);
      if (statuses.includes(job.status)) return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`job ${path} never became ${statuses.join(' or ')}`);
  };

  beforeAll(async () => {
    t = await createTestApp({ EXPORT_STREAM_MAX_ROWS: '2', EXPORT_JOB_POLL_MS: '50' });
    a = await actorsOf(t);
    await seedGrants(t, a);
  });
  afterAll(() => t.close());

  it('D11 above the threshold: 202 with Location and the job; polled to done with its progress; the file holds the list', async () => {
    const res = await t.http.get('/api/search/grants/export?sort=hoursPerWeek&order=desc').set('Authorization', a.caseworker).expect(202);
    expect(res.headers.location).toMatch(/^\/api\/exports\/[0-9a-f-]{36}$/);
    expect(res.body).toMatchObject({ list: 'grants', listTitle: 'Bevillinger', status: 'queued', rowsWritten: 0, rowsTotal: 5, error: null, links: { self: res.headers.location } });
    expect(res.body.links.download).toBeUndefined();
    const done = await until(res.headers.location, ['done', 'failed']);
    expect(done).toMatchObject({ status: 'done', rowsWritten: 5, rowsTotal: 5, attempts: 1, error: null, links: { download: `${res.headers.location}/file` } });
    const file = await getBinary(t, done.links.download!, a.caseworker).expect(200);
    expect(file.headers['content-type']).toBe(XLSX);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="Bevillinger \d{4}-\d{2}-\d{2}\.xlsx"/);
    const [grants, supplementary] = await readWorkbook(file.body);
    const items = await listItems(t, 'grants', a.caseworker, 'sort=hoursPerWeek&order=desc');
    expect(idsOf(grants)).toEqual(items.filter((i) => i.caseType === 'grant').map((i) => i.id));
    expect(idsOf(supplementary)).toEqual(items.filter((i) => i.caseType === 'supplementary-grant').map((i) => i.id));
  });

  it("a job is its owner's: another user of the same job centre gets a 404 for it and its file; a bad id is a 400 naming it", async () => {
    const { headers } = await t.http.get('/api/search/grants/export').set('Authorization', a.caseworker).expect(202);
    await until(headers.location, ['done']);
    const colleague = `Bearer ${await t.token('jobcentre', JOBCENTRE, 'another-caseworker')}`;
    expect((await t.http.get(headers.location).set('Authorization', colleague).expect(404)).body.status).toBe(404);
    expect((await t.http.get(`${headers.location}/file`).set('Authorization', colleague).expect(404)).body.status).toBe(404);
    expect((await t.http.get('/api/exports/not-a-uuid').set('Authorization', a.caseworker).expect(400)).body).toMatchObject({ field: 'id', rule: 'export-job-id-format' });
  });

  it('at or below the threshold the same export streams straight back (200)', async () => {
    const res = await getBinary(t, '/api/search/grants/export?supplementaryGrantType=mentor', a.caseworker).expect(200);
    const [grants, supplementary] = await readWorkbook(res.body);
    expect([grants.rows.length, supplementary.rows.length]).toEqual([0, 1]);
  });
});

describe('Export jobs: limits, a killed worker, failures, expiry and shutdown (issue 6, D11)', () => {
  let t: TestApp;
  let a: Actors;
  let db: DataSource;
  let worker: ExportWorker;
  const queue = async (who = a.caseworker, query = '') => {
    const res = await t.http.get(`/api/search/grants/export${query}`).set('Authorization', who).expect(202);
    return res.body as Job;
  };
  const job = async (id: string, who = a.caseworker): Promise<Job> => (await t.http.get(`/api/exports/${id}`).set('Authorization', who).expect(200)).body;
  const file = (id: string, who = a.caseworker) => getBinary(t, `/api/exports/${id}/file`, who);
  /** The problem+json a download that serves no file answers. */
  const noFile = async (id: string, status: number) => (await t.http.get(`/api/exports/${id}/file`).set('Authorization', a.caseworker).expect(status)).body;
  const chunksOf = async (fileKey: string) => (await db.query(`SELECT count(*)::int AS n FROM export_file_chunks WHERE file_key = $1`, [fileKey]))[0].n as number;
  /** What a worker killed mid-job leaves: the job 'running' on attempt `attempts` with a lease that ran out, and part of a file. */
  const killedMidJob = async (id: string, attempts: number) => {
    const runId = '00000000-0000-7000-8000-00000000dead';
    await db.query(
      `UPDATE export_jobs SET status = 'running', attempts = $2, run_id = $3, lease_until = now() - interval '1 minute', started_at = now() - interval '2 minutes', rows_written = 2 WHERE id = $1`,
      [id, attempts, runId],
    );
    await db.query(`INSERT INTO export_file_chunks (file_key, seq, content) VALUES ($1, 0, $2)`, [runId, Buffer.from('PK\u0003\u0004 a truncated zip')]);
    return runId;
  };

  beforeAll(async () => {
    // No worker in this process: the tests run it (runOnce) when they want it to.
    t = await createTestApp({ EXPORT_STREAM_MAX_ROWS: '0', EXPORT_JOB_POLL_MS: '0', EXPORT_SWEEP_INTERVAL_MS: '0', EXPORT_MAX_CONCURRENT_JOBS_PER_USER: '2', EXPORT_JOB_MAX_ATTEMPTS: '3' });
    a = await actorsOf(t);
    db = t.app.get(DataSource);
    worker = t.app.get(ExportWorker);
    await seedGrants(t, a);
  });
  afterAll(() => t.close());

  it('EXPORT_MAX_CONCURRENT_JOBS_PER_USER: a third open job of one user is a 409 naming the rule and the open jobs; another user may still queue', async () => {
    const first = await queue();
    const second = await queue();
    const refused = await t.http.get('/api/search/grants/export').set('Authorization', a.caseworker).expect(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 409, rule: 'EXPORT_MAX_CONCURRENT_JOBS_PER_USER', limit: 2, openJobs: [first.links.self, second.links.self] });
    const other = await queue(a.company);
    expect(other.status).toBe('queued');
    expect(await noFile(first.id, 409)).toMatchObject({ rule: 'export-not-ready', field: 'id', status: 409 });
    await worker.runOnce();
    await worker.runOnce();
    for (const j of [first, second]) expect(await job(j.id)).toMatchObject({ status: 'done', rowsWritten: 5, attempts: 1 });
    expect((await job(other.id, a.company)).status).toBe('done');
    expect((await queue()).status).toBe('queued'); // room again
    await worker.runOnce();
  });

  it('D11 killed mid-job: the job is running with a partial file that is never served; a worker later runs it again from the start and serves the whole file', async () => {
    const queued = await queue();
    const deadRun = await killedMidJob(queued.id, 1);
    expect(await job(queued.id)).toMatchObject({ status: 'running', rowsWritten: 2, links: { self: queued.links.self } });
    expect((await job(queued.id)).links.download).toBeUndefined();
    expect(await noFile(queued.id, 409)).toMatchObject({ rule: 'export-not-ready' });
    await worker.runOnce();
    expect(await job(queued.id)).toMatchObject({ status: 'done', attempts: 2, rowsWritten: 5, rowsTotal: 5, error: null });
    expect(await chunksOf(deadRun)).toBe(0);
    const [grants, supplementary] = await readWorkbook((await file(queued.id).expect(200)).body);
    const items = await listItems(t, 'grants', a.caseworker);
    expect([...idsOf(grants), ...idsOf(supplementary)].sort()).toEqual(items.map((i) => i.id).sort());
  });

  it('D11 killed on its last attempt: the job is failed with the reason, its partial file deleted, and its download a 409', async () => {
    const queued = await queue();
    const deadRun = await killedMidJob(queued.id, 3);
    await worker.runOnce();
    const failed = await job(queued.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed.error).toContain('Its worker stopped (the process restarted or crashed) during attempt 3 of 3');
    expect(failed.links.download).toBeUndefined();
    expect(await noFile(queued.id, 409)).toMatchObject({ rule: 'export-failed', error: failed.error });
    expect(await chunksOf(deadRun)).toBe(0);
  });

  it('a job that cannot run fails at once and says why (a list that no longer exists)', async () => {
    const queued = await queue();
    await db.query(`UPDATE export_jobs SET list_id = 'retired-list' WHERE id = $1`, [queued.id]);
    await worker.runOnce();
    expect(await job(queued.id)).toMatchObject({ status: 'failed', attempts: 1, error: "No search list 'retired-list'" });
    expect((await noFile(queued.id, 409)).rule).toBe('export-failed');
  });

  it('EXPORT_FILE_TTL_MS: after its expiry the sweep deletes the file; the job says expired and the download is a 404', async () => {
    const queued = await queue();
    await worker.runOnce();
    const [{ file_key: fileKey, expires_at: expiresAt }] = await db.query(`SELECT file_key, expires_at FROM export_jobs WHERE id = $1`, [queued.id]);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(await chunksOf(fileKey)).toBeGreaterThan(0);
    expect(await worker.sweep(new Date(expiresAt.getTime() - 1000))).toMatchObject({ expired: 0 });
    expect((await job(queued.id)).status).toBe('done');
    expect((await worker.sweep(new Date(expiresAt.getTime() + 1000))).expired).toBeGreaterThanOrEqual(1);
    expect(await job(queued.id)).toMatchObject({ status: 'expired', links: { self: queued.links.self } });
    expect(await noFile(queued.id, 404)).toMatchObject({ rule: 'export-expired', field: 'id' });
    expect(await chunksOf(fileKey)).toBe(0);
  });

  it('a shutdown mid-job gives the job back to the queue without using up an attempt; another process finishes it', async () => {
    let queuedId = '';
    const other = await createTestApp({ EXPORT_JOB_POLL_MS: '20', EXPORT_SWEEP_INTERVAL_MS: '0' }, { databaseUrl: t.config.databaseUrl!, referenceData: false });
    let closing: Promise<void> | undefined;
    const locker = new Client({ connectionString: t.config.databaseUrl! });
    await locker.connect();
    try {
      // Hold the citizens' names (the rows select them; the count does not), so the other process's run is stuck mid-job.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE citizens IN ACCESS EXCLUSIVE MODE');
      const queued0 = await queue();
      for (let i = 0; i < 200 && (await job(queued0.id)).status !== 'running'; i++) await new Promise((r) => setTimeout(r, 25));
      expect((await job(queued0.id)).status).toBe('running');
      closing = other.close();
      await new Promise((r) => setTimeout(r, 100));
      await locker.query('ROLLBACK');
      await closing;
      queuedId = queued0.id;
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
      await (closing ?? other.close());
    }
    const queued = { id: queuedId };
    expect(await job(queued.id)).toMatchObject({ status: 'queued', attempts: 0, rowsWritten: 0 });
    expect((await noFile(queued.id, 409)).rule).toBe('export-not-ready');
    expect((await db.query(`SELECT count(*)::int AS n FROM export_file_chunks c JOIN export_jobs j ON j.run_id::text = c.file_key WHERE j.id = $1`, [queued.id]))[0].n).toBe(0);
    await worker.runOnce();
    expect(await job(queued.id)).toMatchObject({ status: 'done', attempts: 1, rowsWritten: 5 });
  });
});
