/**
 * The export worker (issue 6, D11): in every process (EXPORT_JOB_POLL_MS; 0: none), it claims
 * queued jobs, at most EXPORT_WORKER_CONCURRENCY at once, and writes each file from the start
 * into chunks of its own run. The job's lease is renewed while it runs; a job whose worker went
 * away (crash, kill) is found with its lease run out and run again from the start, up to
 * EXPORT_JOB_MAX_ATTEMPTS, then failed with the reason. Only a finished run's file is ever served.
 * On shutdown, running jobs stop and go back to the queue without losing an attempt.
 */
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../../../src/platform/clock/clock';
import { APP_CONFIG, AppConfig } from '../../../src/platform/config/config';
import { FailureBackoff } from '../../../src/platform/background/failure-backoff';
import { ProblemError } from '../../../src/platform/http/problems';
import { searchListById } from '../engine/search-lists';
import { ExportFileWriter, deleteExportFile } from './export-file-store';
import { ExportJob, claimJob, completeJob, endRun, failAbandoned, renewLease, sweepExpired } from './export-jobs';
import { writeExport } from './write-export';

/** Progress is recorded at least every this many rows, and on every lease renewal. */
export const PROGRESS_EVERY_ROWS = 5000;

class LeaseLost extends Error {
  constructor() {
    super('the job was taken over by another worker (its lease ran out)');
  }
}

class ShuttingDown extends Error {
  constructor() {
    super('the process shut down while the job ran; it was queued again');
  }
}

@Injectable()
export class ExportWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ExportWorker');
  private readonly config: AppConfig['exports'];
  private readonly active = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private pollTimer?: NodeJS.Timeout;
  private sweepTimer?: NodeJS.Timeout;
  private ticking?: Promise<unknown>;
  private stopped = false;
  // A failing poll or sweep (the database is down) logs once and backs off, not every interval.
  private readonly pollBackoff: FailureBackoff;
  private readonly sweepBackoff: FailureBackoff;

  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.config = config.exports;
    this.pollBackoff = new FailureBackoff(this.logger, { worker: 'export-poll' }, { baseMs: this.config.pollIntervalMs });
    this.sweepBackoff = new FailureBackoff(this.logger, { worker: 'export-sweep' }, { baseMs: this.config.sweepIntervalMs });
  }

  onApplicationBootstrap(): void {
    if (this.config.pollIntervalMs > 0) this.schedule(0);
    if (this.config.sweepIntervalMs > 0) this.scheduleSweep();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.pollTimer);
    clearTimeout(this.sweepTimer);
    await this.ticking;
    for (const run of this.active.values()) run.abort.abort(new ShuttingDown());
    await Promise.all([...this.active.values()].map((r) => r.done));
  }

  /** A job was queued: look for it now rather than at the next poll. */
  kick(): void {
    if (this.config.pollIntervalMs > 0 && !this.stopped) this.schedule(0);
  }

  /** One pass: fails abandoned jobs, claims what this process has room for and waits until those runs end. */
  async runOnce(): Promise<void> {
    await Promise.all(await this.claimAvailable());
  }

  sweep(now: Date = this.clock.now()) {
    return sweepExpired(this.db, now);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => {
      if (this.stopped || this.ticking) return;
      this.ticking = this.claimAvailable()
        .then(
          () => {
            this.pollBackoff.succeeded();
            return this.config.pollIntervalMs;
          },
          (error) => this.pollBackoff.failed(error),
        )
        .then((delayMs) => {
          this.ticking = undefined;
          if (!this.stopped) this.schedule(delayMs);
        });
    }, delayMs);
  }

  private scheduleSweep(delayMs = this.config.sweepIntervalMs): void {
    this.sweepTimer = setTimeout(() => {
      this.sweep()
        .then(
          () => {
            this.sweepBackoff.succeeded();
            return this.config.sweepIntervalMs;
          },
          (error) => this.sweepBackoff.failed(error),
        )
        .then((next) => this.stopped || this.scheduleSweep(next));
    }, delayMs);
  }

  private async claimAvailable(): Promise<Promise<void>[]> {
    const { leaseMs, jobMaxAttempts } = this.config;
    for (const fileKey of await failAbandoned(this.db, this.clock.now(), jobMaxAttempts)) await deleteExportFile(this.db, fileKey);
    const runs: Promise<void>[] = [];
    while (!this.stopped && this.active.size < this.config.workerConcurrency) {
      const claimed = await claimJob(this.db, this.clock.now(), leaseMs, jobMaxAttempts);
      if (!claimed) break;
      const abort = new AbortController();
      const done = this.run(claimed.job, claimed.previousRunId, abort).finally(() => {
        this.active.delete(claimed.job.id);
        this.kick();
      });
      this.active.set(claimed.job.id, { abort, done });
      runs.push(done);
    }
    return runs;
  }

  private async run(job: ExportJob, previousRunId: string | null, abort: AbortController): Promise<void> {
    const runId = job.runId!;
    const { leaseMs, fileTtlMs, jobMaxAttempts } = this.config;
    let written = 0;
    let recorded = 0;
    let total: number | undefined;
    // Lease renewals and progress go one at a time; a renewal that finds the job gone stops the run.
    let renewal: Promise<void> = Promise.resolve();
    const renew = () =>
      (renewal = renewal.then(async () => {
        if (abort.signal.aborted) return;
        const held = await renewLease(this.db, job.id, runId, { rowsWritten: written, rowsTotal: total }, this.clock.now(), leaseMs);
        recorded = written;
        if (!held) abort.abort(new LeaseLost());
      }));
    const heartbeat = setInterval(() => void renew().catch((error) => this.logger.warn({ job: job.id, err: String(error) }, 'export lease renewal failed')), Math.max(50, Math.floor(leaseMs / 3)));
    const sink = new ExportFileWriter(this.db, runId);
    try {
      if (previousRunId) await deleteExportFile(this.db, previousRunId);
      const list = searchListById(job.listId);
      if (!list) throw new ProblemError('not-found', `No search list '${job.listId}'`, 'not-found', 'list');
      const result = await writeExport(this.db, { list, principal: job.principal, query: job.query, today: job.today }, () => sink, {
        signal: abort.signal,
        onTotal: (rowsTotal) => {
          total = rowsTotal;
          return renew();
        },
        onBatch: (rows) => {
          written = rows;
          return written - recorded >= PROGRESS_EVERY_ROWS ? renew() : undefined;
        },
      });
      clearInterval(heartbeat);
      await renewal;
      if (abort.signal.aborted) throw abort.signal.reason;
      const completed = await completeJob(this.db, job.id, runId, { rows: result.rows, bytes: sink.bytes, chunks: sink.chunks }, this.clock.now(), fileTtlMs);
      if (!completed) throw new LeaseLost();
      this.logger.log({ job: job.id, list: job.listId, rows: result.rows, bytes: sink.bytes }, 'export job done');
    } catch (caught) {
      clearInterval(heartbeat);
      await renewal.catch(() => undefined);
      const error = abort.signal.aborted ? abort.signal.reason : caught;
      await deleteExportFile(this.db, runId).catch(() => undefined);
      if (error instanceof LeaseLost) return; // another worker runs the job now
      const reason = error instanceof Error ? error.message : String(error);
      // A refused plan (the list, the role, the query) fails the same way every time.
      const retry = !(error instanceof ProblemError && error.kind !== 'unavailable');
      await endRun(this.db, job.id, runId, { error: reason, retry, refund: error instanceof ShuttingDown }, this.clock.now(), jobMaxAttempts).catch((e) =>
        this.logger.error({ job: job.id, err: String(e) }, 'could not record the end of an export run'),
      );
      if (!(error instanceof ShuttingDown)) this.logger.warn({ job: job.id, attempt: job.attempts, of: jobMaxAttempts, err: reason }, 'export job run failed');
    } finally {
      clearInterval(heartbeat);
    }
  }
}
