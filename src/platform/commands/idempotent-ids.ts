/**
 * Exactly-once commands (issue 11): a request with an Idempotency-Key gets an idempotency seed
 * (idempotency.interceptor.ts), and with it every id the command makes is derived, not drawn:
 * the new case's id and each new event's id. A retry of the same request therefore proposes the
 * very same ids, so the pipeline recognises its own events in the stream (and answers from them
 * instead of deciding again), and the store keeps an id once if two runs race to append.
 */
import { createHash } from 'node:crypto';
import { uuidv7 } from '../events/uuidv7';
import { CommandContext } from './command-context';

/**
 * The seed of one idempotent request: sha256 of who sent it, the key and the request's hash
 * (method, URL and body). The same request under the same key by the same principal has the
 * same seed; anything else has another.
 */
export function idempotencySeed(principal: string, key: string, requestHash: string): string {
  return createHash('sha256').update(lengthPrefixed(['idempotency-seed', principal, key, requestHash])).digest('hex');
}

/**
 * A UUID derived from `parts` (RFC 9562 version 8, the version for custom layouts): the first
 * 128 bits of sha256 over the length-prefixed parts, with the version and variant bits set.
 * Stable for the same parts; any change of a part (or of where one part ends) gives another.
 */
export function derivedUuid(...parts: (string | number)[]): string {
  const bytes = createHash('sha256').update(lengthPrefixed(parts)).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of the `index`-th (0-based) event a command with this seed appends to `streamId`. */
export function derivedEventId(seed: string, streamId: string, index: number): string {
  return derivedUuid('event', seed, streamId, index);
}

/**
 * The id of the case a create command makes: derived from the request's idempotency seed, so a
 * retry of the same request addresses the same case; a fresh UUIDv7 when there is no seed.
 * Every create handler takes its new case id from here.
 */
export function newCaseId(context: Pick<CommandContext, 'idempotencySeed'>): string {
  return context.idempotencySeed ? derivedUuid('case', context.idempotencySeed) : uuidv7();
}

function lengthPrefixed(parts: (string | number)[]): string {
  return parts.map((p) => `${String(p).length}:${String(p)}`).join('|');
}
