/**
 * Bodies broken below the JSON level: malformed text, nesting far past the depth limit,
 * bytes that are not UTF-8, the wrong or no media type, bodies over the size limit.
 */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import type { Draw } from './generate';

export interface RawBody {
  label: string;
  body: Buffer;
  /** `content-type: null` sends none. */
  headers: Record<string, string | null>;
}

const json = (body: string | Buffer) => ({ body: Buffer.from(body), headers: { 'content-type': 'application/json' } });

const CASES: Record<string, (size: number) => Omit<RawBody, 'label'>> = {
  'malformed-json': () => json('{"scheme": "wage-subsidy", "company": {'),
  'trailing-garbage': () => json('{"a":1}}}'),
  'single-quotes': () => json("{'scheme': 'wage-subsidy'}"),
  'json-scalar': () => json('"just a string"'),
  'json-null': () => json('null'),
  'json-array': () => json('[]'),
  'duplicate-keys': () => json('{"citizen": {"cpr": "0101901234"}, "citizen": []}'),
  'deep-arrays-3000': () => json('['.repeat(3000) + ']'.repeat(3000)),
  'deep-objects-3000': () => json('{"a":'.repeat(3000) + '1' + '}'.repeat(3000)),
  'deep-unclosed': () => json('['.repeat(50_000)),
  'escaped-lone-surrogate': () => json('{"reason": "\\ud800", "caseworkerId": "\\udfff"}'),
  'escaped-nul': () => json('{"reason": "a\\u0000b", "caseworkerId": "\\u0000"}'),
  'invalid-utf8': () => json(Buffer.concat([Buffer.from('{"reason": "'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"}')])),
  'big-number': () => json('{"hoursPerWeek": 1e400, "reasonId": 9007199254740993, "page": -0}'),
  'over-body-limit': (size) => json(`{"reason": "${'x'.repeat(size + 10)}"}`),
  'text-plain': () => ({ body: Buffer.from('{"reason": "x"}'), headers: { 'content-type': 'text/plain' } }),
  'no-content-type': () => ({ body: Buffer.from('{"reason": "x"}'), headers: { 'content-type': null } }),
  'form-urlencoded': () => ({ body: Buffer.from('reason=x&__proto__[a]=1'), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  'xml': () => ({ body: Buffer.from('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>'), headers: { 'content-type': 'application/xml' } }),
  'json-utf16-charset': () => ({ body: Buffer.from('{"a":1}', 'utf16le'), headers: { 'content-type': 'application/json; charset=utf-16' } }),
  'json-unknown-charset': () => ({ body: Buffer.from('{"a":1}'), headers: { 'content-type': 'application/json; charset=klingon' } }),
  'problem-json-type': () => ({ body: Buffer.from('{"a":1}'), headers: { 'content-type': 'application/problem+json' } }),
  'gzip-garbage': () => ({ body: Buffer.from('not gzip at all'), headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } }),
  'gzip-bomb-ish': () => ({ body: gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20)), headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } }),
  'unknown-encoding': () => ({ body: Buffer.from('{"a":1}'), headers: { 'content-type': 'application/json', 'content-encoding': 'br, zstd, fuzz' } }),
  'multipart-no-boundary': () => ({ body: Buffer.from('--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--x--\r\n'), headers: { 'content-type': 'multipart/form-data' } }),
  'multipart-truncated': () => ({ body: Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-'), headers: { 'content-type': 'multipart/form-data; boundary=b' } }),
  'multipart-on-json-route': () => ({ body: Buffer.from('--b\r\nContent-Disposition: form-data; name="reason"\r\n\r\nx\r\n--b--\r\n'), headers: { 'content-type': 'multipart/form-data; boundary=b' } }),
  'csv-garbage': () => ({ body: Buffer.from('"unclosed,quote\n\u0000,\ud800\n'), headers: { 'content-type': 'text/csv' } }),
  'csv-formula': () => ({ body: Buffer.from('number,name\n=cmd|/c calc,@SUM(A1)\n'), headers: { 'content-type': 'text/csv' } }),
};

/** One malformed body; `bodyLimitBytes` is the app's limit, which `over-body-limit` goes just past. */
export function rawBody(g: Draw, bodyLimitBytes: number): RawBody {
  const label = g(() => fc.constantFrom(...Object.keys(CASES)));
  return { label, ...CASES[label](bodyLimitBytes) };
}
