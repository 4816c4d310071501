/**
 * A case system's push receiver on 127.0.0.1 that verifies every push's signature and can flap:
 * while flapping it answers 500, or never answers (the sender's timeout), or drops the connection,
 * in turn. It keeps what a deduplicating receiver keeps: each message id once, in arrival order.
 */
import * as http from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { verifyWebhook } from '../../src/dfdg/push/webhook-signature';

export interface Received {
  messageId: string;
  vitasId: string;
  caseRevision: number;
  sequence: number;
}

export class FlappingReceiver {
  secret = '';
  flapping = false;
  /** First accepted arrival of each message id, in order. */
  readonly accepted: Received[] = [];
  private readonly seen = new Set<string>();
  pushes = 0;
  duplicates = 0;
  badSignatures = 0;
  refusedWhileFlapping = 0;
  private server?: http.Server;
  private readonly sockets = new Set<Socket>();

  async start(): Promise<string> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(Buffer.concat(chunks), req, res));
    });
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/vitas/dfdg`;
  }

  private handle(body: Buffer, req: http.IncomingMessage, res: http.ServerResponse): void {
    this.pushes++;
    if (this.flapping) {
      this.refusedWhileFlapping++;
      const mode = this.pushes % 3;
      if (mode === 0) res.writeHead(500).end('flapping');
      else if (mode === 1) req.socket.destroy(); // connection dropped mid-request
      return; // mode 2: no answer at all; the sender times out
    }
    let message: { messageId: string; vitasId: string; caseRevision: number; sequence: number };
    try {
      message = verifyWebhook(this.secret, req.headers, body) as typeof message;
    } catch {
      this.badSignatures++;
      res.writeHead(401).end();
      return;
    }
    const id = String(req.headers['webhook-id']);
    if (this.seen.has(id)) this.duplicates++;
    else {
      this.seen.add(id);
      this.accepted.push({ messageId: id, vitasId: message.vitasId, caseRevision: message.caseRevision, sequence: message.sequence });
    }
    res.writeHead(204).end();
  }

  has(messageId: string): boolean {
    return this.seen.has(messageId);
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
