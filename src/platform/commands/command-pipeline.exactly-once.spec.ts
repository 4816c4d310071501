/**
 * Exactly-once commands (issue 11) at the pipeline: a command run with an idempotency seed that
 * already happened (its stored answer was lost when the process died after the append) is not
 * decided or appended again; the retry answers from the events in the stream. On the real
 * PostgreSQL event store, through the schema check every append of the app goes through (so the
 * derived ids are proven to pass it); on KurrentDB too where EVENTSTORE_CONNECTION_STRING names
 * a server. A tiny counter decider stands in for a case type.
 */
import { randomUUID } from 'node:crypto';
import { createEmptyDatabase } from '../../../test/support/test-database';
import { Clock } from '../clock/clock';
import { loadConfig } from '../config/config';
import { WrongExpectedRevisionError } from '../event-store/event-store.errors';
import { EventStore, NewEvent } from '../event-store/event-store.port';
import { openKurrentDbEventStore } from '../event-store/kurrentdb/kurrentdb-event-store';
import { openPostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { SchemaCheckedEventStore } from '../event-store/schema-checked-event-store';
import { DomainEvent } from '../events/decider';
import { EventRegistry } from '../events/event-registry';
import { uuidv7 } from '../events/uuidv7';
import { Metrics } from '../metrics/metrics';
import { CommandContext } from './command-context';
import { CommandPipeline } from './command-pipeline';
import { derivedEventId, idempotencySeed } from './idempotent-ids';

type Added = DomainEvent<'Added', { amount: number; at: string }>;
type Counter = { total: number; seen: number; last: string | null };
const counter = {
  initialState: (): Counter => ({ total: 0, seen: 0, last: null }),
  evolve: (s: Counter, e: Added): Counter => ({ total: s.total + e.data.amount, seen: s.seen + 1, last: e.data.at }),
};

/** A clock that moves: a second run of a command decides at another time, so its events would differ. */
let tick = Date.parse('2025-03-14T09:00:00.000Z');
const clock: Clock = { now: () => new Date((tick += 1000)) };
const added = (amount: number): Added => ({ type: 'Added', data: { amount, at: clock.now().toISOString() } });

const context: CommandContext = {
  principal: { userId: 'cw-1', role: 'jobcentre', org: '101', name: 'Karen Jensen' },
  correlationId: 'corr-1',
  causationId: 'req-1',
};
const seeded = (key = randomUUID()): CommandContext => ({ ...context, idempotencySeed: idempotencySeed('jobcentre:101:cw-1', key, 'a'.repeat(64)) });

const registry = new EventRegistry().register({
  type: 'Added',
  schemaVersion: 1,
  schema: { type: 'object', required: ['amount', 'at'], additionalProperties: false, properties: { amount: { type: 'number' }, at: { type: 'string' } } },
});

const kurrent = process.env.EVENTSTORE_CONNECTION_STRING;
const adapters: [string, () => Promise<EventStore>][] = [
  ['PostgreSQL', async () => openPostgresEventStore({ databaseUrl: await createEmptyDatabase('exactly_once'), poolSize: 5 })],
  ...(kurrent ? [['KurrentDB', () => openKurrentDbEventStore(kurrent)] as [string, () => Promise<EventStore>]] : []),
];

describe.each(adapters)('CommandPipeline: exactly-once commands with an idempotency seed (%s)', (_name, open) => {
  let store: EventStore;
  let metrics: Metrics;
  const nextStream = () => `counter-${randomUUID()}`;

  beforeAll(async () => void (store = new SchemaCheckedEventStore(await open(), registry)));
  afterAll(() => store.close());

  function pipeline(through: EventStore = store): CommandPipeline {
    metrics = new Metrics();
    return new CommandPipeline(through, { ...loadConfig({}), commandRetries: 3 }, clock, registry, metrics);
  }

  /** Another writer's event, appended straight to the store. */
  const foreign = (amount: number): NewEvent => {
    const id = uuidv7();
    return { id, type: 'Added', data: { amount, at: clock.now().toISOString() }, metadata: { eventId: id, correlationId: 'other', causationId: 'other', principal: { userId: 'u2', role: 'jobcentre', org: '101' }, occurredAt: clock.now().toISOString(), schemaVersion: 1 } };
  };
  const appended = async () => ((await metrics.eventsAppended.get()).values[0]?.value ?? 0);

  it('a seeded command writes derived event ids: the seed, the stream and the index name each event', async () => {
    const streamId = nextStream();
    const ctx = seeded();
    await pipeline().handle(counter, streamId, () => [added(1), added(2), added(3)], ctx);
    const stored = await store.readStream(streamId);
    expect(stored.map((e) => e.id)).toEqual([0, 1, 2].map((i) => derivedEventId(ctx.idempotencySeed!, streamId, i)));
    for (const e of stored) expect(e.metadata.eventId).toBe(e.id);
  });

  it('the retry of a create whose answer was lost appends nothing, decides nothing, and returns the same revision, state and events', async () => {
    const streamId = nextStream();
    const ctx = seeded();
    const first = await pipeline().handle(counter, streamId, () => [added(5), added(7)], ctx);
    expect(first).toMatchObject({ streamId, revision: 1, state: { total: 12, seen: 2 } });

    // The process died before the answer was stored; the client sends the same request again.
    const decide = jest.fn(() => [added(5), added(7)]);
    const retry = await pipeline().handle(counter, streamId, decide, ctx);
    expect(decide).not.toHaveBeenCalled();
    expect(retry).toEqual(first); // the same events: the first run's, with its clock readings
    expect(await appended()).toBe(0);
    expect((await store.readStream(streamId)).map((e) => e.id)).toEqual([0, 1].map((i) => derivedEventId(ctx.idempotencySeed!, streamId, i)));
  });

  it('the retry of an act answers as the first run did, though others wrote to the stream since', async () => {
    const streamId = nextStream();
    await store.append(streamId, [foreign(100)], 'no_stream');
    const ctx = { ...seeded(), expectedRevision: 0 }; // If-Match the revision the client saw
    const first = await pipeline().handle(counter, streamId, (s) => [added(s.total + 1)], ctx);
    expect(first).toMatchObject({ revision: 1, state: { total: 201, seen: 2 } });
    await store.append(streamId, [foreign(1000), foreign(1000)], 'any');

    const decide = jest.fn(() => [added(1)]);
    const retry = await pipeline().handle(counter, streamId, decide, ctx);
    expect(decide).not.toHaveBeenCalled();
    // Not a 409 for the If-Match the first run satisfied, and nothing of the later writes in the answer.
    expect(retry).toEqual(first);
    expect((await store.readStream(streamId)).map((e) => e.data.amount)).toEqual([100, 101, 1000, 1000]);
  });

  it('another seed on the same stream is another command: it decides and appends', async () => {
    const streamId = nextStream();
    await pipeline().handle(counter, streamId, () => [added(1)], seeded());
    const second = await pipeline().handle(counter, streamId, () => [added(2)], seeded());
    expect(second).toMatchObject({ revision: 1, state: { total: 3, seen: 2 } });
    expect(await appended()).toBe(1);
  });

  it('a multi-stream command retried after a crash part-way: the streams it reached answer from their events, the others are decided', async () => {
    const [a, b] = [nextStream(), nextStream()];
    const ctx = seeded();
    const firstA = await pipeline().handle(counter, a, () => [added(1), added(2)], ctx);
    // ... the process died before it reached stream b. The retry runs the command again, per stream:
    const decideA = jest.fn(() => [added(1), added(2)]);
    const retryA = await pipeline().handle(counter, a, decideA, ctx);
    const retryB = await pipeline().handle(counter, b, () => [added(3)], ctx);
    expect(decideA).not.toHaveBeenCalled();
    expect(retryA).toEqual(firstA);
    expect(retryB).toMatchObject({ streamId: b, revision: 0, state: { total: 3 } });
    expect((await store.readStream(a)).length).toBe(2);
    expect((await store.readStream(b)).map((e) => e.id)).toEqual([derivedEventId(ctx.idempotencySeed!, b, 0)]);
    // The same seed names different events on each stream.
    expect(derivedEventId(ctx.idempotencySeed!, a, 0)).not.toBe(derivedEventId(ctx.idempotencySeed!, b, 0));
  });

  it('two runs of one request racing (both read before either appends) store the events once and answer alike', async () => {
    const streamId = nextStream();
    await store.append(streamId, [foreign(10)], 'no_stream');
    const ctx = seeded();
    // Each run's append waits until both runs are about to append: they read the same stream.
    let arrived = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    const barrier = Object.create(store) as EventStore;
    barrier.append = async (id, events, expected) => {
      if (++arrived === 2) release();
      await bothRead;
      return store.append(id, events, expected);
    };
    const [one, two] = await Promise.all([
      pipeline(barrier).handle(counter, streamId, (s) => [added(s.total), added(1)], ctx),
      pipeline(barrier).handle(counter, streamId, (s) => [added(s.total), added(1)], ctx),
    ]);
    const stored = await store.readStream(streamId);
    expect(stored.map((e) => e.id)).toEqual([stored[0].id, derivedEventId(ctx.idempotencySeed!, streamId, 0), derivedEventId(ctx.idempotencySeed!, streamId, 1)]);
    expect(one.revision).toBe(2);
    expect(two.revision).toBe(2);
    expect(one.state.total).toBe(21);
    expect(two.state.total).toBe(21);
  });

  it('a run that appends after its twin and another writer already did is answered from the stream', async () => {
    const streamId = nextStream();
    const ctx = seeded();
    let first: Awaited<ReturnType<CommandPipeline['handle']>> | undefined;
    // The late run read the empty stream; before its append lands, its twin completes and someone else writes.
    const late = Object.create(store) as EventStore;
    late.append = async (id, events, expected) => {
      first = await pipeline().handle(counter, streamId, () => [added(4)], ctx);
      await store.append(streamId, [foreign(50)], 'any');
      return store.append(id, events, expected);
    };
    const answer = await pipeline(late).handle(counter, streamId, () => [added(4)], ctx);
    expect(answer).toEqual(first);
    expect(answer).toMatchObject({ revision: 0, state: { total: 4, seen: 1 } });
    expect((await store.readStream(streamId)).map((e) => e.data.amount)).toEqual([4, 50]);
  });

  it('a run whose append is refused as a conflict because its twin appended first is answered from the stream, even under If-Match', async () => {
    const streamId = nextStream();
    await store.append(streamId, [foreign(1)], 'no_stream');
    const ctx = { ...seeded(), expectedRevision: 0 };
    let first: Awaited<ReturnType<CommandPipeline['handle']>> | undefined;
    // A store that refuses the repeat (a conflict) where PostgreSQL ignores it: the twin lands first, then this append is refused.
    const refusing = Object.create(store) as EventStore;
    refusing.append = async (id, events, expected) => {
      first = await pipeline().handle(counter, streamId, () => [added(2)], ctx);
      throw new WrongExpectedRevisionError(id, expected, first.revision);
    };
    const answer = await pipeline(refusing).handle(counter, streamId, () => [added(2)], ctx);
    expect(answer).toEqual(first);
    expect(answer).toMatchObject({ revision: 1, state: { total: 3, seen: 2 } });
    expect(await store.readStream(streamId)).toHaveLength(2);
  });
});
