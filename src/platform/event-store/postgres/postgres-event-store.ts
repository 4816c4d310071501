import { Client, Pool, PoolClient } from 'pg';
import { connectionLossListener, guardPoolClients } from '../../database/connection-loss';
import { runMigrations } from '../../database/migrate';
import { DuplicateEventIdError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import { AppendResult, Checkpoint, EventStore, ExpectedRevision, NewEvent, ReadAllBatch, RecordedEvent } from '../event-store.port';
import { decodeCheckpoint, encodeCheckpoint, isConnectionError, toRecordedEvent } from './postgres-rows';
import { APPEND_ONE_SQL, APPEND_SQL, READ_ALL_SQL, READ_STREAM_SQL, READ_STREAM_UP_TO_SQL } from './postgres-sql';

const UNIQUE_VIOLATION = '23505';
const CHANNEL = 'events_appended';
/** Longest extra delay before other processes hear of an append. */
const NOTIFY_COALESCE_MS = 10;
/** How long a read-all batch is shared between readers at the same checkpoint. */
const SHARED_BATCH_MS = 1_000;
/** After the LISTEN session failed to connect, waiters only poll for this long before it is tried again. */
const LISTEN_RETRY_MS = 1_000;

/**
 * PostgreSQL adapter. An append is one statement (no BEGIN/COMMIT round trips): it reads the
 * stream's last revision, checks the expectation and inserts, atomically. The unique
 * (stream_id, revision) key turns a concurrent writer into a typed conflict.
 */
export class PostgresEventStore implements EventStore {
  private listener?: Client;
  private listening?: Promise<void>;
  private listenRetryAt = 0;
  private closed = false;
  private readonly listenerLost = connectionLossListener('event store LISTEN session');
  private readonly waiters = new Set<() => void>();
  private notifyScheduled = false;
  private readonly recentBatches = new Map<string, { at: number; batch: Promise<ReadAllBatch> }>();

  constructor(
    private readonly pool: Pool,
    private readonly databaseUrl: string,
  ) {}

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return { nextExpectedRevision: await this.currentRevision(streamId) };
    const expectedParam = expected === 'any' ? null : expected === 'no_stream' ? -1 : expected;
    const [one] = events;
    const statement: [string, string, unknown[]] =
      events.length === 1
        ? ['es_append_one', APPEND_ONE_SQL, [streamId, one.id, one.type, one.metadata.schemaVersion, JSON.stringify(one.data), JSON.stringify(one.metadata), expectedParam]]
        : ['es_append', APPEND_SQL, [streamId, JSON.stringify(events.map((e) => ({ id: e.id, type: e.type, sv: e.metadata.schemaVersion, data: e.data, meta: e.metadata }))), expectedParam]];
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.query<{ revision: number }>(...statement);
        if (result.rows.length === events.length) {
          this.announceAppend();
          return { nextExpectedRevision: result.rows[result.rows.length - 1].revision };
        }
        // The expectation did not hold; an idempotent retry of an append that already landed is still a success.
        return await this.resolveFailedAppend(streamId, events, expected);
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        const constraint = (error as { constraint?: string }).constraint;
        if (constraint === 'events_event_id_key') return await this.resolveFailedAppend(streamId, events, expected);
        // A concurrent writer took the revision. With 'any' that is not a conflict: try again.
        if (expected === 'any' && attempt < 10) continue;
        return await this.resolveFailedAppend(streamId, events, expected);
      }
    }
  }

  private async resolveFailedAppend(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const ids = events.map((e) => e.id);
    const found = await this.query<{ stream_id: string; n: string }>(
      'es_dup', 'SELECT stream_id, count(*) AS n FROM events WHERE event_id = ANY($1::uuid[]) GROUP BY stream_id', [ids]);
    const actual = await this.currentRevision(streamId);
    const sameStream = found.rows.find((r) => r.stream_id === streamId);
    if (sameStream && Number(sameStream.n) === ids.length && found.rows.length === 1) return { nextExpectedRevision: actual };
    if (found.rows.some((r) => r.stream_id !== streamId)) throw new DuplicateEventIdError(streamId, ids);
    throw new WrongExpectedRevisionError(streamId, expected, actual);
  }

  private async currentRevision(streamId: string): Promise<number> {
    const r = await this.query<{ rev: number }>('es_rev', 'SELECT coalesce(max(revision), -1) AS rev FROM events WHERE stream_id = $1', [streamId]);
    return r.rows[0].rev;
  }

  /**
   * Wakes this process's waiters at once and other processes' through NOTIFY. The NOTIFY is
   * sent outside the append, at most once per NOTIFY_COALESCE_MS: PostgreSQL serialises every
   * committing NOTIFY on one database-wide lock held through the commit's flush (in a trigger
   * it made concurrent appends as slow as one writer), and each costs a commit of its own.
   * Wake-ups are hints; readers also poll.
   */
  private announceAppend(): void {
    this.wakeWaiters();
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    setTimeout(() => {
      this.pool
        .query(`SELECT pg_notify('${CHANNEL}', '')`)
        .catch(() => undefined)
        .finally(() => (this.notifyScheduled = false));
    }, NOTIFY_COALESCE_MS).unref();
  }

  private wakeWaiters(): void {
    [...this.waiters].forEach((w) => w());
  }

  async readStream(streamId: string, options: { upTo?: Date } = {}): Promise<RecordedEvent[]> {
    const result = options.upTo
      ? await this.query('es_read_stream_up_to', READ_STREAM_UP_TO_SQL, [streamId, options.upTo])
      : await this.query('es_read_stream', READ_STREAM_SQL, [streamId]);
    return result.rows.map(toRecordedEvent);
  }

  /**
   * Every projection runner reads the same batches, usually from the same checkpoint at the
   * same moment: a non-empty batch is shared for a second instead of read and parsed again per
   * runner. Safe because a batch is a prefix of the global order that can never gain an earlier
   * event later (see READ_ALL_SQL); an empty answer is never shared, so no reader misses news.
   */
  readAll(from: Checkpoint | null, maxCount: number): Promise<ReadAllBatch> {
    const key = `${from}|${maxCount}`;
    const now = Date.now();
    const shared = this.recentBatches.get(key);
    if (shared && now - shared.at < SHARED_BATCH_MS) return shared.batch;
    const batch = this.readAllUncached(from, maxCount);
    this.recentBatches.set(key, { at: now, batch });
    batch.then(
      (b) => b.events.length === 0 && this.recentBatches.delete(key),
      () => this.recentBatches.delete(key),
    );
    for (const [k, v] of this.recentBatches) if (now - v.at >= SHARED_BATCH_MS || this.recentBatches.size > 64) this.recentBatches.delete(k);
    return batch;
  }

  private async readAllUncached(from: Checkpoint | null, maxCount: number): Promise<ReadAllBatch> {
    const [tx, position] = decodeCheckpoint(from);
    const result = await this.query('es_read_all', READ_ALL_SQL, [tx, position, maxCount]);
    const events = result.rows.map(toRecordedEvent);
    return { events, checkpoint: events.length ? events[events.length - 1].checkpoint : from };
  }

  async waitForAppends(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return;
    await this.listen().catch(() => undefined); // without LISTEN we still poll on the timeout
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /**
   * The LISTEN session: one dedicated, long-lived client. When its connection breaks (a database
   * restart) it gets dropped, its loss logged, and the waiters woken to re-read (an append may have
   * gone unheard); the next `waitForAppends` connects a new one. A session that cannot connect is
   * tried again after LISTEN_RETRY_MS; meanwhile waiters poll on their timeout.
   */
  private listen(): Promise<void> {
    if (this.listening) return this.listening;
    if (this.closed) return Promise.reject(new Error('event store closed'));
    if (Date.now() < this.listenRetryAt) return Promise.reject(new Error('LISTEN session reconnects later'));
    const client = new Client({ connectionString: this.databaseUrl });
    let connected = false;
    const drop = () => {
      if (this.listener !== client) return; // an older session's late error: the current one stays
      this.listening = undefined;
      this.listener = undefined;
      client.end().catch(() => undefined);
      if (connected) this.wakeWaiters();
      else this.listenRetryAt = Date.now() + LISTEN_RETRY_MS;
    };
    client.on('notification', () => this.wakeWaiters());
    client.on('error', (error) => {
      this.listenerLost(error);
      drop();
    });
    this.listener = client;
    this.listening = client.connect().then(() => client.query(`LISTEN ${CHANNEL}`)).then(() => {
      connected = true;
    });
    this.listening.catch(drop);
    return this.listening;
  }

  async ping(): Promise<void> {
    await this.query('es_ping', 'SELECT 1', []);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeWaiters();
    await this.listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  /** Named (prepared) statements: parsed once per connection. */
  private async query<R extends object = any>(name: string, text: string, values: unknown[]) {
    try {
      return await this.pool.query<R>({ name, text, values });
    } catch (error) {
      if (isConnectionError(error)) throw new EventStoreUnavailableError(error);
      throw error;
    }
  }
}

export async function openPostgresEventStore(options: { databaseUrl: string; poolSize?: number; migrate?: boolean }): Promise<PostgresEventStore> {
  if (options.migrate !== false) await runMigrations(options.databaseUrl);
  const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20 });
  // An idle client's broken connection must not kill the process: it is logged (once per outage)
  // and dropped; the next query gets a new connection or fails as EventStoreUnavailableError.
  const lost = connectionLossListener('event store pool');
  pool.on('error', lost);
  guardPoolClients(pool, lost);
  return new PostgresEventStore(pool, options.databaseUrl);
}

export type { PoolClient };
