/**
 * Events are checked where they are stored (issue 10): every event type declares a JSON Schema
 * of its data next to its TypeScript type, and the store refuses an append that breaks it.
 *
 * A schema is written as ajv's `JSONSchemaType<Data>`, so the compiler checks it against the
 * type: a property the type has and the schema lacks (or the reverse), a required property left
 * out of `required`, a `| null` not written `orNull(…)`, a wrong JSON type, all fail `tsc`. What the
 * type cannot say (a CPR is ten digits, a date exists) the schema adds with the same patterns
 * the HTTP boundary uses (validation/identifiers.ts). Schemas are strict: every object lists
 * its required properties and allows no others.
 *
 * One Ajv instance for the process: it caches each compiled schema by the schema object, so a
 * schema is compiled once however many registries are built (tests build many).
 */
import Ajv, { ErrorObject, JSONSchemaType, SchemaObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { IDENTIFIERS } from '../validation/identifiers';
import { DomainEvent } from './decider';

/** The schema of one event type's data, as the registry keeps it (checked against its type where it is written). */
export type EventDataSchema = SchemaObject;

/**
 * ajv's `JSONSchemaType<T>` has one gap: for a required `X | null` property it accepts the schema
 * of X alone (which would refuse null at run time, so a valid event would be refused) and it
 * refuses `nullable: true` (it keeps that for optional properties). So a `| null` property is
 * written `orNull(schemaOfX)`, an `anyOf` with null that JSONSchemaType accepts, and this type
 * makes the compiler insist on it wherever the TypeScript type says `| null`, at any depth.
 */
type NullsMarked<T> = T extends readonly unknown[]
  ? unknown
  : T extends object
    ? { properties: { [K in keyof T]-?: null extends T[K] ? { anyOf: readonly [unknown, NullSchema] } : NullsMarked<T[K]> } }
    : unknown;

type NullSchema = { type: 'null'; nullable: true };

/** The schema of event data `T`: JSON Schema the compiler checks against the type. */
export type DataSchema<T> = JSONSchemaType<T> & NullsMarked<T>;

/** One schema per event type of the union `E`, each checked against that type's data. */
export type EventSchemas<E extends DomainEvent> = { [K in E['type']]: DataSchema<Extract<E, { type: K }>['data']> };

/** One schema problem: where in the checked value (a JSON pointer, '' for the value itself) and what is wrong. */
export interface SchemaProblem {
  instancePath: string;
  message: string;
}

const ajv = new Ajv({ allErrors: false, strict: true, strictRequired: true, allowUnionTypes: false });
addFormats(ajv, ['date', 'date-time']);

export function compileSchema<T = unknown>(schema: JSONSchemaType<T> | EventDataSchema): ValidateFunction<T> {
  return ajv.compile<T>(schema as JSONSchemaType<T>);
}

/**
 * Event data has no optional properties: a value the type may lack is `| null`, so every
 * property an object schema lists must be required (JSONSchemaType checks that each required
 * name is a required property, not that none is left out). Throws naming the first one missed.
 */
export function requireEveryProperty(schema: unknown, path = ''): void {
  if (typeof schema !== 'object' || schema === null) return;
  const s = schema as { type?: unknown; properties?: Record<string, unknown>; required?: string[]; additionalProperties?: unknown; items?: unknown; anyOf?: unknown[] };
  if (s.type === 'object') {
    if (s.additionalProperties !== false) throw new Error(`${path || 'the data'} must be closed (additionalProperties: false)`);
    for (const [name, property] of Object.entries(s.properties ?? {})) {
      if (!(s.required ?? []).includes(name)) throw new Error(`${path}/${name} is not required; event data has no optional properties (use | null)`);
      requireEveryProperty(property, `${path}/${name}`);
    }
  }
  if (s.items) requireEveryProperty(s.items, `${path}/items`);
  for (const alternative of s.anyOf ?? []) requireEveryProperty(alternative, path);
}

/** The first few problems of a failed validation, without the offending values (they may be personal data). */
export function schemaProblems(errors: ErrorObject[] | null | undefined, max = 3): SchemaProblem[] {
  return (errors ?? []).slice(0, max).map((e) => ({
    instancePath: e.instancePath,
    message: e.keyword === 'additionalProperties' ? `must NOT have additional property '${(e.params as { additionalProperty: string }).additionalProperty}'` : e.message ?? e.keyword,
  }));
}

// ---- Building blocks: the identifier and time shapes the domain uses ----------------------------

type StringSchema = { type: 'string'; pattern?: string; format?: string; minLength?: number };

const pattern = (re: RegExp): string => {
  if (re.flags !== '') throw new Error(`Identifier pattern ${re} has flags; write its schema pattern by hand`);
  return re.source;
};

/** A UUID in either case, as UUID_PATTERN (which is case-insensitive; JSON Schema patterns have no flags). */
export const UUID_SOURCE = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** The domain's identifier kinds (validation/identifiers.ts), as schema strings. */
export const id = {
  jobcentre: (): StringSchema => ({ type: 'string', pattern: pattern(IDENTIFIERS.jobcentre.pattern) }),
  cvr: (): StringSchema => ({ type: 'string', pattern: pattern(IDENTIFIERS.cvr.pattern) }),
  pNumber: (): StringSchema => ({ type: 'string', pattern: pattern(IDENTIFIERS.pNumber.pattern) }),
  cpr: (): StringSchema => ({ type: 'string', pattern: pattern(IDENTIFIERS.cpr.pattern) }),
  aaId: (): StringSchema => ({ type: 'string', pattern: pattern(IDENTIFIERS.aaId.pattern) }),
  sha256: (): StringSchema => ({ type: 'string', pattern: pattern(IDENTIFIERS.sha256.pattern) }),
  /** Case ids and the other ids the system makes. */
  uuid: (): StringSchema => ({ type: 'string', pattern: UUID_SOURCE }),
  /** A user id from a verified token's `sub` (never blank), or a name recorded in its place. */
  user: (): StringSchema => ({ type: 'string', minLength: 1 }),
};

/**
 * An instant as the deciders write it (`Date#toISOString()`): RFC 3339 with a 'T' and an explicit
 * offset. The pattern pins the shape; the format checks the values (no month 13, no 25:00).
 */
export const instant = (): StringSchema => ({ type: 'string', format: 'date-time', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$' });

/** A calendar date, YYYY-MM-DD naming a day that exists (the 'date' format checks the day). */
export const calendarDate = (): StringSchema => ({ type: 'string', format: 'date' });

/** Free text: any string (its length limit depends on the case, R27/D18, and is the decider's). */
export const text = (): StringSchema => ({ type: 'string' });

/** The parties every case names. */
export const companyRef = () => ({
  type: 'object' as const,
  required: ['cvr' as const, 'pNumber' as const],
  additionalProperties: false as const,
  properties: { cvr: id.cvr(), pNumber: id.pNumber() },
});

export const citizenRef = () => ({
  type: 'object' as const,
  required: ['cpr' as const],
  additionalProperties: false as const,
  properties: { cpr: id.cpr() },
});

/** `schema` or null, for a property whose type says `| null` (see NullsMarked). */
export function orNull<S extends object>(schema: S): { anyOf: readonly [S, NullSchema] } {
  return { anyOf: [schema, { type: 'null', nullable: true }] };
}

/** One of a registry's codes. */
export function oneOf<T extends string>(codes: readonly T[]): { type: 'string'; enum: readonly T[] } {
  return { type: 'string', enum: codes };
}
