/**
 * What the DFDG push specifications share: a real HTTP receiver on 127.0.0.1 that answers as
 * told and checks every push as a case system would, and a stand-in `dfdg_messages` outbox
 * (exactly the projection's columns) for tests that need no real grants.
 */
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { uuidv7 } from '../../src/platform/events/uuidv7';
import { verifyWebhook } from '../../src/dfdg/push/webhook-signature';

export interface Push {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  message: { messageId?: string; caseId?: string; sequence?: number; [k: string]: unknown };
  /** What the receiver answered: a status, or 'hang' (never answered). */
  answer: number | 'hang';
}

export type Answer = (push: Push, index: number) => number | 'hang';

export class Receiver {
  readonly pushes: Push[] = [];
  private server?: http.Server;
  private port = 0;
  private readonly sockets = new Set<import('node:net').Socket>();
  /** What a non-2xx answer says (it must never end up in a delivery's lastError). */
  refusalBody = 'receiver says no';

  private constructor(public answer: Answer) {}

  static async start(answer: Answer = () => 204): Promise<Receiver> {
    const receiver = new Receiver(answer);
    await receiver.up();
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/dfdg/push`;
  }

  /** Listens again on the same port (after `down`). */
  async up(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const h = (name: string) => String(req.headers[name] ?? '');
        const push: Push = { id: h('webhook-id'), timestamp: h('webhook-timestamp'), signature: h('webhook-signature'), body, message: JSON.parse(body), answer: 204 };
        push.answer = this.answer(push, this.pushes.length);
        this.pushes.push(push);
        if (push.answer !== 'hang') res.writeHead(push.answer).end(push.answer >= 300 ? this.refusalBody : undefined);
      });
    });
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and drops every connection: pushes now fail with a refused connection. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** Pushes the receiver accepted (a 2xx), in the order they arrived. */
  accepted(): Push[] {
    return this.pushes.filter((p) => p.answer !== 'hang' && p.answer < 300);
  }

  /** What a deduplicating receiver keeps: each webhook-id once. */
  uniqueIds(): string[] {
    return [...new Set(this.pushes.map((p) => p.id))];
  }

  /** Throws unless every push verifies with one of `secrets` (as a receiver would check). */
  verifyAll(secrets: string[]): void {
    for (const p of this.pushes) {
      const headers = { 'webhook-id': p.id, 'webhook-timestamp': p.timestamp, 'webhook-signature': p.signature };
      if (!secrets.some((s) => tryVerify(s, headers, p.body))) throw new Error(`push ${p.id} does not verify`);
    }
  }
}

export function tryVerify(secret: string, headers: Record<string, string>, body: string): boolean {
  try {
    verifyWebhook(secret, headers, body);
    return true;
  } catch {
    return false;
  }
}

/** Case ids in the order the receiver accepted their messages must follow each case's sequence. */
export function expectInOrderPerCase(pushes: Push[]): void {
  const last = new Map<string, number>();
  for (const p of pushes) {
    const caseId = String(p.message.caseId);
    const sequence = Number(p.message.sequence);
    expect(sequence).toBeGreaterThan(last.get(caseId) ?? 0);
    last.set(caseId, sequence);
  }
}

/** The outbox as the DFDG projection defines it; for tests that insert messages by hand. */
export async function createOutbox(db: DataSource): Promise<void> {
  await db.query(`
    CREATE TABLE IF NOT EXISTS dfdg_messages (
      message_id text PRIMARY KEY, jobcentre text NOT NULL, sequence bigint NOT NULL, case_id text NOT NULL,
      case_type text NOT NULL, body jsonb NOT NULL, occurred_at timestamptz NOT NULL, UNIQUE (jobcentre, sequence))`);
  await db.query(`CREATE INDEX IF NOT EXISTS dfdg_messages_case_idx ON dfdg_messages (case_id, sequence)`);
}

export interface OutboxMessage {
  messageId: string;
  jobcentre: string;
  sequence: number;
  caseId: string;
}

/** Appends one message per case id to a job centre's outbox, with the next sequences. */
export async function addMessages(db: DataSource, jobcentre: string, caseIds: string[]): Promise<OutboxMessage[]> {
  const [{ last }] = await db.query(`SELECT coalesce(max(sequence), 0)::int AS last FROM dfdg_messages WHERE jobcentre = $1`, [jobcentre]);
  const messages = caseIds.map((caseId, i) => ({ messageId: uuidv7(), jobcentre, sequence: last + i + 1, caseId }));
  for (const m of messages) {
    const body = { messageId: m.messageId, jobcentre, sequence: m.sequence, caseId: m.caseId, caseType: 'grant', status: 'active', occurredAt: new Date().toISOString() };
    await db.query(`INSERT INTO dfdg_messages VALUES ($1, $2, $3, $4, 'grant', $5, now())`, [m.messageId, jobcentre, m.sequence, m.caseId, JSON.stringify(body)]);
  }
  return messages;
}

/** A clock for `runOnce(now)` that leaps an hour per call, past any backoff of the test config. */
export function leapingClock(stepMs = 3_600_000): () => Date {
  let at = Date.now();
  return () => new Date((at += stepMs));
}
