/**
 * Event type names are stable contracts. Each case type declares its events once
 * (name, current schema version, the JSON Schema of its data, upcasters from older versions);
 * this registry applies the upcasters on read, so deciders and projections only see the current
 * shape, and checks an event about to be appended against its type's schema (issue 10), so a
 * malformed event never reaches the store or a projection.
 */
import { ValidateFunction } from 'ajv';
import { NewEvent, RecordedEvent } from '../event-store/event-store.port';
import { EVENT_METADATA_SCHEMA } from './event-metadata';
import { compileSchema, EventDataSchema, requireEveryProperty, SchemaProblem, schemaProblems, UUID_SOURCE } from './event-schema';

export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export interface EventTypeDefinition {
  type: string;
  schemaVersion: number;
  /**
   * The data at `schemaVersion`, as JSON Schema (written as `JSONSchemaType<Data>` beside the
   * type, see event-schema.ts). Appends are checked against it; stored events of older versions
   * are not (they were checked when appended, and reach readers through the upcasters).
   */
  schema: EventDataSchema;
  /** `upcasters[v]` turns version v into version v + 1. */
  upcasters?: Record<number, Upcaster>;
}

interface Registered extends EventTypeDefinition {
  validate: ValidateFunction;
}

const validateMetadata = compileSchema(EVENT_METADATA_SCHEMA);
const UUID = new RegExp(UUID_SOURCE);

export class EventRegistry {
  private readonly definitions = new Map<string, Registered>();

  /** Compiles each schema once, here; a type without a schema, or with a schema that does not compile, is refused. */
  register(...definitions: EventTypeDefinition[]): this {
    for (const d of definitions) {
      if (this.definitions.has(d.type)) throw new Error(`Event type ${d.type} is registered twice`);
      if (!d.schema) throw new Error(`Event type ${d.type} has no schema: declare the JSON Schema of its data beside its type`);
      let validate: ValidateFunction;
      try {
        requireEveryProperty(d.schema);
        validate = compileSchema(d.schema);
      } catch (error) {
        throw new Error(`Event type ${d.type} has an unusable schema: ${(error as Error).message}`);
      }
      this.definitions.set(d.type, { ...d, validate });
    }
    return this;
  }

  schemaVersion(type: string): number {
    const d = this.definitions.get(type);
    if (!d) throw new Error(`Unknown event type ${type}: add it to its case type's *.events.ts`);
    return d.schemaVersion;
  }

  has(type: string): boolean {
    return this.definitions.has(type);
  }

  /** Every registered type. */
  types(): string[] {
    return [...this.definitions.keys()];
  }

  /** The problems of `data` as the current version of `type` ([] when it conforms); an unknown type is one problem. */
  dataProblems(type: string, data: unknown): SchemaProblem[] {
    const d = this.definitions.get(type);
    if (!d) return [{ instancePath: '', message: `unknown event type ${JSON.stringify(type).slice(0, 80)}` }];
    return d.validate(data) ? [] : schemaProblems(d.validate.errors);
  }

  /**
   * The problems of an event about to be appended ([] when it may be stored): a registered type,
   * an id that is a UUID and is its metadata's `eventId`, well-formed metadata at the type's
   * current schema version (appends always carry the current version), and data that conforms
   * to that version's schema. Paths are from the event: `/data/citizen/cpr`, `/metadata/…`.
   */
  appendProblems(event: NewEvent): SchemaProblem[] {
    const d = this.definitions.get(event.type);
    if (!d) return [{ instancePath: '/type', message: `unknown event type ${JSON.stringify(event.type).slice(0, 80)}` }];
    if (typeof event.id !== 'string' || !UUID.test(event.id)) return [{ instancePath: '/id', message: 'must be a UUID' }];
    if (!validateMetadata(event.metadata)) return schemaProblems(validateMetadata.errors).map((p) => ({ ...p, instancePath: `/metadata${p.instancePath}` }));
    if (event.metadata.eventId !== event.id) return [{ instancePath: '/metadata/eventId', message: 'must be the event id' }];
    if (event.metadata.schemaVersion !== d.schemaVersion) return [{ instancePath: '/metadata/schemaVersion', message: `must be ${d.schemaVersion}, the current version of ${d.type}` }];
    return d.validate(event.data) ? [] : schemaProblems(d.validate.errors).map((p) => ({ ...p, instancePath: `/data${p.instancePath}` }));
  }

  /** Brings a stored event to the current schema version of its type. */
  upcast(event: RecordedEvent): RecordedEvent {
    const d = this.definitions.get(event.type);
    if (!d || event.schemaVersion >= d.schemaVersion) return event;
    let data = event.data;
    for (let v = event.schemaVersion; v < d.schemaVersion; v++) {
      const up = d.upcasters?.[v];
      if (!up) throw new Error(`No upcaster for ${event.type} from schema version ${v}`);
      data = up(data);
    }
    return { ...event, data, schemaVersion: d.schemaVersion };
  }
}
