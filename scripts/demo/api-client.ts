import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import { Role } from '../../src/platform/auth/principal';

/** A keep-alive JSON client for the demo seeder; any non-2xx answer is an error naming the call. */
export class ApiClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly tokens = new Map<string, Promise<string>>();
  /** Every command and import sent (for the summary). */
  requests = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly mint: (role: Role, org: string) => Promise<string>,
  ) {}

  token(role: Role, org: string): Promise<string> {
    const key = `${role}:${org}`;
    if (!this.tokens.has(key)) this.tokens.set(key, this.mint(role, org));
    return this.tokens.get(key)!;
  }

  get<T = any>(path: string, token: string): Promise<T> {
    return this.send('GET', path, token);
  }

  post<T = any>(path: string, token: string, body?: unknown): Promise<T> {
    return this.send('POST', path, token, body);
  }

  put<T = any>(path: string, token: string, body: unknown): Promise<T> {
    return this.send('PUT', path, token, body);
  }

  /** multipart/form-data with text `fields` and one `file` (as 'Godkend med bilag' takes it). */
  postFile<T = any>(path: string, token: string, fields: Record<string, string>, file: { name: string; contentType: string; content: Buffer }): Promise<T> {
    const boundary = `----vitas-demo-${randomBytes(8).toString('hex')}`;
    const parts: Buffer[] = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.contentType}\r\n\r\n`), file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
    return this.send('POST', path, token, Buffer.concat(parts), `multipart/form-data; boundary=${boundary}`);
  }

  private send<T>(method: string, path: string, token: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    const url = new URL(path, this.baseUrl);
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    this.requests++;
    return new Promise((resolve, reject) => {
      const req = http.request(
        { method, host: url.hostname, port: url.port, path: url.pathname + url.search, agent: this.agent, headers: { Authorization: `Bearer ${token}`, ...(payload ? { 'Content-Type': contentType, 'Content-Length': payload.length } : {}) } },
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
