/**
 * Sends a generated request over plain node:http, so every byte and header is ours (a
 * browser-like client would fix our broken media types), and always drains the answer.
 */
import * as http from 'node:http';

export interface Answer {
  /** 0 when no HTTP answer came (connection reset, timeout). */
  status: number;
  contentType: string;
  /** The answer's text, cut to `keepChars`. */
  text: string;
  json?: unknown;
  ms: number;
  error?: string;
}

export class Sender {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

  constructor(private readonly baseUrl: URL, private readonly timeoutMs = 30_000, private readonly keepChars = 200_000) {}

  /** `keepChars`: how much of the answer to keep (and parse); the checks read whole feed pages. */
  send(method: string, pathAndQuery: string, headers: Record<string, string>, body?: Buffer, keepChars = this.keepChars): Promise<Answer> {
    const started = Date.now();
    return new Promise((resolve) => {
      const done = (a: Omit<Answer, 'ms'>) => resolve({ ...a, ms: Date.now() - started });
      let req: http.ClientRequest;
      try {
        req = http.request({
          agent: this.agent, method, host: this.baseUrl.hostname, port: this.baseUrl.port || 80, path: pathAndQuery,
          headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) }, timeout: this.timeoutMs,
        });
      } catch (error) {
        // The client refused to send it (an unescaped path or header); nothing reached the app.
        return done({ status: -1, contentType: '', text: '', error: (error as Error).message });
      }
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', (error) => done({ status: 0, contentType: '', text: '', error: error.message }));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < keepChars) chunks.push(c);
          size += c.length;
        });
        res.on('error', (error) => done({ status: res.statusCode ?? 0, contentType: '', text: '', error: error.message }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8').slice(0, keepChars);
          const contentType = String(res.headers['content-type'] ?? '');
          let json: unknown;
          if (/json/.test(contentType)) {
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
          }
          done({ status: res.statusCode ?? 0, contentType, text, json });
        });
      });
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
