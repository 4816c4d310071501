/**
 * Issue 10: events are checked where they are stored. The store the app opens (openEventStore:
 * either adapter behind the schema check) refuses an append with one event that breaks its
 * type's schema, whole: the violation is thrown and nothing of the batch is stored, so the
 * stream's revision and the global log are as they were. Run against each adapter's real server.
 */
import { randomUUID } from 'node:crypto';
import { EventSchemaViolation } from '../../src/platform/event-store/event-store.errors';
import type { Checkpoint, EventStore, NewEvent, RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { EventMetadata } from '../../src/platform/events/event-metadata';
import { uuidv7 } from '../../src/platform/events/uuidv7';

const AT = '2026-03-02T09:15:00.000Z';

function newEvent(type: string, data: Record<string, unknown>, schemaVersion = 1): NewEvent {
  const id = uuidv7();
  const metadata: EventMetadata = {
    eventId: id, correlationId: uuidv7(), causationId: uuidv7(), principal: { role: 'jobcentre', userId: 'cw-1', org: '101' }, occurredAt: AT, schemaVersion,
  };
  return { id, type, data, metadata };
}

/** An IGU agreement's first events, as its decider writes them; `citizen` overridable (the bug report sent `[]`). */
function iguEvents(iguAgreementId: string, citizen: unknown = { cpr: '0101901234' }): NewEvent[] {
  return [
    newEvent('IguAgreementDrafted', { iguAgreementId, jobcentre: '101', company: { cvr: '12345678', pNumber: '1000000001' }, citizen, createdBy: 'jobcentre', createdAt: AT }),
    newEvent('ResponsibleCaseworkerAssigned', { caseId: iguAgreementId, caseworkerId: 'cw-1', assignedAt: AT }),
    newEvent('IguAgreementSentToCitizen', { iguAgreementId, sentAt: AT, sentBy: 'jobcentre', sentByUser: 'cw-1' }),
  ];
}

async function readToEnd(store: EventStore, from: Checkpoint | null): Promise<{ events: RecordedEvent[]; checkpoint: Checkpoint | null }> {
  const events: RecordedEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const batch = await store.readAll(checkpoint, 500);
    if (batch.events.length === 0) return { events, checkpoint: batch.checkpoint };
    events.push(...batch.events);
    checkpoint = batch.checkpoint;
  }
}

async function refusal(append: Promise<unknown>): Promise<EventSchemaViolation> {
  const error = await append.then(() => new Error('the append succeeded but should have been refused'), (e: unknown) => e);
  expect(error).toBeInstanceOf(EventSchemaViolation);
  return error as EventSchemaViolation;
}

export function describeSchemaCheckedAppendContract(adapterName: string, open: () => Promise<EventStore>): void {
  describe(`schema-checked appends: ${adapterName} (issue 10)`, () => {
    let store: EventStore;
    let head: Checkpoint | null = null;
    /** Moves `head` to the end of the global log; returns what was appended since the last call. */
    const sinceHead = async () => {
      const { events, checkpoint } = await readToEnd(store, head);
      head = checkpoint;
      return events;
    };

    beforeAll(async () => void (store = await open()));
    afterAll(async () => store?.close());

    it('refuses a new stream’s batch whose middle event breaks its schema: the violation names it, and nothing is stored', async () => {
      const iguAgreementId = randomUUID();
      const streamId = `igu-agreement-${iguAgreementId}`;
      const batch = iguEvents(iguAgreementId);
      batch[1] = newEvent('ResponsibleCaseworkerAssigned', { caseId: iguAgreementId, caseworkerId: 'cw-1', assignedAt: AT, note: 'extra' });
      await sinceHead();

      const violation = await refusal(store.append(streamId, batch, 'no_stream'));
      expect(violation).toMatchObject({
        streamId, eventType: 'ResponsibleCaseworkerAssigned', eventId: batch[1].id,
        problems: [{ instancePath: '/data', message: "must NOT have additional property 'note'" }],
      });
      expect(await store.readStream(streamId)).toEqual([]);
      expect(await sinceHead()).toEqual([]);

      // The same stream takes the well-formed batch afterwards: the refusal left nothing behind.
      const good = iguEvents(iguAgreementId);
      expect(await store.append(streamId, good, 'no_stream')).toEqual({ nextExpectedRevision: 2 });
      expect((await store.readStream(streamId)).map((e) => [e.revision, e.id, e.type, e.data])).toEqual(good.map((e, i) => [i, e.id, e.type, e.data]));
      expect((await sinceHead()).map((e) => e.id)).toEqual(good.map((e) => e.id));
    });

    it('refuses the bug report’s IguAgreementDrafted (citizen [] or {}) on an existing stream: its revision and the global log stay as they were', async () => {
      const iguAgreementId = randomUUID();
      const streamId = `igu-agreement-${iguAgreementId}`;
      const [drafted] = iguEvents(iguAgreementId);
      await store.append(streamId, [drafted], 'no_stream');
      await sinceHead();

      for (const citizen of [[], {}]) {
        const [, assigned, sent] = iguEvents(iguAgreementId);
        const [broken] = iguEvents(randomUUID(), citizen);
        const violation = await refusal(store.append(streamId, [assigned, broken, sent], 0));
        expect(violation.problems[0].instancePath).toBe('/data/citizen');
        expect(violation.message).toContain(`IguAgreementDrafted to stream ${streamId}`);
        expect(violation.message).not.toContain('0101901234');
        await refusal(store.append(streamId, [assigned, broken, sent], 'any'));
      }

      expect((await store.readStream(streamId)).map((e) => e.id)).toEqual([drafted.id]);
      expect(await sinceHead()).toEqual([]);
      // Revision 0 still holds: the next well-formed append expects it.
      const [, assigned] = iguEvents(iguAgreementId);
      expect(await store.append(streamId, [assigned], 0)).toEqual({ nextExpectedRevision: 1 });
    });

    it('refuses an unknown event type and an event at an old schema version (appends carry the current one)', async () => {
      const streamId = `aa-assignment-101-${randomUUID()}`;
      await sinceHead();
      await refusal(store.append(streamId, [newEvent('ContractEventRecorded', {})], 'no_stream'));
      const assignment = { jobcentre: '101', cpr: '0101901234', aaId: 'aa-1', effectiveAt: AT, source: 'dfdg' };
      const v1 = newEvent('CitizenAssignedToOtherActor', assignment, 1);
      expect((await refusal(store.append(streamId, [v1], 'no_stream'))).problems).toEqual([
        { instancePath: '/metadata/schemaVersion', message: 'must be 2, the current version of CitizenAssignedToOtherActor' },
      ]);
      expect(await store.readStream(streamId)).toEqual([]);
      expect(await sinceHead()).toEqual([]);
      const v2 = newEvent('CitizenAssignedToOtherActor', assignment, 2);
      await store.append(streamId, [v2], 'no_stream');
      expect((await store.readStream(streamId)).map((e) => [e.schemaVersion, e.data])).toEqual([[2, assignment]]);
    });
  });
}
