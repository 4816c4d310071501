/**
 * The export jobs (issue 6, D11) in `export_jobs`. Each statement is its own transaction. A job
 * is claimed with FOR UPDATE SKIP LOCKED and held by a lease its worker renews; every write of a
 * run names the run's id, so a worker that lost its job (its lease ran out and another worker
 * took it over) can no longer change it. Only a finished run makes its file the job's file.
 */
import { DataSource } from 'typeorm';
import { Principal } from '../../../src/platform/auth/principal';
import { uuidv7 } from '../../../src/platform/events/uuidv7';
import { ProblemError } from '../../../src/platform/http/problems';
import { SearchQuery } from '../engine/search-engine';

export type ExportJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'expired';

export interface ExportJob {
  id: string;
  principal: Principal;
  listId: string;
  query: SearchQuery;
  today: string;
  status: ExportJobStatus;
  rowsTotal: number;
  rowsWritten: number;
  error: string | null;
  attempts: number;
  runId: string | null;
  fileKey: string | null;
  fileBytes: number | null;
  fileChunks: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  expiresAt: Date | null;
}

interface JobRow {
  id: string;
  principal: Principal;
  list_id: string;
  query: SearchQuery;
  today: string;
  status: ExportJobStatus;
  rows_total: number;
  rows_written: number;
  error: string | null;
  attempts: number;
  run_id: string | null;
  file_key: string | null;
  file_bytes: string | null;
  file_chunks: number | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  expires_at: Date | null;
}

const FIELDS = ['id', 'principal', 'list_id', 'query', 'status', 'rows_total', 'rows_written', 'error', 'attempts', 'run_id', 'file_key', 'file_bytes', 'file_chunks',
  'created_at', 'started_at', 'finished_at', 'expires_at'];
/** The job's columns, of the table aliased `t` if given. */
const columns = (t = '') => [...FIELDS.map((f) => `${t}${f}`), `${t}today::text AS today`].join(', ');
const COLUMNS = columns();

function jobOf(r: JobRow): ExportJob {
  return {
    id: r.id, principal: r.principal, listId: r.list_id, query: r.query, today: r.today, status: r.status, rowsTotal: r.rows_total, rowsWritten: r.rows_written,
    error: r.error, attempts: r.attempts, runId: r.run_id, fileKey: r.file_key, fileBytes: r.file_bytes === null ? null : Number(r.file_bytes), fileChunks: r.file_chunks,
    createdAt: r.created_at, startedAt: r.started_at, finishedAt: r.finished_at, expiresAt: r.expires_at,
  };
}

/** The rule a user breaks with one job too many (the configuration variable that sets it). */
export const JOBS_PER_USER_RULE = 'EXPORT_MAX_CONCURRENT_JOBS_PER_USER';

/**
 * Queues a job, unless the user already has `maxOpen` queued or running ones: then a 409 naming
 * the rule and the open jobs. The count and the insert are serialised per user (an advisory lock).
 */
export async function queueJob(
  db: DataSource,
  job: { principal: Principal; listId: string; query: SearchQuery; today: string; rowsTotal: number },
  now: Date,
  maxOpen: number,
): Promise<ExportJob> {
  return db.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`export-jobs:${job.principal.userId}`]);
    const open: { id: string }[] = await m.query(`SELECT id FROM export_jobs WHERE owner_user_id = $1 AND status IN ('queued', 'running') ORDER BY created_at`, [job.principal.userId]);
    if (open.length >= maxOpen) {
      throw new ProblemError('conflict', `At most ${maxOpen} export jobs per user may be queued or running at once; wait for one of yours to finish`, JOBS_PER_USER_RULE, undefined, {
        limit: maxOpen, openJobs: open.map((j) => `/api/exports/${j.id}`),
      });
    }
    const { principal: p } = job;
    const [row] = await m.query(
      `INSERT INTO export_jobs (id, owner_user_id, owner_role, owner_org, principal, list_id, query, today, rows_total, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [uuidv7(now.getTime()), p.userId, p.role, p.org, JSON.stringify({ userId: p.userId, role: p.role, org: p.org, name: p.name }), job.listId, JSON.stringify(job.query), job.today, job.rowsTotal, now],
    );
    return jobOf(row);
  });
}

/** The job, if it is the caller's (same user, role and organisation); anyone else's is none. */
export async function findOwnJob(db: DataSource, id: string, principal: Principal): Promise<ExportJob | null> {
  const [row] = await db.query(`SELECT ${COLUMNS} FROM export_jobs WHERE id = $1 AND owner_user_id = $2 AND owner_role = $3 AND owner_org = $4`, [
    id, principal.userId, principal.role, principal.org,
  ]);
  return row ? jobOf(row) : null;
}

export async function findJob(db: DataSource, id: string): Promise<ExportJob | null> {
  const [row] = await db.query(`SELECT ${COLUMNS} FROM export_jobs WHERE id = $1`, [id]);
  return row ? jobOf(row) : null;
}

/**
 * Running jobs whose lease ran out (their worker went away) on their last allowed attempt: failed,
 * saying why. Returns the file keys of their unfinished files, to delete.
 */
export async function failAbandoned(db: DataSource, now: Date, maxAttempts: number): Promise<string[]> {
  const [rows]: [{ run_id: string }[], number] = await db.query(
    `UPDATE export_jobs SET status = 'failed', finished_at = $1, lease_until = NULL,
       error = 'Its worker stopped (the process restarted or crashed) during attempt ' || attempts || ' of ' || $2::int || '; not tried again'
     WHERE status = 'running' AND lease_until < $1 AND attempts >= $2
     RETURNING run_id`,
    [now, maxAttempts],
  );
  return rows.map((r) => r.run_id);
}

/**
 * Claims the oldest queued job, or a running one whose worker went away (its lease ran out) with
 * attempts left: a new run from the start. `previousRunId` is the earlier run's unfinished file.
 */
export async function claimJob(db: DataSource, now: Date, leaseMs: number, maxAttempts: number): Promise<{ job: ExportJob; previousRunId: string | null } | null> {
  const [rows]: [(JobRow & { previous_run_id: string | null })[], number] = await db.query(
    `WITH next AS (
       SELECT id, run_id FROM export_jobs
       WHERE status = 'queued' OR (status = 'running' AND lease_until < $1 AND attempts < $3)
       ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
     UPDATE export_jobs j SET status = 'running', attempts = j.attempts + 1, run_id = $4, lease_until = $1::timestamptz + make_interval(secs => $2::double precision / 1000),
       started_at = $1, rows_written = 0, error = NULL
     FROM next WHERE j.id = next.id
     RETURNING ${columns('j.')}, next.run_id AS previous_run_id`,
    [now, leaseMs, maxAttempts, uuidv7(now.getTime())],
  );
  const [row] = rows;
  return row ? { job: jobOf(row), previousRunId: row.previous_run_id } : null;
}

/** Renews the run's lease and records its progress; false when the run no longer holds the job. */
export async function renewLease(db: DataSource, id: string, runId: string, progress: { rowsWritten: number; rowsTotal?: number }, now: Date, leaseMs: number): Promise<boolean> {
  const [, count]: [unknown, number] = await db.query(
    `UPDATE export_jobs SET rows_written = $3, rows_total = COALESCE($4, rows_total), lease_until = $5::timestamptz + make_interval(secs => $6::double precision / 1000)
     WHERE id = $1 AND run_id = $2 AND status = 'running'`,
    [id, runId, progress.rowsWritten, progress.rowsTotal ?? null, now, leaseMs],
  );
  return count === 1;
}

/** The run finished its file: the job is done and names it; false when the run no longer holds the job. */
export async function completeJob(db: DataSource, id: string, runId: string, file: { rows: number; bytes: number; chunks: number }, now: Date, ttlMs: number): Promise<boolean> {
  const [, count]: [unknown, number] = await db.query(
    `UPDATE export_jobs SET status = 'done', rows_written = $3, rows_total = $3, file_key = $2::text, file_bytes = $4, file_chunks = $5, finished_at = $6, lease_until = NULL,
       expires_at = $6::timestamptz + make_interval(secs => $7::double precision / 1000)
     WHERE id = $1 AND run_id = $2 AND status = 'running'`,
    [id, runId, file.rows, file.bytes, file.chunks, now, ttlMs],
  );
  return count === 1;
}

/**
 * The run failed: queued again while attempts are left and the error may pass (`retry`),
 * otherwise failed with the reason. `refund` gives the attempt back (the process was shutting down).
 */
export async function endRun(db: DataSource, id: string, runId: string, outcome: { error: string; retry: boolean; refund?: boolean }, now: Date, maxAttempts: number): Promise<void> {
  await db.query(
    `UPDATE export_jobs SET
       attempts = attempts - CASE WHEN $5::boolean THEN 1 ELSE 0 END,
       status = CASE WHEN $4::boolean AND (attempts - CASE WHEN $5::boolean THEN 1 ELSE 0 END) < $6::int THEN 'queued' ELSE 'failed' END,
       finished_at = CASE WHEN $4::boolean AND (attempts - CASE WHEN $5::boolean THEN 1 ELSE 0 END) < $6::int THEN NULL ELSE $7::timestamptz END,
       error = $3, lease_until = NULL, rows_written = 0
     WHERE id = $1 AND run_id = $2 AND status = 'running'`,
    [id, runId, outcome.error, outcome.retry, outcome.refund ?? false, maxAttempts, now],
  );
}

/**
 * The sweep: done jobs past their expiry become 'expired' and lose their file; then every chunk
 * no running or done job owns (an interrupted run's, a failed job's) is deleted.
 */
export async function sweepExpired(db: DataSource, now: Date): Promise<{ expired: number; orphanChunks: number }> {
  return db.transaction(async (m) => {
    const [expired]: [{ file_key: string }[], number] = await m.query(
      `UPDATE export_jobs j SET status = 'expired', file_key = NULL, file_bytes = NULL, file_chunks = NULL
       FROM (SELECT id, file_key FROM export_jobs WHERE status = 'done' AND expires_at <= $1 FOR UPDATE) old
       WHERE j.id = old.id RETURNING old.file_key`,
      [now],
    );
    if (expired.length) await m.query(`DELETE FROM export_file_chunks WHERE file_key = ANY($1)`, [expired.map((e) => e.file_key)]);
    const [, orphanChunks]: [unknown, number] = await m.query(
      `DELETE FROM export_file_chunks c WHERE NOT EXISTS (
         SELECT 1 FROM export_jobs j WHERE j.run_id::text = c.file_key AND j.status IN ('running', 'done'))`,
    );
    return { expired: expired.length, orphanChunks };
  });
}
