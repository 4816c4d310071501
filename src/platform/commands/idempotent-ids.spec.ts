/**
 * The ids an idempotent request makes (issue 11, exactly-once commands): derived from its seed,
 * so a retry proposes the very same ids; UUID-shaped, so every id check of the system passes them.
 */
import { IDENTIFIERS } from '../validation/identifiers';
import { UUID_SOURCE } from '../events/event-schema';
import { derivedEventId, derivedUuid, idempotencySeed, newCaseId } from './idempotent-ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** RFC 9562 version 8 (custom), RFC 4122 variant, lower case. */
const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('idempotent ids (exactly-once commands)', () => {
  const seed = idempotencySeed('jobcentre:101:cw-1', 'key-1', 'a'.repeat(64));

  it('the seed is a sha256 that depends on principal, key and request hash, and on nothing else', () => {
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(idempotencySeed('jobcentre:101:cw-1', 'key-1', 'a'.repeat(64))).toBe(seed);
    expect(idempotencySeed('jobcentre:101:cw-2', 'key-1', 'a'.repeat(64))).not.toBe(seed);
    expect(idempotencySeed('jobcentre:101:cw-1', 'key-2', 'a'.repeat(64))).not.toBe(seed);
    expect(idempotencySeed('jobcentre:101:cw-1', 'key-1', 'b'.repeat(64))).not.toBe(seed);
    // Where one part ends matters: the parts are length-prefixed, not just joined.
    expect(idempotencySeed('a:b', 'c', 'd')).not.toBe(idempotencySeed('a', 'b:c', 'd'));
  });

  it('an event id is stable for the same seed, stream and index', () => {
    expect(derivedEventId(seed, 'application-1', 0)).toBe(derivedEventId(seed, 'application-1', 0));
    expect(derivedEventId(seed, 'application-1', 3)).toBe(derivedEventId(seed, 'application-1', 3));
  });

  it('an event id differs per stream, per index and per seed', () => {
    const other = idempotencySeed('jobcentre:101:cw-1', 'key-2', 'a'.repeat(64));
    const ids = [
      derivedEventId(seed, 'application-1', 0),
      derivedEventId(seed, 'application-1', 1),
      derivedEventId(seed, 'application-2', 0),
      derivedEventId(seed, 'application-2', 1),
      derivedEventId(other, 'application-1', 0),
      derivedEventId(other, 'application-2', 0),
      derivedUuid('case', seed),
      derivedUuid('case', other),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    // 'stream-1' + index 10 is not 'stream-11' + index 0 (nor any other split).
    expect(derivedEventId(seed, 'stream-1', 10)).not.toBe(derivedEventId(seed, 'stream-11', 0));
  });

  it('derived ids are UUIDs (version 8) that the identifier registry and the event schemas accept', () => {
    const samples = [derivedEventId(seed, 'application-1', 0), derivedUuid('case', seed), ...Array.from({ length: 200 }, (_, i) => derivedEventId(seed, `s-${i}`, i))];
    for (const id of samples) {
      expect(id).toMatch(UUID_V8);
      expect(id).toMatch(IDENTIFIERS.caseId.pattern);
      expect(id).toMatch(IDENTIFIERS.uuid.pattern);
      expect(id).toMatch(new RegExp(UUID_SOURCE));
    }
  });

  it('newCaseId: derived from the seed (the same for a retry of the request), a fresh UUIDv7 without one', () => {
    const derived = newCaseId({ idempotencySeed: seed });
    expect(derived).toMatch(UUID_V8);
    expect(newCaseId({ idempotencySeed: seed })).toBe(derived);
    expect(derived).toBe(derivedUuid('case', seed));
    expect(newCaseId({ idempotencySeed: idempotencySeed('jobcentre:101:cw-1', 'key-2', 'a'.repeat(64)) })).not.toBe(derived);

    const fresh = newCaseId({});
    expect(fresh).toMatch(UUID_V7);
    expect(newCaseId({})).not.toBe(fresh);
  });
});
