/**
 * Event type names are stable contracts. Each case type declares its events once
 * (name, current schema version, upcasters from older versions); this registry
 * applies the upcasters on read, so deciders and projections only see the current shape.
 */
import { RecordedEvent } from '../event-store/event-store.port';

export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export interface EventTypeDefinition {
  type: string;
  schemaVersion: number;
  /** `upcasters[v]` turns version v into version v + 1. */
  upcasters?: Record<number, Upcaster>;
}

export class EventRegistry {
  private readonly definitions = new Map<string, EventTypeDefinition>();

  register(...definitions: EventTypeDefinition[]): this {
    for (const d of definitions) {
      if (this.definitions.has(d.type)) throw new Error(`Event type ${d.type} is registered twice`);
      this.definitions.set(d.type, d);
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
