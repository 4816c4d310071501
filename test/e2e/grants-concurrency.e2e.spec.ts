import type { Response } from 'supertest';
import { FollowApplicationTransferProcess } from '../../src/cases/grants/follow-application-transfer/follow-application-transfer.process';
import { EVENT_STORE, EventStore } from '../../src/platform/event-store/event-store.port';
import { eventually } from '../support/projection-spec';
import { draftBody } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { Actors, act, actorsOf, approvedGrant, draftGrant } from './grants.e2e-support';

describe('grants over HTTP: concurrency and ownership', () => {
  let t: TestApp;
  let a: Actors;
  let bob: string;

  beforeAll(async () => {
    t = await createTestApp({ ORDINARY_EXPIRY_INTERVAL_MS: '0' });
    a = await actorsOf(t);
    bob = `Bearer ${await t.token('jobcentre', '101', 'bob')}`;
  });
  afterAll(() => t.close());

  async function streamTypes(id: string): Promise<string[]> {
    const events = await t.app.get<EventStore>(EVENT_STORE).readStream(`grant-${id}`);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    return events.map((e) => e.type);
  }

  /** One pass of the D22 process; a pass the background schedule is running meanwhile holds the lock, so wait for ours. */
  async function followOnce(): Promise<string[]> {
    for (;;) {
      const moved = await t.app.get(FollowApplicationTransferProcess).runOnce();
      if (moved) return moved;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  function split(answers: Response[]): { winner: Response; loser: Response } {
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    return { winner: answers.find((r) => r.status === 200)!, loser: answers.find((r) => r.status === 409)! };
  }

  it('two caseworkers act on one grant at the same moment with the same If-Match: one 200, one 409, a consistent stream', async () => {
    const { id, body } = await approvedGrant(t, a);
    const revision = body.revision;
    const { winner, loser } = split(await Promise.all([
      act(t, id, 'extend', a.caseworker, { newEndDate: '2030-12-31' }, revision),
      act(t, id, 'review', bob, { remarks: 'Revurderet' }, revision),
    ]));
    expect(winner.body.revision).toBe(revision + 1);
    expect(loser.body).toMatchObject({ status: 409, rule: 'expected-revision', field: 'If-Match', currentRevision: revision + 1 });
    const types = await streamTypes(id);
    expect(types).toHaveLength(revision + 2);
    expect(types.filter((x) => x === 'GrantExtended' || x === 'GrantReviewed')).toHaveLength(1);
  });

  it('without If-Match the loser is re-decided on fresh state: one cessation, the other a 409 naming the rule', async () => {
    const { id } = await approvedGrant(t, a);
    const terminate = (who: string) => act(t, id, 'terminate', who, { reasonId: 3, effectiveDate: '2030-03-31' });
    const { loser } = split(await Promise.all([terminate(a.caseworker), terminate(bob)]));
    expect(loser.body).toMatchObject({ rule: 'grant-lifecycle', field: 'status' });
    expect((await streamTypes(id)).filter((x) => x === 'GrantTerminated')).toHaveLength(1);
  });

  it('R33 R55 sets the responsible caseworker and moves a refused grant itself to another job centre', async () => {
    const { id } = await draftGrant(t, a.caseworker);
    await act(t, id, 'send-for-approval', a.caseworker).expect(200);
    await act(t, id, 'refuse', a.company).expect(200);
    const assigned = await act(t, id, 'set-responsible', a.caseworker, { caseworkerId: 'cw-jens' }).expect(200);
    expect(assigned.body.responsibleCaseworker).toBe('cw-jens');
    const moved = await act(t, id, 'transfer', a.caseworker, { toJobcentre: '147' }).expect(200);
    expect(moved.body).toMatchObject({ jobcentre: '147', status: 'not-approved' });
    await t.http.get(`/api/grants/${id}`).set('Authorization', a.caseworker).expect(403);
    await t.settle();
    const list = await t.http.get('/api/search/grants').set('Authorization', a.otherCaseworker).expect(200);
    expect(list.body.items).toContainEqual(expect.objectContaining({ id, jobcentre: '147', responsibleCaseworker: 'cw-jens' }));
  });

  it('D22 a refused grant follows its application to another job centre; an active one stays', async () => {
    const application = await t.http.post('/api/applications').set('Authorization', a.caseworker).send(draftBody({ scheme: 'job-rotation' })).expect(201);
    const applicationId = application.body.id;
    await t.http.post(`/api/applications/${applicationId}/sign-as-company`).set('Authorization', a.company).send({}).expect(200);
    await t.http.post(`/api/applications/${applicationId}/approve`).set('Authorization', a.caseworker).expect(200);
    const refused = await draftGrant(t, a.caseworker, { scheme: 'job-rotation', applicationId });
    await act(t, refused.id, 'send-for-approval', a.caseworker).expect(200);
    await act(t, refused.id, 'refuse', a.company).expect(200);
    const kept = await approvedGrant(t, a, { scheme: 'job-rotation', applicationId });

    await t.http.post(`/api/applications/${applicationId}/transfer`).set('Authorization', a.caseworker).send({ toJobcentre: '147' }).expect(200);
    await t.settle();
    await followOnce(); // the scheduled process also runs on its own
    await eventually('the refused grant has followed its application', async () => (await t.http.get(`/api/grants/${refused.id}`).set('Authorization', a.otherCaseworker)).status === 200);
    const followed = await t.http.get(`/api/grants/${refused.id}`).set('Authorization', a.otherCaseworker).expect(200);
    expect(followed.body).toMatchObject({ jobcentre: '147', status: 'not-approved' });
    const events = await t.app.get<EventStore>(EVENT_STORE).readStream(`grant-${refused.id}`);
    expect(events.filter((e) => e.type === 'CaseTransferredToJobcentre').map((e) => e.metadata.principal.userId)).toEqual(['system:follow-application-transfer']);
    await t.http.get(`/api/grants/${kept.id}`).set('Authorization', a.caseworker).expect(200);

    await t.settle();
    expect(await followOnce()).toEqual([]); // nothing left to do: idempotent
  });
});
