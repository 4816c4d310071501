/**
 * Schema changes go through upcasters applied on read (architecture.md "Write side"): the
 * registry brings an old event to the current shape one version at a time, and the command
 * pipeline hands deciders only the current shape, whatever version is stored.
 */
import { loadConfig } from '../config/config';
import { CommandPipeline } from '../commands/command-pipeline';
import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { openPostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { Metrics } from '../metrics/metrics';
import { createEmptyDatabase } from '../../../test/support/test-database';
import { DomainEvent } from './decider';
import { EventRegistry, EventTypeDefinition, Upcaster } from './event-registry';
import { uuidv7 } from './uuidv7';

/** v1 { name }, v2 { fullName }, v3 { fullName, initials }. Each upcaster logs that it ran. */
function personRenamed(log: string[] = []): EventTypeDefinition {
  const step = (from: number, up: Upcaster): Upcaster => (d) => (log.push(`v${from}->v${from + 1}`), up(d));
  return {
    type: 'PersonRenamed',
    schemaVersion: 3,
    schema: { type: 'object', required: ['fullName', 'initials'], additionalProperties: false, properties: { fullName: { type: 'string' }, initials: { type: 'string' } } },
    upcasters: {
      1: step(1, ({ name, ...rest }) => ({ ...rest, fullName: name })),
      2: step(2, (d) => ({ ...d, initials: String(d.fullName).split(' ').map((w) => w[0]).join('') })),
    },
  };
}

/** The schema of a type whose data the test does not care about. */
const ANY = { type: 'object', required: [], additionalProperties: false, properties: {} };

function recorded(type: string, schemaVersion: number, data: Record<string, unknown>): RecordedEvent {
  const id = uuidv7();
  return {
    id, streamId: 'person-1', revision: 0, type, schemaVersion, data, recordedAt: new Date('2025-01-01T00:00:00Z'), checkpoint: '1:1',
    metadata: { eventId: id, correlationId: 'c', causationId: 'c', principal: { userId: 'u', role: 'jobcentre', org: '101' }, occurredAt: '2025-01-01T00:00:00.000Z', schemaVersion },
  };
}

describe('EventRegistry', () => {
  it('upcasts an old event step by step, v1 → v2 → v3, keeping everything but data and version', () => {
    const log: string[] = [];
    const registry = new EventRegistry().register(personRenamed(log));
    const old = recorded('PersonRenamed', 1, { personId: 'p1', name: 'Anna Marie Holm' });
    const current = registry.upcast(old);
    expect(log).toEqual(['v1->v2', 'v2->v3']);
    expect(current.data).toEqual({ personId: 'p1', fullName: 'Anna Marie Holm', initials: 'AMH' });
    expect(current.schemaVersion).toBe(3);
    expect({ ...current, data: old.data, schemaVersion: 1 }).toEqual(old);
    expect(old.data).toEqual({ personId: 'p1', name: 'Anna Marie Holm' }); // the stored event is not mutated
  });

  it('starts from the stored version: a v2 event only takes the v2 → v3 step', () => {
    const log: string[] = [];
    const registry = new EventRegistry().register(personRenamed(log));
    expect(registry.upcast(recorded('PersonRenamed', 2, { fullName: 'Bo Lund' })).data).toEqual({ fullName: 'Bo Lund', initials: 'BL' });
    expect(log).toEqual(['v2->v3']);
  });

  it('passes a current event through unchanged, and an unregistered type too', () => {
    const log: string[] = [];
    const registry = new EventRegistry().register(personRenamed(log));
    const current = recorded('PersonRenamed', 3, { fullName: 'Bo Lund', initials: 'BL' });
    expect(registry.upcast(current)).toBe(current);
    const unknown = recorded('SomethingElse', 1, { x: 1 });
    expect(registry.upcast(unknown)).toBe(unknown);
    expect(log).toEqual([]);
  });

  it('throws when an upcaster in the chain is missing', () => {
    const registry = new EventRegistry().register({ type: 'Gappy', schemaVersion: 3, schema: ANY, upcasters: { 1: (d) => d } });
    expect(() => registry.upcast(recorded('Gappy', 1, {}))).toThrow('No upcaster for Gappy from schema version 2');
    expect(() => registry.upcast(recorded('Gappy', 2, {}))).toThrow('No upcaster for Gappy from schema version 2');
    const none = new EventRegistry().register({ type: 'Bare', schemaVersion: 2, schema: ANY });
    expect(() => none.upcast(recorded('Bare', 1, {}))).toThrow('No upcaster for Bare from schema version 1');
  });

  it('refuses a type registered twice, in one call or across calls', () => {
    expect(() => new EventRegistry().register({ type: 'A', schemaVersion: 1, schema: ANY }, { type: 'A', schemaVersion: 2, schema: ANY })).toThrow('Event type A is registered twice');
    const registry = new EventRegistry().register({ type: 'A', schemaVersion: 1, schema: ANY });
    expect(() => registry.register({ type: 'A', schemaVersion: 1, schema: ANY })).toThrow('Event type A is registered twice');
  });

  it('knows each type’s current version and refuses an unknown type', () => {
    const registry = new EventRegistry().register(personRenamed());
    expect(registry.schemaVersion('PersonRenamed')).toBe(3);
    expect(registry.has('PersonRenamed')).toBe(true);
    expect(registry.has('Nope')).toBe(false);
    expect(() => registry.schemaVersion('Nope')).toThrow(/Unknown event type Nope/);
  });

  describe('through the command pipeline (PostgreSQL event store)', () => {
    type Tagged = DomainEvent<'Tagged', { tags: string[] }>;
    let store: EventStore;
    beforeAll(async () => {
      store = await openPostgresEventStore({ databaseUrl: await createEmptyDatabase('registry'), poolSize: 3 });
    });
    afterAll(() => store.close());

    it('an event stored at schema v1 is upcast before the decider’s evolve sees it; new events are stored at v2', async () => {
      // v1 stored one tag as a string; v2 stores a list.
      const registry = new EventRegistry().register({
        type: 'Tagged',
        schemaVersion: 2,
        schema: { type: 'object', required: ['tags'], additionalProperties: false, properties: { tags: { type: 'array', items: { type: 'string' } } } },
        upcasters: { 1: ({ tag }) => ({ tags: [tag] }) },
      });
      const streamId = `tagged-${uuidv7()}`;
      const id = uuidv7();
      await store.append(
        streamId,
        [{ id, type: 'Tagged', data: { tag: 'urgent' }, metadata: { eventId: id, correlationId: 'old', causationId: 'old', principal: { userId: 'u', role: 'jobcentre', org: '101' }, occurredAt: '2020-01-01T00:00:00.000Z', schemaVersion: 1 } }],
        'no_stream',
      );
      expect((await store.readStream(streamId))[0]).toMatchObject({ schemaVersion: 1, data: { tag: 'urgent' } });

      const seen: Tagged[] = [];
      const decider = {
        initialState: (): string[] => [],
        evolve: (state: string[], e: Tagged) => (seen.push(e), [...state, ...e.data.tags]),
      };
      const pipeline = new CommandPipeline(store, loadConfig({}), { now: () => new Date('2025-06-01T12:00:00Z') }, registry, new Metrics());
      const context = { principal: { userId: 'u', role: 'jobcentre' as const, org: '101' }, correlationId: 'c', causationId: 'c' };
      let decidedOn: string[] | undefined;
      const result = await pipeline.handle(decider, streamId, (tags) => ((decidedOn = tags), [{ type: 'Tagged' as const, data: { tags: ['reviewed'] } }]), context);

      expect(seen[0]).toMatchObject({ type: 'Tagged', schemaVersion: 2, data: { tags: ['urgent'] } });
      expect(decidedOn).toEqual(['urgent']);
      expect(result.state).toEqual(['urgent', 'reviewed']);
      const stored = await store.readStream(streamId);
      expect(stored.map((e) => [e.schemaVersion, e.metadata.schemaVersion, e.data])).toEqual([
        [1, 1, { tag: 'urgent' }], // the stored history is never rewritten
        [2, 2, { tags: ['reviewed'] }],
      ]);
    });
  });
});
