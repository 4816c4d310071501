/**
 * One request per call: an operation, a caller, path, query, headers and body, either valid
 * or with exactly one thing broken (a body field in turn, a path or query parameter, a header,
 * the media type, the raw bytes), labelled so that failures group by what was broken.
 */
import fc from 'fast-check';
import { setBody, setMultipart } from './bodies';
import { hostileText } from './hostile';
import { Operation, Schema } from './openapi';
import { breakQuery, encodeText, validQuery } from './query';
import { rawBody } from './raw-bodies';
import { validByName } from './valid-values';
import { CALLERS, Caller, GARBAGE_TOKEN, NO_TOKEN, World } from './world';

export type Draw = fc.GeneratorValue;

export interface RequestSpec {
  operation: string;
  method: string;
  /** Path and query string, percent-encoded. */
  url: string;
  caller: Caller;
  headers: Record<string, string>;
  body?: Buffer;
  /** What was broken, e.g. `valid`, `body.citizen:empty-array`, `query.periodFrom:impossible-date`. */
  label: string;
}

export type Mode = 'valid' | 'body-field' | 'path' | 'query' | 'body-whole' | 'raw' | 'header';
const MODES: [Mode, number][] = [['valid', 30], ['body-field', 30], ['path', 10], ['query', 10], ['body-whole', 8], ['raw', 8], ['header', 4]];

export interface Forced {
  mode?: Mode;
  caller?: Caller;
  media?: string;
}

export function generateRequest(g: Draw, op: Operation, world: World, bodyLimitBytes: number, forced: Forced = {}): RequestSpec {
  let mode = forced.mode ?? weighted(g, MODES);
  const media = forced.media ?? (op.body ? g(() => fc.constantFrom(...Object.keys(op.body!))) : undefined);
  if (!media && (mode === 'body-field' || mode === 'body-whole')) mode = op.queryParams.length ? 'query' : 'path';
  const raw = new Set<string>();
  const pathParams = Object.fromEntries(op.pathParams.map((p) => [p.name, validPathValue(g, op, p.name, p.schema, world)]));
  const caller = forced.caller ?? pickCaller(g, op, world, Object.values(pathParams));
  const spec: RequestSpec = { operation: op.key, method: op.method, url: '', caller, headers: {}, label: 'valid' };
  if (mode === 'path' && op.pathParams.length) {
    const p = g(() => fc.constantFrom(...op.pathParams));
    const bad = g(() => fc.oneof(hostileText, fc.uuid().map((value) => ({ label: 'unknown-uuid', value }))));
    pathParams[p.name] = bad.value;
    spec.label = `path.${p.name}:${bad.label}`;
    // Now and then unencoded, as a hand-written URL would carry `../` or `%zz`.
    if (/^[\x21-\x7e]+$/.test(bad.value) && g(() => fc.boolean())) raw.add(p.name);
  }
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => (raw.has(name) ? pathParams[name] : encodeText(pathParams[name])));
  const query = validQuery(g, op, world);
  if (mode === 'query') spec.label = breakQuery(g, op, query);
  spec.url = path + (query.length ? `?${query.map(([k, v]) => `${encodeText(k)}=${encodeText(v)}`).join('&')}` : '');

  if (media) setBody(g, spec, op, media, mode, world);
  else if (op.key === 'POST /api/applications/{id}/attachments') setMultipart(g, spec, { file: true }, mode, world);
  if (mode === 'raw') {
    const bytes = rawBody(g, bodyLimitBytes);
    spec.body = bytes.body;
    for (const [name, value] of Object.entries(bytes.headers)) {
      if (value === null) delete spec.headers[name];
      else spec.headers[name] = value;
    }
    spec.label = `raw:${bytes.label}`;
  }
  if (mode === 'header') spec.label = breakHeader(g, spec);
  else if (op.method !== 'GET') {
    // Mostly a fresh key; now and then one shared by many requests (a replay, or a 422 for another body).
    const key = g(() => fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: fc.uuid(), weight: 4 }, { arbitrary: fc.constant('fuzz-shared-key'), weight: 1 }));
    if (key) spec.headers['idempotency-key'] = key;
  }
  return spec;
}

function weighted<T>(g: Draw, options: [T, number][]): T {
  return g(() => fc.oneof(...options.map(([v, weight]) => ({ arbitrary: fc.constant(v), weight }))));
}

/**
 * Mostly a caller likely to get through (one that used this case before, or this operation),
 * so cases move on through their states; else any caller, no token or a malformed one.
 */
function pickCaller(g: Draw, op: Operation, world: World, pathValues: string[]): Caller {
  const byCase = pathValues.flatMap((v) => world.callersOf(v));
  const roll = g(() => fc.integer({ min: 0, max: 99 }));
  const from = (labels: string[]) => {
    const label = g(() => fc.constantFrom(...labels));
    return [...CALLERS, NO_TOKEN, GARBAGE_TOKEN].find((c) => c.label === label)!;
  };
  if (roll < 25 && byCase.length) return from(byCase);
  if (roll < 50 && world.callersAdmitted(op.key).length) return from(world.callersAdmitted(op.key));
  if (roll < 65 && world.callersPassed(op.key).length) return from(world.callersPassed(op.key));
  if (roll < 71) return NO_TOKEN;
  if (roll < 74) return GARBAGE_TOKEN;
  return g(() => fc.constantFrom(...CALLERS));
}

function validPathValue(g: Draw, op: Operation, name: string, schema: Schema, world: World): string {
  if (schema.enum?.length) return String(g(() => fc.constantFrom(...schema.enum!)));
  const byName = validByName(name, world);
  if (byName) return String(g(() => byName));
  // A value from a link the app handed out whose shape matches the template up to this parameter.
  const prefix = op.path.slice(0, op.path.indexOf(`{${name}}`) + name.length + 2);
  const links = world.linksMatching(prefix);
  const depth = prefix.split('/').length - 1;
  if (links.length && g(() => fc.integer({ min: 0, max: 9 })) < 8) return g(() => fc.constantFrom(...links)).split('/')[depth];
  return g(() => fc.uuid());
}

function breakHeader(g: Draw, spec: RequestSpec): string {
  const header = g(() => fc.constantFrom('if-match', 'idempotency-key', 'x-correlation-id', 'content-type', 'accept'));
  // Header values must be Latin-1 for the client to send them at all.
  const bad = g(() => hostileText.filter((h) => /^[\x20-\x7e]*$/.test(h.value) && h.value.length < 4000));
  spec.headers[header] = bad.value;
  return `header.${header}:${bad.label}`;
}
