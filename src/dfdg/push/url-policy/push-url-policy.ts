/**
 * Where a push may go (issue 10, server-side request forgery): https to a host whose every
 * address is public unicast; http and private addresses only for hosts in PUSH_ALLOWED_HOSTS.
 * Checked when a subscription is made and again at every push, where the connection is pinned
 * to the addresses just checked (a custom `lookup`), so a DNS answer that changes between the
 * check and the connect (rebinding) cannot steer a push inside.
 */
import * as dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { echo } from '../../../platform/http/echo';
import { isMetadataAddress, whyNotPublic } from './address-ranges';
import { AllowedHosts } from './allowed-hosts';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address a host name has now; the port through which tests pin DNS answers. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true });

/** Host names of cloud metadata services, refused by name before any lookup. */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

const PUBLIC_ONLY = 'only public addresses are allowed unless the host is in PUSH_ALLOWED_HOSTS';

/** A URL the policy refuses. `reason` is short and never holds the URL: it becomes a delivery's lastError. */
export class PushUrlRefused extends Error {
  constructor(
    readonly reason: string,
    /** For the subscriber, in words; echoes at most a bounded excerpt of the host. */
    message: string,
    /** Not a URL at all (400) rather than a URL the policy refuses (422). */
    readonly malformed = false,
  ) {
    super(message);
    this.name = 'PushUrlRefused';
  }
}

/** A push's destination: the URL, and the lookup that connects only to addresses that passed. */
export interface PushTarget {
  url: URL;
  lookup: LookupFunction;
}

interface Screened {
  url: URL;
  /** The host without the brackets of an IPv6 literal. */
  host: string;
  allowListed: boolean;
}

export class PushUrlPolicy {
  private readonly allowed: AllowedHosts;

  constructor(
    allowedHosts: readonly string[],
    private readonly resolve: Resolver = systemResolver,
  ) {
    this.allowed = new AllowedHosts(allowedHosts);
  }

  /** At subscription: the URL's form and scheme, and every address its host has now. Throws PushUrlRefused. */
  async checkNewSubscription(raw: string): Promise<void> {
    const { host, allowListed } = this.screen(raw);
    // An allow-listed name may resolve only where the worker runs; an IP literal was classified by screen().
    if (!allowListed && !isIP(host)) await this.vettedAddresses(host, false);
  }

  /**
   * At each push: the same checks on the stored URL (the allow-list may have changed), and a
   * lookup that resolves, refuses unless every address passes, and hands the connection exactly
   * those addresses. Throws PushUrlRefused; the lookup fails a request with PushUrlRefused too.
   */
  pushTarget(raw: string): PushTarget {
    const { url, host, allowListed } = this.screen(raw);
    const lookup = ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
      this.vettedAddresses(host, allowListed).then(
        (addresses) => (options.all ? callback(null, addresses) : callback(null, addresses[0].address, addresses[0].family)),
        (error) => callback(error),
      );
    }) as unknown as LookupFunction;
    return { url, lookup };
  }

  /** What can be told without DNS: form, scheme, metadata names and addresses, the allow-list, IP literals. */
  private screen(raw: string): Screened {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new PushUrlRefused('not a valid URL', 'url must be an absolute http or https URL', true);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new PushUrlRefused('not http or https', 'url must use https (or http for a host in PUSH_ALLOWED_HOSTS)', true);
    }
    if (url.username || url.password) throw new PushUrlRefused('credentials in the URL', 'url must not contain credentials', true);
    // WHATWG parsing has already turned odd IPv4 spellings (2130706433, 0x7f.1, 0177.0.0.1) into dotted quads.
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const name = host.toLowerCase().replace(/\.$/, '');
    if (METADATA_NAMES.has(name) || isMetadataAddress(host)) {
      throw new PushUrlRefused('a cloud metadata host', `url's host ${echo(host, 100)} is a cloud metadata service; pushes never go there`);
    }
    const allowListed = this.allowed.allows(url);
    if (allowListed) return { url, host, allowListed };
    if (url.protocol === 'http:') {
      throw new PushUrlRefused('http to a host not in PUSH_ALLOWED_HOSTS', 'url must use https; http is allowed only for hosts in PUSH_ALLOWED_HOSTS');
    }
    if (name === 'localhost' || name.endsWith('.localhost')) {
      throw new PushUrlRefused('a loopback host', `url's host ${echo(host, 100)} is loopback; ${PUBLIC_ONLY}`);
    }
    const literal = isIP(host) ? whyNotPublic(host) : null;
    // The address is the caller's own input here, so naming it tells them nothing new.
    if (literal) throw new PushUrlRefused(literal, `url's host ${host} is ${literal}; ${PUBLIC_ONLY}`);
    return { url, host, allowListed };
  }

  /**
   * Every address of `hostname`; refused when it has none, or (unless allow-listed) when any
   * of them is not public. A resolved address is not echoed: it would tell the caller what
   * our DNS knows about names inside.
   */
  private async vettedAddresses(hostname: string, allowListed: boolean): Promise<ResolvedAddress[]> {
    let addresses: ResolvedAddress[];
    try {
      addresses = await this.resolve(hostname);
    } catch {
      addresses = [];
    }
    if (!addresses.length) throw new PushUrlRefused('host does not resolve', `url's host ${echo(hostname, 100)} does not resolve to any address`);
    if (addresses.some((a) => isMetadataAddress(a.address))) {
      throw new PushUrlRefused('resolves to a cloud metadata address', `url's host ${echo(hostname, 100)} resolves to a cloud metadata address; pushes never go there`);
    }
    if (allowListed) return addresses;
    for (const { address } of addresses) {
      const why = whyNotPublic(address);
      if (why) throw new PushUrlRefused(`resolves to ${why}`, `url resolves to ${why}; ${PUBLIC_ONLY}`);
    }
    return addresses;
  }
}
