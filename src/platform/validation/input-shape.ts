/**
 * Checks that hold for every input whatever its DTO (issue 10): no key that could reach an
 * object's prototype, only well-formed Unicode (a lone surrogate cannot be stored in
 * PostgreSQL's json and would fail deep inside a command) and no NUL character (PostgreSQL's
 * text and jsonb cannot hold U+0000 either). Runs as the first global pipe, on
 * bodies, query strings and path parameters alike, before any validator or handler reads them.
 */
import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ProblemError } from '../http/problems';

/** Keys refused anywhere: harmless to us only if nothing ever sees them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** In a `u` regular expression a surrogate pair is one code point, so this matches only lone halves. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** U+0000: refused by PostgreSQL in text ("invalid byte sequence") and in jsonb ("unsupported Unicode escape sequence"). */
const NUL = '\u0000';
/** The body parser refuses deeper JSON; query strings and multipart fields are flat. This bounds the walk. */
export const MAX_INPUT_DEPTH = 32;

export interface ShapeViolation {
  field: string;
  rule: 'prototype-key' | 'well-formed-unicode' | 'no-nul' | 'json-depth';
  message: string;
}

const child = (parent: string, key: string | number) => (typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

/** The first violation in `value` (named by its path under `root`), or undefined. */
export function findShapeViolation(value: unknown, root: string, depth = 0): ShapeViolation | undefined {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) return { field: root || 'body', rule: 'well-formed-unicode', message: `${root || 'body'} must be well-formed Unicode text (it holds a lone surrogate)` };
    return value.includes(NUL) ? { field: root || 'body', rule: 'no-nul', message: `${root || 'body'} must not contain a NUL character (U+0000)` } : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_INPUT_DEPTH) return { field: root || 'body', rule: 'json-depth', message: `${root || 'body'} is nested deeper than ${MAX_INPUT_DEPTH} levels` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findShapeViolation(value[i], child(root, i), depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const field = child(root, key);
    if (PROTOTYPE_KEYS.has(key)) return { field, rule: 'prototype-key', message: `${field}: '${key}' is not allowed as a field name` };
    if (LONE_SURROGATE.test(key)) return { field: root || 'body', rule: 'well-formed-unicode', message: `${root || 'body'} has a field name that is not well-formed Unicode` };
    if (key.includes(NUL)) return { field: root || 'body', rule: 'no-nul', message: `${root || 'body'} has a field name that contains a NUL character (U+0000)` };
    const found = findShapeViolation((value as Record<string, unknown>)[key], field, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** A DTO class (not Object, Array or a primitive's wrapper): its body must be one JSON object. */
function isDtoClass(metatype: ArgumentMetadata['metatype']): boolean {
  return !!metatype && ![Object, Array, String, Number, Boolean].includes(metatype as never);
}

@Injectable()
export class InputShapePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    if (metadata.type === 'body' && isDtoClass(metadata.metatype) && value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new ProblemError('validation', 'The body must be a JSON object', 'isObject', 'body');
    }
    // A named parameter (`@Param('id')`) is its own field; a whole body or query is walked from its root.
    const root = metadata.data ?? '';
    const found = findShapeViolation(value, root);
    if (found) throw new ProblemError('validation', found.message, found.rule, found.field, {}, [found]);
    return value;
  }
}
