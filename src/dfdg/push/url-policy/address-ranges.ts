/**
 * Which IP addresses a push may go to: public unicast only. ipaddr.js names the IANA
 * special-purpose ranges; this adds the few it leaves as 'unicast' that must not be reached,
 * and looks inside the IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4).
 */
import * as ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';

/** Cloud instance metadata endpoints (AWS, AWS ECS, AWS IPv6, Alibaba): named as such in refusals. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200']);

const RANGE_WORDS: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private address',
  reserved: 'a reserved address',
  uniqueLocal: 'a unique-local address',
  deprecatedSiteLocal: 'a site-local address',
  rfc6145: 'an IPv4-translated address',
  teredo: 'a Teredo tunnel address',
  discard: 'a discard-only address',
  benchmarking: 'a benchmarking address',
};

/** True when `address` (a string in any form `ipaddr.js` reads) is a cloud metadata endpoint. */
export function isMetadataAddress(address: string): boolean {
  return ipaddr.isValid(address) && METADATA_ADDRESSES.has(ipaddr.process(address).toString());
}

/**
 * Null for a public unicast address; otherwise what it is, in words ("a private address").
 * `address` must be an IP address (dotted quad or IPv6); anything else is refused too.
 */
export function whyNotPublic(address: string): string | null {
  if (!isIP(address)) return 'not an IP address';
  // process() turns an IPv4-mapped IPv6 address (::ffff:127.0.0.1) into the IPv4 one it carries.
  const ip = ipaddr.process(address);
  if (METADATA_ADDRESSES.has(ip.toString())) return 'a cloud metadata address';
  const range = ip.range();
  if (ip instanceof ipaddr.IPv6) {
    const embedded = embeddedIPv4(ip, range);
    if (embedded !== undefined) return embedded === null ? `a special-purpose address (${range})` : whyNotPublic(embedded);
    // ::/96, the deprecated IPv4-compatible form (::127.0.0.1), is 'unicast' to ipaddr.js.
    if (range === 'unicast' && ip.parts.slice(0, 6).every((p) => p === 0)) return 'an IPv4-compatible address';
  }
  if (range === 'unicast') return null;
  return RANGE_WORDS[range] ?? `a special-purpose address (${range})`;
}

/**
 * The IPv4 address inside a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address, classified as
 * itself; null for the local-use NAT64 prefix (64:ff9b:1::/48, where the IPv4 part may sit
 * anywhere); undefined when `ip` carries none.
 */
function embeddedIPv4(ip: ipaddr.IPv6, range: string): string | null | undefined {
  const v4 = (hi: number, lo: number) => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  if (range === 'rfc6052') return ip.parts[2] === 0 && ip.parts[3] === 0 && ip.parts[4] === 0 && ip.parts[5] === 0 ? v4(ip.parts[6], ip.parts[7]) : null;
  if (range === '6to4') return v4(ip.parts[1], ip.parts[2]);
  return undefined;
}
