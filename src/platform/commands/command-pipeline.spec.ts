/**
 * The shared write path against the real PostgreSQL event store on a fresh database:
 * metadata on every event, nothing appended on failure, bounded retry on a concurrent append,
 * If-Match never retried. A tiny counter decider stands in for a case type.
 */
import { loadConfig } from '../config/config';
import { Clock } from '../clock/clock';
import { EventStore, NewEvent } from '../event-store/event-store.port';
import { openPostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { DomainEvent } from '../events/decider';
import { EventRegistry } from '../events/event-registry';
import { uuidv7 } from '../events/uuidv7';
import { DomainError, ProblemError } from '../http/problems';
import { Metrics } from '../metrics/metrics';
import { createEmptyDatabase } from '../../../test/support/test-database';
import { CommandContext } from './command-context';
import { CommandPipeline } from './command-pipeline';

type Added = DomainEvent<'Added', { amount: number }>;
type Counter = { total: number; seen: number };
const counter = {
  initialState: (): Counter => ({ total: 0, seen: 0 }),
  evolve: (s: Counter, e: Added): Counter => ({ total: s.total + e.data.amount, seen: s.seen + 1 }),
};
const added = (amount: number): Added => ({ type: 'Added', data: { amount } });

const PINNED = new Date('2025-03-14T09:26:53.589Z');
const clock: Clock = { now: () => PINNED };
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const context: CommandContext = {
  principal: { userId: 'cw-1', role: 'jobcentre', org: '101', name: 'Karen Jensen' },
  correlationId: 'corr-1',
  causationId: 'req-1',
};

describe('CommandPipeline (PostgreSQL event store)', () => {
  let store: EventStore;
  let registry: EventRegistry;
  let stream = 0;
  const nextStream = () => `counter-${Date.now()}-${stream++}`;

  beforeAll(async () => {
    store = await openPostgresEventStore({ databaseUrl: await createEmptyDatabase('pipeline'), poolSize: 5 });
    registry = new EventRegistry().register({
      type: 'Added',
      schemaVersion: 2,
      schema: { type: 'object', required: ['amount'], additionalProperties: false, properties: { amount: { type: 'number' } } },
      upcasters: { 1: (d) => d },
    });
  });
  afterAll(() => store.close());

  function pipeline(commandRetries = 3, through: EventStore = store): { pipeline: CommandPipeline; metrics: Metrics } {
    const metrics = new Metrics();
    return { pipeline: new CommandPipeline(through, { ...loadConfig({}), commandRetries }, clock, registry, metrics), metrics };
  }

  /**
   * The real store, except that before each of the pipeline's first `times` appends another
   * writer appends to the same stream: the race between the pipeline's read and its append.
   */
  function racing(times: number, amount = 10): EventStore & { raced: number } {
    const raced = Object.create(store) as EventStore & { raced: number };
    raced.raced = 0;
    raced.append = async (streamId, events, expected) => {
      if (raced.raced < times) {
        raced.raced++;
        await store.append(streamId, [foreign(amount)], 'any');
      }
      return store.append(streamId, events, expected);
    };
    return raced;
  }

  /** Another writer's event, appended straight to the store. */
  const foreign = (amount: number): NewEvent => {
    const id = uuidv7();
    return { id, type: 'Added', data: { amount }, metadata: { eventId: id, correlationId: 'other', causationId: 'other', principal: { userId: 'u2', role: 'jobcentre', org: '101' }, occurredAt: PINNED.toISOString(), schemaVersion: 2 } };
  };

  it('stamps every event with eventId, correlation, causation, principal, occurredAt and schema version', async () => {
    const streamId = nextStream();
    const result = await pipeline().pipeline.handle(counter, streamId, () => [added(2), added(3)], context);
    expect(result).toMatchObject({ streamId, revision: 1, state: { total: 5, seen: 2 } });
    expect(result.events).toEqual([added(2), added(3)]);

    const stored = await store.readStream(streamId);
    expect(stored.map((e) => [e.revision, e.type, e.data, e.schemaVersion])).toEqual([[0, 'Added', { amount: 2 }, 2], [1, 'Added', { amount: 3 }, 2]]);
    for (const e of stored) {
      expect(e.metadata.eventId).toMatch(UUID_V7);
      expect(e.metadata.eventId).toBe(e.id);
      expect(e.metadata).toEqual({
        eventId: e.id,
        correlationId: 'corr-1',
        causationId: 'req-1',
        principal: { userId: 'cw-1', role: 'jobcentre', org: '101', name: 'Karen Jensen' },
        occurredAt: PINNED.toISOString(),
        schemaVersion: registry.schemaVersion('Added'),
      });
    }
    expect(stored[0].id).not.toBe(stored[1].id);
  });

  it('leaves the principal name out when the principal has none, and counts appended events', async () => {
    const { pipeline: p, metrics } = pipeline();
    const streamId = nextStream();
    await p.handle(counter, streamId, () => [added(1)], { ...context, principal: { userId: 'c', role: 'company', org: '12345678' } });
    const [e] = await store.readStream(streamId);
    expect(e.metadata.principal).toEqual({ userId: 'c', role: 'company', org: '12345678' });
    expect((await metrics.eventsAppended.get()).values).toEqual([expect.objectContaining({ labels: { type: 'Added' }, value: 1 })]);
  });

  it('a decide that throws appends nothing and surfaces the error', async () => {
    const streamId = nextStream();
    const { pipeline: p } = pipeline();
    await p.handle(counter, streamId, () => [added(1)], context);
    const refusal = new DomainError('No more than one', 'counter-limit', { kind: 'conflict', field: 'amount' });
    await expect(p.handle(counter, streamId, () => { throw refusal; }, context)).rejects.toBe(refusal);
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('an empty decision appends nothing and returns the current revision', async () => {
    const streamId = nextStream();
    const { pipeline: p } = pipeline();
    await p.handle(counter, streamId, () => [added(4), added(5)], context);
    const result = await p.handle(counter, streamId, () => [], context);
    expect(result).toEqual({ streamId, revision: 1, state: { total: 9, seen: 2 }, events: [] });
    expect(await store.readStream(streamId)).toHaveLength(2);
    expect((await p.handle(counter, nextStream(), () => [], context)).revision).toBe(-1);
  });

  it('notFound: an empty stream throws the given error and appends nothing', async () => {
    const streamId = nextStream();
    const missing = new ProblemError('not-found', 'no such counter', 'not-found', 'id');
    const decide = jest.fn(() => [added(1)]);
    await expect(pipeline().pipeline.handle(counter, streamId, decide, context, { notFound: () => missing })).rejects.toBe(missing);
    expect(decide).not.toHaveBeenCalled();
    expect(await store.readStream(streamId)).toEqual([]);
  });

  it('a conflict from a concurrent append is retried with fresh state', async () => {
    const streamId = nextStream();
    await pipeline().pipeline.handle(counter, streamId, () => [added(1)], context);
    const through = racing(1);
    const { pipeline: p, metrics } = pipeline(3, through);
    const seen: Counter[] = [];
    const result = await p.handle(counter, streamId, (state) => {
      seen.push(state);
      return [added(state.total)];
    }, context);
    expect(through.raced).toBe(1);
    expect(seen).toEqual([{ total: 1, seen: 1 }, { total: 11, seen: 2 }]);
    expect(result).toMatchObject({ revision: 2, state: { total: 22, seen: 3 }, events: [added(11)] });
    const stored = await store.readStream(streamId);
    expect(stored.map((e) => [e.revision, e.data.amount])).toEqual([[0, 1], [1, 10], [2, 11]]);
    expect((await metrics.appendConflicts.get()).values[0].value).toBe(1);
  });

  it('the retry is bounded: commandRetries + 1 attempts, then 409 with the current revision', async () => {
    for (const retries of [0, 2]) {
      const streamId = nextStream();
      await pipeline().pipeline.handle(counter, streamId, () => [added(1)], context);
      const { pipeline: p, metrics } = pipeline(retries, racing(Infinity, 1)); // always someone faster
      const decide = jest.fn(() => [added(1)]);
      const error = await p.handle(counter, streamId, decide, context).catch((e: unknown) => e);
      expect(decide).toHaveBeenCalledTimes(retries + 1);
      expect(error).toBeInstanceOf(ProblemError);
      const current = (await store.readStream(streamId)).length - 1;
      expect(error).toMatchObject({ kind: 'conflict', rule: 'expected-revision', field: 'If-Match', extra: { streamId, currentRevision: current } });
      expect(current).toBe(retries + 1); // the first event plus the other writer's: the pipeline appended none
      expect((await metrics.appendConflicts.get()).values[0].value).toBe(retries + 1);
    }
  });

  it('If-Match: a stale expected revision is a 409 with the current revision, decided never, retried never', async () => {
    const streamId = nextStream();
    await pipeline().pipeline.handle(counter, streamId, () => [added(1), added(1)], context);
    const decide = jest.fn(() => [added(1)]);
    const error = await pipeline().pipeline.handle(counter, streamId, decide, { ...context, expectedRevision: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'conflict', rule: 'expected-revision', field: 'If-Match', extra: { currentRevision: 1 } });
    expect(decide).not.toHaveBeenCalled();

    // Matching If-Match, but another writer lands first: 409 at once, no retry.
    const raced = await pipeline(3, racing(1)).pipeline.handle(counter, streamId, decide, { ...context, expectedRevision: 1 }).catch((e: unknown) => e);
    expect(decide).toHaveBeenCalledTimes(1);
    expect(raced).toMatchObject({ kind: 'conflict', rule: 'expected-revision', extra: { currentRevision: 2 } });
    expect(await store.readStream(streamId)).toHaveLength(3);

    const ok = await pipeline().pipeline.handle(counter, streamId, () => [added(1)], { ...context, expectedRevision: 2 });
    expect(ok.revision).toBe(3);
  });
});
