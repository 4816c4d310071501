/**
 * One HTTP request to the app on 127.0.0.1, on a fresh connection (a kept-alive socket of a
 * killed process would turn the first request after a restart into a spurious "no answer").
 * Resolves with the answer, or `{ status: 0 }` when none came: refused, reset, or timed out.
 */
import * as http from 'node:http';

export interface Answer {
  /** 0: no answer (the request may or may not have been carried out). */
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
  error?: string;
}

export interface SendOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export function send(port: number, method: string, path: string, options: SendOptions = {}): Promise<Answer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string | number> = { ...(options.headers ?? {}) };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (payload !== undefined) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
  return new Promise((resolve) => {
    let settled = false;
    const done = (answer: Answer) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          // not JSON: keep the text
        }
        done({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
      res.on('error', (e) => done({ status: 0, headers: {}, body: null, error: e.message }));
    });
    req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e: NodeJS.ErrnoException) => done({ status: 0, headers: {}, body: null, error: e.code ?? e.message }));
    req.end(payload);
  });
}
