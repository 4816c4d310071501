/**
 * Request bodies: a known-valid or schema-built JSON (or CSV) body, with one field broken in
 * turn or replaced whole by a hostile value; multipart uploads with a small real file.
 */
import fc from 'fast-check';
import type { Draw, Mode, RequestSpec } from './generate';
import { HOSTILE_KINDS, hostileJson, hostileText, toJson } from './hostile';
import { Operation, Schema } from './openapi';
import { seedBody, validFor } from './valid-values';
import { World } from './world';

export function setBody(g: Draw, spec: RequestSpec, op: Operation, media: string, mode: Mode, world: World): void {
  const schema = op.body![media];
  if (media === 'multipart/form-data') return setMultipart(g, spec, { file: true, fields: schema }, mode, world);
  const seeded = seedBody(op.key, world);
  let body = g(() => (seeded && g(() => fc.integer({ min: 0, max: 3 })) > 0 ? seeded : validFor(schema, '', world)));
  if (mode === 'body-field') {
    const broken = breakField(g, body, world.nextTurn(op.key));
    body = broken.body;
    spec.label = `body.${broken.label}`;
  } else if (mode === 'body-whole') {
    const bad = g(() => hostileJson);
    body = bad.value;
    spec.label = `body:${bad.label}`;
  }
  if (media === 'text/csv') {
    spec.headers['content-type'] = 'text/csv';
    spec.body = Buffer.from(toCsv(schema, body));
  } else {
    spec.headers['content-type'] = 'application/json';
    spec.body = Buffer.from(toJson(body));
  }
}

/** Every path into a value: `citizen`, `citizen.cpr`, `records.0.aaId`, … */
function pathsOf(value: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (depth > 5 || value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.slice(0, 3).map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k], depth + 1)]);
}

/**
 * The operation's next (field, kind of damage) pair: each field in turn gets each kind of
 * hostile value, or is removed, or is joined by a hostile sibling key.
 */
function breakField(g: Draw, body: unknown, turn: number): { body: unknown; label: string } {
  const paths = pathsOf(body);
  if (!paths.length) return { body: g(() => hostileJson).value, label: 'root' };
  const target = paths[turn % paths.length];
  const kind = HOSTILE_KINDS[Math.floor(turn / paths.length) % HOSTILE_KINDS.length];
  const copy = structuredClone(body) as Record<string, unknown>;
  const parent = target.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, copy);
  const key = target[target.length - 1];
  const how = g(() => fc.constantFrom('replace', 'replace', 'replace', 'remove', 'sibling'));
  const field = target.join('.');
  if (how === 'remove') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
    return { body: copy, label: `${field}:missing` };
  }
  const bad = g(() => kind);
  if (how === 'sibling' && !Array.isArray(parent)) {
    const name = g(() => fc.constantFrom('__proto__', 'constructor', 'prototype', 'unknownField', `${key}Extra`));
    Object.defineProperty(parent, name, { value: bad.value, enumerable: true, writable: true, configurable: true });
    return { body: copy, label: `${field}+${name}:${bad.label}` };
  }
  parent[key] = bad.value;
  return { body: copy, label: `${field}:${bad.label}` };
}

/** A reference-data import as CSV: the header the document's example shows, one row per record. */
function toCsv(schema: Schema, body: unknown): string {
  const example = schema.oneOf?.find((s) => typeof s.example === 'string')?.example as string | undefined;
  const header = (example ?? 'number,name').split('\n')[0].split(',');
  const camel = (h: string) => h.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
  const cell = (v: unknown) => (v === undefined || v === null ? '' : `"${String(typeof v === 'object' ? JSON.stringify(v) : v).replace(/"/g, '""')}"`);
  const rows = Array.isArray(body) ? body : [body];
  return [header.join(','), ...rows.map((r) => header.map((h) => cell((r as Record<string, unknown> | null)?.[camel(h)])).join(','))].join('\n');
}

export function setMultipart(g: Draw, spec: RequestSpec, parts: { file: boolean; fields?: Schema }, mode: Mode, world: World): void {
  const fields: [string, string][] = [];
  for (const [name, s] of Object.entries(parts.fields?.properties ?? {})) {
    const v = name === 'confirmed' ? 'true' : name === 'party' ? g(() => fc.constantFrom('company', 'citizen')) : String(g(() => validFor(s, name, world)));
    fields.push([name, v]);
  }
  let fileName: string = g(() => fc.constantFrom('godkendelse.pdf', 'bilag æøå.txt', 'notat.txt'));
  let content = fileName.endsWith('.pdf') ? Buffer.from('%PDF-1.7\nfuzz\n') : Buffer.from('Fuzz bilag\n');
  if (mode === 'body-field' || mode === 'body-whole') {
    const bad = g(() => hostileText);
    const what = g(() => fc.constantFrom('file-name', 'file-content', 'no-file', ...fields.map(([n]) => n)));
    if (what === 'file-name') fileName = bad.value;
    else if (what === 'file-content') content = Buffer.from(bad.value);
    else if (what === 'no-file') parts = { ...parts, file: false };
    else fields.find(([n]) => n === what)![1] = bad.value;
    spec.label = `multipart.${what}:${bad.label}`;
  }
  const boundary = `fuzz${g(() => fc.integer({ min: 0, max: 1e9 }))}`;
  const chunks: Buffer[] = fields.map(([n, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`));
  if (parts.file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName.replace(/["\r\n]/g, '_')}"\r\nContent-Type: application/octet-stream\r\n\r\n`), content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  spec.headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
  spec.body = Buffer.concat(chunks);
}
