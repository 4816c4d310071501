/**
 * One push: a POST of the message with its Standard Webhooks headers; a 2xx is a delivery.
 * Node's http/https with keep-alive agents (several times faster than fetch for many small
 * requests); a redirect is not followed, since the subscription's URL is the one agreed.
 */
import * as http from 'node:http';
import * as https from 'node:https';

export interface PushOutcome {
  ok: boolean;
  /** The receiver's HTTP status, null when no answer came. */
  status: number | null;
  /** Why a try failed (a timeout, a refused connection, the start of a non-2xx answer). */
  error: string | null;
}

/** The process is stopping: the try was cut off and counts for nothing (it stays pending). */
export class PushAborted extends Error {}

const USER_AGENT = 'VITAS-DFDG-Push/1';
const ERROR_TEXT_LIMIT = 200;

export class PushSender {
  private readonly agents: { http: http.Agent; https: https.Agent };
  private readonly inFlight = new Set<http.ClientRequest>();
  private closed = false;

  constructor(
    private readonly timeoutMs: number,
    maxSockets: number,
  ) {
    this.agents = { http: new http.Agent({ keepAlive: true, maxSockets }), https: new https.Agent({ keepAlive: true, maxSockets }) };
  }

  /** Cuts off the pushes in flight (they fail with PushAborted) and closes the connections. */
  close(): void {
    this.closed = true;
    for (const req of this.inFlight) req.destroy();
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  send(url: string, headers: Record<string, string>, body: string): Promise<PushOutcome> {
    if (this.closed) return Promise.reject(new PushAborted('stopping'));
    return new Promise((resolve, reject) => {
      let settled = false;
      let timedOut = false;
      /** The first of answer, error, timeout or a closed connection decides. */
      const settle = (outcome: PushOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.inFlight.delete(req);
        if (this.closed) return reject(new PushAborted('stopping'));
        resolve(timedOut ? { ok: false, status: outcome.status, error: `timeout after ${this.timeoutMs} ms` } : outcome);
      };
      const failed = (error: string, status: number | null = null) => settle({ ok: false, status, error: error.slice(0, ERROR_TEXT_LIMIT) });
      const secure = url.startsWith('https:');
      const options = {
        method: 'POST',
        agent: secure ? this.agents.https : this.agents.http,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': USER_AGENT },
      };
      let req: http.ClientRequest;
      try {
        req = (secure ? https : http).request(url, options, onAnswer);
      } catch (error) {
        return resolve({ ok: false, status: null, error: String((error as Error).message).slice(0, ERROR_TEXT_LIMIT) }); // a URL Node refuses
      }
      function onAnswer(res: http.IncomingMessage) {
        const status = res.statusCode ?? 0;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < ERROR_TEXT_LIMIT) text += chunk;
        });
        res.on('end', () => {
          if (status >= 200 && status < 300) return settle({ ok: true, status, error: null });
          failed(`HTTP ${status}${text ? `: ${text}` : ''}`, status);
        });
        res.on('error', () => undefined);
        res.on('close', () => failed('the connection closed during the answer', status));
      }
      // One deadline for connecting, sending and the whole answer.
      const timer = setTimeout(() => {
        timedOut = true;
        req.destroy();
      }, this.timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) => failed(String(error.code ?? error.message)));
      req.on('close', () => failed('the connection closed'));
      this.inFlight.add(req);
      req.end(body);
    });
  }
}
