/**
 * One push: a POST of the message with its Standard Webhooks headers; a 2xx is a delivery.
 * Node's http/https with keep-alive agents (several times faster than fetch for many small
 * requests); a redirect is not followed, since the subscription's URL is the one agreed and
 * its target the one checked. The connection goes only to addresses the URL policy passed
 * (the target's lookup); a new connection resolves and checks again.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { PushTarget, PushUrlRefused } from '../url-policy/push-url-policy';

export interface PushOutcome {
  ok: boolean;
  /** The receiver's HTTP status, null when no answer came. */
  status: number | null;
  /**
   * Why a try failed, in our own words ("HTTP 500 from receiver", "timeout after 5000 ms",
   * "connection refused (ECONNREFUSED)", "refused: resolves to a private address"): never the
   * receiver's body or an error text built from what the receiver sent (a certificate's names).
   */
  error: string | null;
}

/** The process is stopping: the try was cut off and counts for nothing (it stays pending). */
export class PushAborted extends Error {}

const USER_AGENT = 'VITAS-DFDG-Push/1';

/** Node's error codes for a failed connection, in words; the code itself is Node's, not the receiver's. */
const CONNECTION_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EADDRNOTAVAIL: 'address not available',
  ENOTFOUND: 'host does not resolve',
  EAI_AGAIN: 'host does not resolve',
  EPROTO: 'TLS error',
};

/** A short reason of our own for a request that failed before an answer. */
export function describeFailure(error: NodeJS.ErrnoException): string {
  if (error instanceof PushUrlRefused) return `refused: ${error.reason}`;
  const code = typeof error.code === 'string' && /^[A-Z0-9_]{1,64}$/.test(error.code) ? error.code : null;
  if (!code) return 'connection failed';
  if (CONNECTION_ERRORS[code]) return `${CONNECTION_ERRORS[code]} (${code})`;
  if (/^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/.test(code) || code.includes('CERT')) return `TLS error (${code})`;
  return `connection failed (${code})`;
}

/** The failure a non-2xx answer records: its status, never its body. */
export function describeAnswer(status: number): string {
  return status >= 300 && status < 400 ? `HTTP ${status} from receiver: redirect not followed` : `HTTP ${status} from receiver`;
}

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

  send(target: PushTarget, headers: Record<string, string>, body: string): Promise<PushOutcome> {
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
      const failed = (error: string, status: number | null = null) => settle({ ok: false, status, error });
      const secure = target.url.protocol === 'https:';
      const options: https.RequestOptions = {
        method: 'POST',
        agent: secure ? this.agents.https : this.agents.http,
        lookup: target.lookup,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': USER_AGENT },
      };
      let req: http.ClientRequest;
      try {
        req = (secure ? https : http).request(target.url, options, onAnswer);
      } catch {
        return resolve({ ok: false, status: null, error: 'request refused by Node (invalid URL or header)' });
      }
      function onAnswer(res: http.IncomingMessage) {
        const status = res.statusCode ?? 0;
        // The body is read and dropped: what a receiver says is never recorded (it may be an internal service's).
        res.resume();
        res.on('end', () => (status >= 200 && status < 300 ? settle({ ok: true, status, error: null }) : failed(describeAnswer(status), status)));
        res.on('error', () => undefined);
        res.on('close', () => failed('the connection closed during the answer', status));
      }
      // One deadline for resolving, connecting, sending and the whole answer.
      const timer = setTimeout(() => {
        timedOut = true;
        req.destroy();
      }, this.timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) => failed(describeFailure(error)));
      req.on('close', () => failed('the connection closed'));
      this.inFlight.add(req);
      req.end(body);
    });
  }
}
