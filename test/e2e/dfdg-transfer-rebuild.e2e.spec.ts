/**
 * DFDG messages across a transfer (R33: the new job centre receives the case's messages, in its own
 * sequence; D22-like: the supplementary grant follows its grant) and across a rebuild of the outbox
 * (byte-identical: the same ids, sequences and bodies).
 */
import { DataSource } from 'typeorm';
import { dfdgMessagesProjection } from '../../projections/dfdg/dfdg-messages.projection';
import { rebuildProjection } from '../../projections/runner/rebuild';
import { EVENT_STORE, EventStore } from '../../src/platform/event-store/event-store.port';
import { EventRegistry } from '../../src/platform/events/event-registry';
import { JOBCENTRE, OTHER_JOBCENTRE } from '../support/fixtures';
import { eventually } from '../support/projection-spec';
import { createTestApp, TestApp } from '../support/test-app';
import { Feed, activeGrant, feedOf } from './dfdg.e2e-support';
import { Actors, act, actorsOf } from './grants.e2e-support';

describe('DFDG messages: a transfer, and a rebuild of the outbox', () => {
  let t: TestApp;
  let a: Actors;
  let oldFeed: Feed;
  let newFeed: Feed;

  beforeAll(async () => {
    t = await createTestApp({ ORDINARY_EXPIRY_INTERVAL_MS: '0' });
    a = await actorsOf(t);
    oldFeed = await feedOf(t, JOBCENTRE);
    newFeed = await feedOf(t, OTHER_JOBCENTRE);
  });
  afterAll(() => t.close());

  it('R33 after a transfer the new job centre gets the case\'s messages in its own sequence; the old one sees none of them', async () => {
    const other = await activeGrant(t, a, 'company-placement'); // stays at the old job centre
    const id = await activeGrant(t, a, 'wage-subsidy');
    const s = (await t.http.post('/api/supplementary-grants').set('Authorization', a.caseworker).send({ parentGrantId: id, type: 'mentor', justification: 'Mentor' }).expect(201)).body.id;
    await t.http.post(`/api/supplementary-grants/${s}/send-for-company-approval`).set('Authorization', a.caseworker).expect(200);
    const before = await oldFeed.all();

    await act(t, id, 'transfer', a.caseworker, { toJobcentre: OTHER_JOBCENTRE }).expect(200);
    await eventually('the supplementary grant followed its grant', async () => (await t.http.get(`/api/supplementary-grants/${s}`).set('Authorization', a.otherCaseworker)).status === 200, 10_000);
    await act(t, id, 'extend', a.otherCaseworker, { newEndDate: '2030-12-31' }).expect(200);
    await t.http.post(`/api/supplementary-grants/${s}/approve-as-company`).set('Authorization', a.company).send({}).expect(200);
    await act(t, other, 'review', a.caseworker).expect(200);

    const received = await newFeed.all();
    expect(received.map((m) => [m.sequence, m.vitasId, m.kind, m.jobcentre, m.status])).toEqual([
      [1, id, 'changed', OTHER_JOBCENTRE, 'active'], // the transfer: a full snapshot, so the new job centre knows the case
      [2, s, 'changed', OTHER_JOBCENTRE, 'awaiting-company'],
      [3, id, 'extended', OTHER_JOBCENTRE, 'active'],
      [4, s, 'approved', OTHER_JOBCENTRE, 'active'],
    ]);
    expect(received[2].period).toEqual({ start: '2030-01-01', end: '2030-12-31' });
    const after = await oldFeed.all();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((m) => [m.sequence, m.vitasId, m.kind])).toEqual([[before.length + 1, other, 'changed']]);
    expect(after.filter((m) => m.vitasId === id).map((m) => m.caseRevision)).toEqual([0, 1, 2]);
  });

  it('rebuilding the outbox yields byte-identical messages with the same ids and sequences, and numbering goes on without a gap', async () => {
    const refused = await activeGrant(t, a, 'flex-job');
    await act(t, refused, 'withdraw', a.company).expect(200);
    const ceased = await activeGrant(t, a, 'adult-apprentice');
    await act(t, ceased, 'terminate', a.caseworker, { reasonId: 4, effectiveDate: '2030-02-28' }).expect(200);
    await t.settle();
    const db = t.app.get(DataSource);
    const snapshot = () => db.query(`SELECT message_id, jobcentre, sequence, case_id, case_type, occurred_at, body::text FROM dfdg_messages ORDER BY jobcentre, sequence`);
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(20);
    const { next } = (await oldFeed.get({ limit: 1000 }).expect(200)).body;

    const result = await rebuildProjection(t.app.get<EventStore>(EVENT_STORE), db, t.app.get(EventRegistry), dfdgMessagesProjection, { batchSize: 3 });
    expect(await snapshot()).toEqual(before);
    // A published outbox is verified against the replay, never swapped (issue 11): every row matches.
    expect(result.verification).toEqual({ identical: before.length, differing: 0, missing: 0, extra: 0, definitionChanges: 0 });

    const id = await activeGrant(t, a, 'mentor');
    await t.settle();
    const more = (await oldFeed.get({ after: next }).expect(200)).body.messages; // a cursor from before the rebuild still holds
    expect(more.map((m: { vitasId: string; sequence: number }) => [m.vitasId, m.sequence])).toEqual([0, 1, 2].map((i) => [id, Number(before.filter((r: { jobcentre: string }) => r.jobcentre === JOBCENTRE).length) + 1 + i]));
  });
});
