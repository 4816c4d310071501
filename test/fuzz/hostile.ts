/**
 * The hostile values the suite breaks fields with, as fast-check arbitraries of labelled
 * values: the label names the kind of damage, so failures group by cause ("lone-surrogate"),
 * not by the random bytes that carried it.
 */
import fc from 'fast-check';

/** JSON text emitted as is: numbers JavaScript cannot hold (2^53 + 1, 1e400). */
export class RawJson {
  constructor(readonly text: string) {}
}

export interface Labelled<T> {
  label: string;
  value: T;
}

/** An object whose own key is `__proto__` (an object literal would set the prototype instead). */
const protoKeyed = (inner: unknown) => JSON.parse(`{"__proto__": ${JSON.stringify(inner)}}`) as object;

const nestedArrays = (depth: number): unknown => (depth === 0 ? [] : [nestedArrays(depth - 1)]);
const nestedObjects = (depth: number): unknown => (depth === 0 ? {} : { a: nestedObjects(depth - 1) });

const FIXED: Record<string, unknown[]> = {
  'wrong-kind': [null, true, false, 0, -1, 1.5, '', 'x', [1, 2], { a: 1 }],
  'empty-array': [[]],
  'empty-object': [{}],
  'deep-nesting': [nestedArrays(20), nestedObjects(20), nestedArrays(40), nestedObjects(40)],
  'lone-surrogate': ['\ud800', 'a\udfffb', '\ud83d', 'x'.repeat(10) + '\udc00'],
  'nul-and-controls': ['\u0000', 'a\u0000b', '\u0001\u001f\u007f', '\r\n\t', '\ufeff\ufffe\uffff'],
  'odd-unicode': ['\u202eabc', '\u200b', 'e\u0301\u0301\u0301', '🧑‍🧑‍🧒‍🧒', 'Østergaard æøå ÆØÅ', '\u{10ffff}'],
  'impossible-date': ['2026-02-30', '2026-13-01', '2026-00-10', '2026-02-29', '0000-01-01', '2026-1-1', '2026-02-30T00:00:00Z', '+275760-09-13', '9999-99-99', '2026-02-28T25:61:00Z'],
  'edge-date': ['2028-02-29', '1900-01-01', '9999-12-31', '1970-01-01', '2026-12-31T23:59:59.999Z'],
  'prototype-key': [protoKeyed({ polluted: true }), { constructor: { prototype: { polluted: true } } }, { prototype: 1 }, protoKeyed([])],
  'beyond-2^53': [new RawJson('9007199254740993'), new RawJson('-9223372036854775809'), new RawJson('1e400'), new RawJson('-1e400'), new RawJson('1e-400'), 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE],
  'numeric-text': ['NaN', 'Infinity', '-0', '0x10', '1e5', ' 1', '1 ', '٣', 'true', 'null', 'undefined'],
  sql: ["' OR 1=1 --", "'; DROP TABLE events; --", "\\'", '%', '_', "x'||(SELECT pg_sleep(0))||'", '$1', '::text', 'E\'\\x00\''],
  path: ['../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '/', '%00', 'C:\\Windows\\win.ini', 'file:///etc/passwd', '.', '..', '%2e%2e'],
};

/** Strings of a size that tests limits without flooding the body limit on every request. */
const hugeString = fc.constantFrom(2_001, 20_000, 100_000).chain((n) => fc.constantFrom('x'.repeat(n), 'æ'.repeat(n), '😀'.repeat(Math.ceil(n / 2))));

/** One arbitrary per kind of damage: a field broken "in turn" goes through them all. */
export const HOSTILE_KINDS: fc.Arbitrary<Labelled<unknown>>[] = [
  ...Object.entries(FIXED).map(([label, values]) => fc.constantFrom(...values).map((value) => ({ label, value }))),
  hugeString.map((value) => ({ label: 'huge-string', value })),
  fc.string({ unit: 'binary', maxLength: 40 }).map((value) => ({ label: 'random-string', value })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ label: 'random-json', value })),
  fc.array(fc.constantFrom(null, '', {}, []), { minLength: 1, maxLength: 5 }).map((value) => ({ label: 'array-of-junk', value })),
  fc.integer({ min: 10_000, max: 30_000 }).map((n) => ({ label: 'long-array', value: Array.from({ length: n }, (_, i) => i) })),
];

export const hostileJson: fc.Arbitrary<Labelled<unknown>> = fc.oneof(...HOSTILE_KINDS);

/** Hostile text for path segments, query values and header values. */
export const hostileText: fc.Arbitrary<Labelled<string>> = fc.oneof(
  ...Object.entries(FIXED).filter(([label]) => label !== 'prototype-key').map(([label, values]) =>
    fc.constantFrom(...values.filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v)).map(String), '').map((value) => ({ label, value })),
  ),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto__.polluted').map((value) => ({ label: 'prototype-key', value })),
  fc.constantFrom(300, 5_000).map((n) => ({ label: 'huge-string', value: 'x'.repeat(n) })),
  fc.string({ unit: 'binary', maxLength: 30 }).map((value) => ({ label: 'random-string', value })),
  fc.constantFrom('[object Object]', '{}', '[]', 'a[b]=c', 'a=1&b=2', '#frag', '?', '%', '%zz', '%E0%A4%A').map((value) => ({ label: 'url-syntax', value })),
);

/** JSON text of a value, RawJson members included verbatim. */
export function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return v;
  });
  if (text === undefined) return 'null';
  return raws.length ? text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_m, i) => raws[Number(i)]) : text;
}
