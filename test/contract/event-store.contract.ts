/**
 * The one contract every EventStore adapter passes (architecture.md "Fixed choices").
 * Tests use fresh stream ids and only look at their own streams, so they also run on a shared store.
 */
import { subscribeToAll } from '../../src/platform/event-store/catch-up-subscription';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../../src/platform/event-store/event-store.errors';
import type { AppendResult, Checkpoint, EventStore, ExpectedRevision, NewEvent, RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { EventMetadata } from '../../src/platform/events/event-metadata';
import { uuidv7 } from '../../src/platform/events/uuidv7';
import { clockMovesOn } from '../support/wait';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const newStreamId = (label: string) => `contract-${label}-${randomUUID()}`;
const idsOf = (events: { id: string }[]) => events.map((event) => event.id);

function newEvent(type = 'ContractEventRecorded', data: Record<string, unknown> = {}): NewEvent {
  const id = uuidv7();
  const principal = { role: 'jobcentre', userId: 'contract-test', org: '101' } as const;
  const occurredAt = new Date().toISOString();
  const metadata: EventMetadata = { eventId: id, correlationId: uuidv7(), causationId: uuidv7(), principal, occurredAt, schemaVersion: 1 };
  return { id, type, data, metadata };
}

async function expectConflict(append: Promise<unknown>, streamId: string, expected: ExpectedRevision, actual: number) {
  const error = await append.then(() => new Error('append succeeded but should have been rejected'), (e: unknown) => e);
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ streamId, expected, actual });
}

/** Reads all events after `from` in batches of `maxCount` until an empty batch. */
async function readToEnd(store: EventStore, from: Checkpoint | null, maxCount = 500) {
  const events: RecordedEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const batch = await store.readAll(checkpoint, maxCount);
    expect(batch.events.length).toBeLessThanOrEqual(maxCount);
    if (batch.events.length === 0) return { events, checkpoint: batch.checkpoint };
    // Guards against an adapter that hands out the same batch forever.
    expect(batch.checkpoint).not.toEqual(checkpoint);
    events.push(...batch.events);
    checkpoint = batch.checkpoint;
  }
}

/** Declares the contract tests; the suite opens the store before them and closes it after. */
export function describeEventStoreContract(adapterName: string, open: () => Promise<EventStore>): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    let head: Checkpoint | null = null;
    /** The current end of the global log, so a test reads only what came after it. */
    const currentHead = async () => (head = (await readToEnd(store, head)).checkpoint);

    beforeAll(async () => void (store = await open()));
    afterAll(async () => store?.close());

    it('lets exactly one of two concurrent writers at the same expected revision win', async () => {
      const streamId = newStreamId('race');
      let expected: ExpectedRevision = 'no_stream';
      for (let round = 0; round < 10; round++) {
        const [first, second] = [newEvent('ContractRaceWon'), newEvent('ContractRaceWon')];
        const results = await Promise.allSettled([
          store.append(streamId, [first], expected),
          store.append(streamId, [second], expected),
        ]);
        const won = results.filter((r): r is PromiseFulfilledResult<AppendResult> => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(won[0].value.nextExpectedRevision).toBe(round);
        expect(lost[0].reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(lost[0].reason).toMatchObject({ streamId, expected, actual: round });
        const winner = results[0].status === 'fulfilled' ? first : second;
        expect((await store.readStream(streamId)).at(-1)?.id).toBe(winner.id);
        expected = round;
      }
      expect(await store.readStream(streamId)).toHaveLength(10);
    });

    it("rejects 'no_stream' on an existing stream and a stale revision, typed; 'any' always appends", async () => {
      const streamId = newStreamId('expected');
      const created = await store.append(streamId, [newEvent(), newEvent(), newEvent()], 'no_stream');
      expect(created.nextExpectedRevision).toBe(2);
      await expectConflict(store.append(streamId, [newEvent()], 'no_stream'), streamId, 'no_stream', 2);
      await expectConflict(store.append(streamId, [newEvent()], 0), streamId, 0, 2);
      await expectConflict(store.append(streamId, [newEvent()], 7), streamId, 7, 2);
      const missing = newStreamId('missing');
      await expectConflict(store.append(missing, [newEvent()], 0), missing, 0, -1);
      expect(await store.readStream(missing)).toEqual([]);

      expect((await store.append(streamId, [newEvent()], 'any')).nextExpectedRevision).toBe(3);
      expect((await store.append(newStreamId('any'), [newEvent()], 'any')).nextExpectedRevision).toBe(0);
      expect(await store.readStream(streamId)).toHaveLength(4);
    });

    it('stores a repeated event id once (idempotent append)', async () => {
      const from = await currentHead();
      const streamId = newStreamId('dedup');
      const [first, second, third] = [newEvent(), newEvent(), newEvent()];
      await store.append(streamId, [first, second], 'no_stream');
      // A writer that lost the answer retries the very same call: it must succeed and add nothing.
      expect((await store.append(streamId, [first, second], 'no_stream')).nextExpectedRevision).toBe(1);
      await store.append(streamId, [third], 1);
      await store.append(streamId, [third], 'any');

      const expectedIds = idsOf([first, second, third]);
      expect(idsOf(await store.readStream(streamId))).toEqual(expectedIds);
      const all = (await readToEnd(store, from)).events.filter((event) => event.streamId === streamId);
      expect(idsOf(all)).toEqual(expectedIds);
    });

    it('keeps order within a stream: revisions 0..n-1, data round-trips, a missing stream reads as []', async () => {
      const streamId = newStreamId('order');
      const events = Array.from({ length: 7 }, (_, i) =>
        newEvent(`ContractStep${i}Taken`, { index: i, nested: { list: [i, 'æøå', null, true], ratio: i / 4 } }),
      );
      await store.append(streamId, events.slice(0, 1), 'no_stream');
      await store.append(streamId, events.slice(1, 4), 0);
      await store.append(streamId, events.slice(4), 3);

      const read = await store.readStream(streamId);
      expect(read.map(({ id, streamId, revision, type, data }) => ({ id, streamId, revision, type, data }))).toEqual(
        events.map(({ id, type, data }, revision) => ({ id, streamId, revision, type, data })),
      );
      expect(read.every((event) => event.recordedAt instanceof Date && event.schemaVersion === 1)).toBe(true);
      expect(await store.readStream(newStreamId('never-written'))).toEqual([]);
    });

    it('reads all events in global append order, the same in small batches as in one read', async () => {
      const from = await currentHead();
      const streams = [newStreamId('global-a'), newStreamId('global-b'), newStreamId('global-c')];
      const appended: string[] = [];
      const revisions = new Map<string, number>();
      for (let i = 0; i < 12; i++) {
        const streamId = streams[(i * 2) % 3];
        const batch = i % 4 === 0 ? [newEvent(), newEvent()] : [newEvent()];
        const result = await store.append(streamId, batch, revisions.get(streamId) ?? 'no_stream');
        revisions.set(streamId, result.nextExpectedRevision);
        appended.push(...idsOf(batch));
      }

      const oneRead = await readToEnd(store, from, 1000);
      expect(idsOf(oneRead.events.filter((event) => streams.includes(event.streamId)))).toEqual(appended);
      const smallBatches = await readToEnd(store, from, 3);
      expect(idsOf(smallBatches.events)).toEqual(idsOf(oneRead.events));

      // An event's checkpoint resumes just after it; at the end nothing new returns the same checkpoint.
      const resumed = await store.readAll(oneRead.events[4].checkpoint, 1);
      expect(idsOf(resumed.events)).toEqual([oneRead.events[5].id]);
      expect(await store.readAll(oneRead.checkpoint, 10)).toEqual({ events: [], checkpoint: oneRead.checkpoint });
    });

    it('delivers every event exactly once, in order per stream, while 8 writers append concurrently', async () => {
      const from = await currentHead();
      const perWriter = 40;
      const writers = Array.from({ length: 8 }, (_, w) => ({ streamId: newStreamId(`writer${w}`), ids: [] as string[] }));
      const delivered = new Map(writers.map((writer) => [writer.streamId, [] as RecordedEvent[]]));
      let deliveredCount = 0;
      let writersDoneAt: number | null = null;

      // The reader is the port's catch-up subscription, stopped once everything arrived (or 15 s passed).
      const stop = new AbortController();
      const reader = (async () => {
        for await (const batch of subscribeToAll(store, { from, batchSize: 25, idleWaitMs: 250, signal: stop.signal })) {
          for (const event of batch.events) {
            const seen = delivered.get(event.streamId);
            if (!seen) continue;
            seen.push(event);
            deliveredCount++;
          }
        }
      })();
      const watchdog = setInterval(() => {
        if (writersDoneAt !== null && (deliveredCount >= writers.length * perWriter || Date.now() - writersDoneAt > 15_000)) stop.abort();
      }, 50);

      const writeAll = async (writer: (typeof writers)[number]) => {
        let expected: ExpectedRevision = 'no_stream';
        while (writer.ids.length < perWriter) {
          await sleep(Math.random() * 15);
          const size = Math.min(perWriter - writer.ids.length, Math.random() < 0.3 ? 2 + Math.floor(Math.random() * 3) : 1);
          const batch = Array.from({ length: size }, () => newEvent('ContractWriterAppended', { n: writer.ids.length }));
          const result = await store.append(writer.streamId, batch, expected);
          writer.ids.push(...idsOf(batch));
          expected = result.nextExpectedRevision;
        }
      };
      const writeError = await Promise.all(writers.map(writeAll)).then(() => null, (error: unknown) => error);
      writersDoneAt = Date.now();
      await reader;
      clearInterval(watchdog);
      if (writeError) throw writeError;

      for (const writer of writers) {
        const seen = delivered.get(writer.streamId) ?? [];
        expect(idsOf(seen)).toEqual(writer.ids);
        expect(seen.map((event) => event.revision)).toEqual(writer.ids.map((_, revision) => revision));
      }
      expect(deliveredCount).toBe(writers.length * perWriter);
    });

    it('wakes waitForAppends on an append and on abort, well before its timeout', async () => {
      await currentHead();
      // The store's wake-up channel (PostgreSQL: its LISTEN session) is up before the wait starts:
      // otherwise a slow connect lets the append slip by unheard and the wait runs to its timeout.
      await store.waitForAppends(0);
      const startedAt = Date.now();
      const woken = store.waitForAppends(20_000);
      await sleep(50);
      await store.append(newStreamId('wake'), [newEvent()], 'no_stream');
      await woken;
      expect(Date.now() - startedAt).toBeLessThan(5_000);

      await currentHead();
      const controller = new AbortController();
      const aborted = store.waitForAppends(20_000, controller.signal);
      const abortedAt = Date.now();
      setTimeout(() => controller.abort(), 50);
      await aborted;
      expect(Date.now() - abortedAt).toBeLessThan(5_000);
    });

    it('reads a stream up to a timestamp', async () => {
      const streamId = newStreamId('as-of');
      const early = [newEvent(), newEvent()];
      await store.append(streamId, early, 'no_stream');
      await clockMovesOn(); // the cut falls after the early events' (sub-millisecond) times…
      const upTo = new Date();
      await clockMovesOn(); // …and before the late one's
      const late = [newEvent()];
      await store.append(streamId, late, 1);

      const asOf = await store.readStream(streamId, { upTo });
      expect(idsOf(asOf)).toEqual(idsOf(early));
      expect(asOf.every((event) => event.recordedAt.getTime() <= upTo.getTime())).toBe(true);
      expect(idsOf(await store.readStream(streamId))).toEqual(idsOf([...early, ...late]));
      expect(await store.readStream(streamId, { upTo: new Date(Date.now() - 3_600_000) })).toEqual([]);
    });

    it('round-trips a 1 MB event byte-identical', async () => {
      const from = await currentHead();
      const streamId = newStreamId('large');
      // ~1 MB: KurrentDB's default MaxAppendSize is 1 MiB per append, data and metadata together.
      const blob = 'æøå 🙂 "quoted" \\ \n\t' + randomBytes(750_000).toString('base64');
      const event = newEvent('ContractLargeEventRecorded', { blob });
      await store.append(streamId, [event], 'no_stream');

      const [fromStream] = await store.readStream(streamId);
      const fromAll = (await readToEnd(store, from)).events.find((recorded) => recorded.id === event.id);
      for (const recorded of [fromStream, fromAll]) {
        const text = String(recorded?.data.blob);
        expect(text.length).toBe(blob.length);
        expect(sha256(text)).toBe(sha256(blob));
      }
    });

    it('round-trips metadata: ids, principal, occurred-at and schema version', async () => {
      const from = await currentHead();
      const streamId = newStreamId('metadata');
      const id = uuidv7();
      const metadata: EventMetadata = {
        eventId: id,
        correlationId: uuidv7(),
        causationId: uuidv7(),
        principal: { role: 'company-support', userId: 'user-42', org: '12345678', name: 'Åse Ødegård' },
        occurredAt: '2025-03-01T08:15:30.123Z',
        schemaVersion: 3,
      };
      await store.append(streamId, [{ id, type: 'ContractMetadataRecorded', data: { ok: true }, metadata }], 'no_stream');

      const [fromStream] = await store.readStream(streamId);
      const fromAll = (await readToEnd(store, from)).events.find((recorded) => recorded.id === id);
      for (const recorded of [fromStream, fromAll]) {
        expect(recorded).toMatchObject({ id, streamId, schemaVersion: 3, data: { ok: true } });
        expect(recorded?.metadata).toEqual(metadata);
      }
    });
  });
}
