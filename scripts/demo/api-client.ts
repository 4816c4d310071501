import * as http from 'node:http';
import { Role } from '../../src/platform/auth/principal';

/** A keep-alive JSON client for the demo seeder; any non-2xx answer is an error naming the call. */
export class ApiClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    private readonly baseUrl: string,
    private readonly mint: (role: Role, org: string) => Promise<string>,
  ) {}

  token(role: Role, org: string): Promise<string> {
    const key = `${role}:${org}`;
    if (!this.tokens.has(key)) this.tokens.set(key, this.mint(role, org));
    return this.tokens.get(key)!;
  }

  post<T = any>(path: string, token: string, body?: unknown): Promise<T> {
    return this.send('POST', path, token, body);
  }

  put<T = any>(path: string, token: string, body: unknown): Promise<T> {
    return this.send('PUT', path, token, body);
  }

  private send<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
    const url = new URL(path, this.baseUrl);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        { method, host: url.hostname, port: url.port, path: url.pathname + url.search, agent: this.agent, headers: { Authorization: `Bearer ${token}`, ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (text += c));
          res.on('end', () => (res.statusCode! < 300 ? resolve(text ? JSON.parse(text) : undefined) : reject(new Error(`${method} ${path} → ${res.statusCode}: ${text.slice(0, 500)}`))));
        },
      );
      req.on('error', (e) => reject(new Error(`${method} ${path}: ${e.message} (is the API running? npm start)`)));
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
