/**
 * Query strings: each declared parameter valid (arrays as repeated parameters), or one broken:
 * a hostile value, an impossible date, a repeated scalar, an unknown or prototype-named one.
 */
import fc from 'fast-check';
import type { Draw } from './generate';
import { hostileText, Labelled } from './hostile';
import { Operation } from './openapi';
import { validFor } from './valid-values';
import { World } from './world';

export function validQuery(g: Draw, op: Operation, world: World): [string, string][] {
  const pairs: [string, string][] = [];
  for (const p of op.queryParams) {
    if (!p.required && g(() => fc.integer({ min: 0, max: 2 })) > 0) continue;
    const isArray = p.schema.type === 'array';
    const values = isArray
      ? g(() => fc.array(validFor(p.schema.items ?? {}, p.name, world), { minLength: 1, maxLength: 2 }))
      : [g(() => validFor(p.schema, p.name, world))];
    for (const v of values) pairs.push([p.name, String(v)]);
  }
  return pairs;
}

/** The long poll's `wait` is only ever broken with values that cannot mean "wait a while". */
const SAFE_WAIT: Labelled<string>[] = ['-1', '31', 'abc', '0.5', '1e400', '', 'NaN', '__proto__'].map((value) => ({ label: 'bad-wait', value }));

export function breakQuery(g: Draw, op: Operation, query: [string, string][]): string {
  const kind = g(() => fc.constantFrom('declared', 'unknown', 'repeated', 'date', 'prototype'));
  const declared = op.queryParams.filter((p) => p.name !== 'wait' || kind === 'declared');
  if ((kind === 'declared' || kind === 'repeated' || kind === 'date') && declared.length) {
    const p = g(() => fc.constantFrom(...declared));
    const bad = p.name === 'wait' ? g(() => fc.constantFrom(...SAFE_WAIT))
      : kind === 'date' ? { label: 'impossible-date', value: g(() => fc.constantFrom('2026-02-30', '2026-13-01', '2026-00-00', '2026-02-29')) }
      : g(() => hostileText);
    const rest = query.filter(([k]) => k !== p.name);
    query.length = 0;
    query.push(...rest, [p.name, bad.value]);
    if (kind === 'repeated') query.push([p.name, bad.value], [p.name, '1']);
    return `query.${p.name}:${kind === 'repeated' ? 'repeated-' : ''}${bad.label}`;
  }
  if (kind === 'prototype') {
    query.push([g(() => fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto__[x]', 'constructor[prototype][x]', 'a[__proto__][b]')), '1']);
    return 'query:prototype-key';
  }
  const bad = g(() => hostileText);
  query.push([`fuzz${g(() => fc.integer({ min: 0, max: 3 }))}`, bad.value], ['fuzz0', '2']);
  return `query:unknown-param`;
}

/** Percent-encodes text as UTF-8; a lone surrogate becomes the bytes a careless encoder would send. */
export function encodeText(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return Array.from(text, (ch) => {
      const code = ch.charCodeAt(0);
      if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      }
      return encodeURIComponent(ch);
    }).join('');
  }
}
