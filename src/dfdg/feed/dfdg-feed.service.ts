/**
 * The pull feed over the `dfdg_messages` outbox (issue 4, item 3): one job centre's messages in
 * sequence order after a cursor, with a long poll. While it waits it holds no database
 * connection: it sleeps on the event store's append wake-ups (shared LISTEN) and re-reads the
 * table, quickly after a wake-up (the projection commits shortly after the append), and at
 * least every second otherwise (a wake-up may be lost, or come from another process's store).
 */
import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, EventStore } from '../../platform/event-store/event-store.port';
import { DfdgMessage } from '../dfdg-message';
import { cursorBeyondEnd, decodeCursor, encodeCursor } from '../dfdg-cursor';

export interface DfdgPage {
  messages: DfdgMessage[];
  /** Pass as `after` next time; unchanged when nothing new came. */
  next: string;
}

const IDLE_POLL_MS = 1000;
const AFTER_WAKE_POLL_MS = 20;
const UNDEFINED_TABLE = '42P01';

@Injectable()
export class DfdgFeedService implements BeforeApplicationShutdown {
  /** Ends every long poll at once on shutdown (each answers with what it has: nothing new). */
  private readonly shutdown = new AbortController();

  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  beforeApplicationShutdown(): void {
    this.shutdown.abort();
  }

  /** `after` as the client sent it; `waitSeconds` 0 answers at once. `signal`: the client went away. */
  async pull(jobcentre: string, after: string | undefined, limit: number, waitSeconds: number, signal?: AbortSignal): Promise<DfdgPage> {
    const from = decodeCursor(after, jobcentre);
    const stop = signal ? AbortSignal.any([signal, this.shutdown.signal]) : this.shutdown.signal;
    const deadline = Date.now() + waitSeconds * 1000;
    let pause = IDLE_POLL_MS;
    for (let first = true; ; first = false) {
      const messages = await this.page(jobcentre, from, limit);
      if (messages.length) return { messages, next: encodeCursor(jobcentre, messages[messages.length - 1].sequence) };
      if (first && from > 0 && from > (await this.lastSequence(jobcentre))) throw cursorBeyondEnd();
      const remaining = deadline - Date.now();
      if (remaining <= 0 || stop.aborted) return { messages: [], next: encodeCursor(jobcentre, from) };
      const waitMs = Math.min(pause, remaining);
      const started = Date.now();
      await this.store.waitForAppends(waitMs, stop);
      const woken = Date.now() - started < waitMs - 2;
      pause = woken ? AFTER_WAKE_POLL_MS : Math.min(pause * 2, IDLE_POLL_MS);
    }
  }

  private async page(jobcentre: string, after: number, limit: number): Promise<DfdgMessage[]> {
    const rows: { body: DfdgMessage }[] = await this.query(
      `SELECT body FROM dfdg_messages WHERE jobcentre = $1 AND sequence > $2 ORDER BY sequence LIMIT $3`,
      [jobcentre, after, limit],
    );
    return rows.map((r) => r.body);
  }

  private async lastSequence(jobcentre: string): Promise<number> {
    const rows: { sequence: string }[] = await this.query(`SELECT sequence FROM dfdg_messages WHERE jobcentre = $1 ORDER BY sequence DESC LIMIT 1`, [jobcentre]);
    return Number(rows[0]?.sequence ?? 0);
  }

  /** Before the projection runner first created the outbox, the feed is empty. */
  private async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    try {
      return await this.db.query(sql, params);
    } catch (error) {
      if ((error as { code?: string; driverError?: { code?: string } }).driverError?.code === UNDEFINED_TABLE || (error as { code?: string }).code === UNDEFINED_TABLE) return [];
      throw error;
    }
  }
}
