/**
 * PUSH_ALLOWED_HOSTS: hosts an operator vouches for (a local receiver, a test), which may use
 * http and private addresses. Exact matches only, no wildcards: `host` allows every port of
 * the host, `host:port` that port only. Host names and IP literals are compared in the form
 * the WHATWG URL parser gives them (lower case, IPv4 as a dotted quad, IPv6 compressed).
 */
import { isIP } from 'node:net';

interface AllowedHost {
  hostname: string;
  /** Null: any port. */
  port: string | null;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

export class AllowedHosts {
  private readonly entries: AllowedHost[];

  /** Throws on an entry that is no host, so a typo stops the process at start rather than later. */
  constructor(entries: readonly string[]) {
    this.entries = entries.map(parseEntry);
  }

  allows(url: URL): boolean {
    const port = url.port || DEFAULT_PORTS[url.protocol];
    return this.entries.some((e) => e.hostname === url.hostname && (e.port === null || e.port === port));
  }
}

function parseEntry(raw: string): AllowedHost {
  const entry = raw.trim();
  // A bare IPv6 address has colons of its own: only the bracketed form takes a port.
  const [host, port] = isIP(entry) === 6 ? [`[${entry}]`, null] : (/^(\[[0-9a-fA-F:.]+\]|[^:/?#@\s[\]]+)(?::(\d{1,5}))?$/.exec(entry)?.slice(1) ?? []);
  let hostname: string | undefined;
  try {
    hostname = host ? new URL(`http://${host}`).hostname : undefined;
  } catch {
    hostname = undefined;
  }
  if (!hostname || (port !== undefined && port !== null && Number(port) > 65535)) {
    throw new Error(`Configuration PUSH_ALLOWED_HOSTS: '${entry}' is not a host, host:port or IP address`);
  }
  return { hostname, port: port ?? null };
}
