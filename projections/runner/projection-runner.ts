import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { Checkpoint, EventStore, ReadAllBatch, RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { EventRegistry } from '../../src/platform/events/event-registry';
import { applyBatch, definitionHash, ensureTable } from './apply-batch';
import { AnyProjection as Projection } from './projection';
import { readCheckpoint, saveCheckpoint } from './checkpoints';
import { FailureChange, FailureTracker, Recovery } from './failure-tracker';
import { locateFailingEvent } from './locate-failing-event';
import { classify, describeEvent, EventFailedError, isUnavailable, ProjectionFailure } from './projection-failure';

export interface RunnerOptions {
  batchSize: number;
  pollIntervalMs: number;
  /** Defaults to the projection's live table and name; a rebuild points them elsewhere. */
  table?: string;
  checkpointName?: string;
  onBatch?: (events: number) => void;
  /** Create the table without its secondary indexes (a rebuild adds them after the bulk load). */
  deferIndexes?: boolean;
  /** Every failed try (metrics count them); logging belongs in onFailing/onRecovered. */
  onError?: (error: unknown) => void;
  /** A failure started, or its event or error changed: once per change, never per retry. */
  onFailing?: (news: FailureChange) => void;
  /** The failure ended: this runner's try succeeded, or another process has taken over and moved on. */
  onRecovered?: (recovery: Recovery & { by: 'this-runner' | 'another-process' }) => void;
  /** Backoff between failed tries: full jitter up to min(max, base · 2^(n−1)); base defaults to the poll interval. */
  retryBaseMs?: number;
  /** Defaults to 30 s. */
  retryMaxMs?: number;
  /** In [0, 1); tests pin it. */
  random?: () => number;
}

const DEFAULT_RETRY_MAX_MS = 30_000;

export interface RunnerStatus {
  name: string;
  leader: boolean;
  running: boolean;
  checkpoint: Checkpoint | null;
  caughtUp: boolean;
  /** The failure's (redacted) error message; `failing` tells the whole story. */
  lastError?: string;
  failing?: ProjectionFailure;
}

const CHECKPOINT_IDLE_SAVE_MS = 5_000;

/** Thrown inside a batch when another process (a rebuild swap) moved the checkpoint. */
class CheckpointMoved extends Error {}

/**
 * Runs one projection: catch up in batches, then follow live appends (woken by the store).
 * Each batch's row changes and the checkpoint commit in one transaction, so a crash never
 * loses or doubles an effect. An advisory lock makes one process the active runner.
 * A batch that fails commits nothing; the runner names the first event that fails on its own
 * (`status().failing`), gives up the lock and retries with capped, jittered backoff.
 */
export class ProjectionRunner {
  readonly table: string;
  readonly checkpointName: string;
  private checkpoint: Checkpoint | null = null;
  /** The checkpoint as last committed; behind `checkpoint` while batches hold none of our events. */
  private storedCheckpoint: Checkpoint | null = null;
  private storedAt = 0;
  private caughtUp = false;
  private leader = false;
  private readonly failures: FailureTracker;
  /** The committed checkpoint when the current failure began: a standby sees others move past it. */
  private failedAt: Checkpoint | null = null;
  private abort?: AbortController;
  private loop?: Promise<void>;
  private lockConnection?: QueryRunner;

  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly registry: EventRegistry,
    readonly projection: Projection,
    private readonly options: RunnerOptions,
  ) {
    this.table = options.table ?? projection.table;
    this.checkpointName = options.checkpointName ?? projection.name;
    const maxMs = options.retryMaxMs ?? DEFAULT_RETRY_MAX_MS;
    this.failures = new FailureTracker({
      baseMs: options.retryBaseMs ?? Math.min(options.pollIntervalMs || 500, maxMs),
      maxMs,
      random: options.random ?? Math.random,
    });
  }

  /** Creates the table and checkpoint row if missing and loads the checkpoint. */
  async prepare(): Promise<void> {
    await this.db.transaction(async (m) => {
      await ensureTable(m, this.projection, this.table, { indexes: !this.options.deferIndexes });
      await m.query(
        `INSERT INTO projection_checkpoints (name, checkpoint, definition_hash) VALUES ($1, NULL, $2) ON CONFLICT (name) DO NOTHING`,
        [this.checkpointName, definitionHash(this.projection)],
      );
    });
    await this.reloadCheckpoint();
  }

  private async reloadCheckpoint(): Promise<void> {
    this.checkpoint = this.storedCheckpoint = (await readCheckpoint(this.db.manager, this.checkpointName, false)).checkpoint;
    this.storedAt = Date.now();
  }

  /** Processes at most one batch; returns the number of events read (0 when caught up). */
  async runOnce(): Promise<number> {
    return this.apply(await this.store.readAll(this.checkpoint, this.options.batchSize));
  }

  /** Commits one batch read after this runner's checkpoint; a moved checkpoint reloads and re-reads. */
  private async apply(batch: ReadAllBatch): Promise<number> {
    if (batch.events.length === 0) {
      this.caughtUp = true;
      return 0;
    }
    let events: RecordedEvent[];
    try {
      events = batch.events.map((e) => this.registry.upcast(e));
      // A batch with none of our events changes no row: skip its transaction (one durable commit
      // per runner per batch adds up). Re-reading such events after a crash is harmless, and the
      // checkpoint is still saved at least every CHECKPOINT_IDLE_SAVE_MS and on stop.
      const mine = events.some((e) => this.projection.handles.includes(e.type));
      if (mine || Date.now() - this.storedAt > CHECKPOINT_IDLE_SAVE_MS) {
        await this.db.transaction(async (m) => this.commitBatch(m, events, batch.checkpoint));
        this.storedCheckpoint = batch.checkpoint;
        this.storedAt = Date.now();
      }
    } catch (error) {
      if (!(error instanceof CheckpointMoved)) throw await this.explain(error, batch.events);
      await this.reloadCheckpoint();
      return this.runOnce();
    }
    this.checkpoint = batch.checkpoint;
    this.caughtUp = batch.events.length < this.options.batchSize;
    this.options.onBatch?.(events.length);
    return events.length;
  }

  /** Names the event at fault when one fails on its own; an unreachable database is not probed. */
  private async explain(error: unknown, raw: RecordedEvent[]): Promise<unknown> {
    if (isUnavailable(error)) return error;
    const found = await locateFailingEvent(this.db, this.registry, this.projection, this.table, raw);
    return found ? new EventFailedError(describeEvent(found.event), found.error) : error;
  }

  private async commitBatch(m: EntityManager, events: RecordedEvent[], next: Checkpoint | null): Promise<void> {
    const stored = await readCheckpoint(m, this.checkpointName, true);
    if (stored.checkpoint !== this.storedCheckpoint) throw new CheckpointMoved();
    await applyBatch(m, this.projection, this.table, events);
    await saveCheckpoint(m, this.checkpointName, next);
  }

  /**
   * Processes everything visible now. The next batch is read while the current one is
   * written; a prefetched batch is used only if the checkpoint it follows is still ours.
   */
  async catchUp(): Promise<void> {
    let from = this.checkpoint;
    let next = this.store.readAll(from, this.options.batchSize);
    while (!this.abort?.signal.aborted) {
      const batch = await next;
      if (from !== this.checkpoint) {
        from = this.checkpoint; // a moved checkpoint made the prefetch stale
        next = this.store.readAll(from, this.options.batchSize);
        continue;
      }
      if (batch.events.length === 0) {
        this.caughtUp = true;
        return;
      }
      next = this.store.readAll(batch.checkpoint, this.options.batchSize);
      next.catch(() => undefined); // awaited in the next round; a failure there surfaces then
      from = batch.checkpoint;
      await this.apply(batch);
    }
  }

  /** Starts the live loop; it waits for the advisory lock if another process holds it. */
  start(): void {
    if (this.loop) return;
    this.abort = new AbortController();
    this.loop = this.run(this.abort.signal);
  }

  /** Stops at a batch boundary and releases the lock. */
  async stop(): Promise<void> {
    this.abort?.abort();
    await this.loop;
    this.loop = undefined;
    if (this.leader && this.checkpoint !== this.storedCheckpoint) await this.saveSkippedCheckpoint().catch(() => undefined);
    await this.releaseLock();
  }

  /** Stores the checkpoint past batches that held none of our events (unless a rebuild moved it). */
  private async saveSkippedCheckpoint(): Promise<void> {
    await this.db.transaction(async (m) => {
      const stored = await readCheckpoint(m, this.checkpointName, true);
      if (stored.checkpoint === this.storedCheckpoint) await saveCheckpoint(m, this.checkpointName, this.checkpoint);
    });
  }

  status(): RunnerStatus {
    const failing = this.failures.current();
    return {
      name: this.projection.name, leader: this.leader, running: !!this.loop, checkpoint: this.checkpoint, caughtUp: this.caughtUp,
      ...(failing ? { lastError: failing.error.message, failing } : {}),
    };
  }

  /** Events visible in the store after this runner's checkpoint, counted up to `cap`. */
  async lag(cap = 1000): Promise<number> {
    return (await this.store.readAll(this.checkpoint, cap)).events.length;
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        if (!this.leader) {
          this.leader = await this.tryLock();
          if (!this.leader) {
            await this.standBy();
            await sleep(this.options.pollIntervalMs, signal);
            continue;
          }
          await this.prepare();
        }
        const n = await this.runOnce();
        this.recovered('this-runner');
        if (n === 0) await this.store.waitForAppends(this.options.pollIntervalMs, signal);
      } catch (error) {
        const delayMs = this.failed(error);
        // Give up the lock while waiting, so a process with a fixed projection can take over.
        await this.releaseLock();
        await sleep(delayMs, signal);
      }
    }
  }

  /** Records a failed try and returns how long to wait before the next. */
  private failed(error: unknown): number {
    const { delayMs, news } = this.failures.failed(classify(error), Date.now());
    if (news?.change === 'started') this.failedAt = this.storedCheckpoint;
    if (news) this.options.onFailing?.(news);
    this.options.onError?.(error);
    return delayMs;
  }

  private recovered(by: 'this-runner' | 'another-process'): void {
    const recovery = this.failures.succeeded(Date.now());
    if (recovery) this.options.onRecovered?.({ ...recovery, by });
  }

  /**
   * Another process holds the lock. A failure of ours is then stale once the database answers
   * (it did, for the lock) or the other process has moved the checkpoint past where we failed;
   * otherwise it is stuck where we were and this process keeps saying so.
   */
  private async standBy(): Promise<void> {
    const failure = this.failures.current();
    if (!failure) return;
    const moved = async () => (await readCheckpoint(this.db.manager, this.checkpointName, false)).checkpoint !== this.failedAt;
    if (failure.kind === 'database-unavailable' || (await moved().catch(() => false))) this.recovered('another-process');
  }

  private async tryLock(): Promise<boolean> {
    this.lockConnection ??= this.db.createQueryRunner();
    await this.lockConnection.connect();
    const [row] = await this.lockConnection.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS ok`, [`projection:${this.projection.name}`]);
    return row.ok === true;
  }

  private async releaseLock(): Promise<void> {
    const connection = this.lockConnection;
    const held = this.leader;
    this.lockConnection = undefined;
    this.leader = false;
    // release() hands the session back to the pool, which keeps it open, and a session-level
    // advisory lock lives as long as the session: unlock explicitly (a broken session has lost it anyway).
    if (held) await connection?.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`projection:${this.projection.name}`]).catch(() => undefined);
    await connection?.release().catch(() => undefined);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
