/**
 * Two caseworkers act on one case at the same moment. With If-Match the loser gets 409 and the
 * current revision; without it the pipeline's bounded retry re-decides against fresh state, so
 * the loser gets the decider's rule violation. Either way the stream stays consistent.
 */
import type { Response } from 'supertest';
import { EVENT_STORE, EventStore } from '../../src/platform/event-store/event-store.port';
import { createTestApp, TestApp } from '../support/test-app';
import { CVR, JOBCENTRE, draftBody } from '../support/fixtures';

const DECISIONS = ['ApplicationApproved', 'ApplicationRejected'];

describe('concurrent acts on one case', () => {
  let t: TestApp;
  let alice: string;
  let bob: string;
  let company: string;

  beforeAll(async () => {
    t = await createTestApp();
    alice = `Bearer ${await t.token('jobcentre', JOBCENTRE, 'alice')}`;
    bob = `Bearer ${await t.token('jobcentre', JOBCENTRE, 'bob')}`;
    company = `Bearer ${await t.token('company', CVR)}`;
  });
  afterAll(() => t.close());

  /** A draft the company has signed, with no representative step: 'received', ready for a decision. */
  async function receivedApplication(): Promise<{ id: string; revision: number }> {
    const draft = draftBody({ scheme: 'company-placement' });
    const { body } = await t.http.post('/api/applications').set('Authorization', alice).send(draft).expect(201);
    const signed = await t.http.post(`/api/applications/${body.id}/sign-as-company`).set('Authorization', company).send({}).expect(200);
    expect(signed.body.status).toBe('received');
    return { id: body.id, revision: signed.body.revision };
  }

  async function expectConsistentStream(id: string): Promise<string[]> {
    const events = await t.app.get<EventStore>(EVENT_STORE).readStream(`application-${id}`);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.filter((e) => DECISIONS.includes(e.type))).toHaveLength(1);
    return events.map((e) => e.type);
  }

  function split(answers: Response[]): { winner: Response; loser: Response } {
    const winners = answers.filter((r) => r.status === 200);
    const losers = answers.filter((r) => r.status !== 200);
    expect({ winners: winners.length, losers: losers.map((r) => r.status) }).toEqual({ winners: 1, losers: [409] });
    expect(losers[0].headers['content-type']).toMatch(/^application\/problem\+json/);
    return { winner: winners[0], loser: losers[0] };
  }

  const approve = (id: string, who: string, ifMatch?: number) => {
    const req = t.http.post(`/api/applications/${id}/approve`).set('Authorization', who);
    return ifMatch === undefined ? req : req.set('If-Match', `"${ifMatch}"`);
  };
  const reject = (id: string, who: string, ifMatch?: number) => {
    const req = t.http.post(`/api/applications/${id}/reject`).set('Authorization', who);
    return (ifMatch === undefined ? req : req.set('If-Match', `"${ifMatch}"`)).send({ reason: 'Pladsen findes ikke længere' });
  };

  it('approve and reject with the same If-Match: one wins, the other gets 409 with the current revision', async () => {
    const { id, revision } = await receivedApplication();
    const { winner, loser } = split(await Promise.all([approve(id, alice, revision), reject(id, bob, revision)]));

    expect(winner.body.revision).toBe(revision + 1);
    expect(['approved', 'rejected']).toContain(winner.body.status);
    expect(loser.body).toMatchObject({ status: 409, rule: 'expected-revision', field: 'If-Match', currentRevision: revision + 1 });

    const types = await expectConsistentStream(id);
    expect(types).toHaveLength(revision + 2);
    const after = await t.http.get(`/api/applications/${id}`).set('Authorization', alice).expect(200);
    expect(after.body).toMatchObject({ revision: revision + 1, status: winner.body.status });
    expect(after.headers.etag).toBe(`"${revision + 1}"`);
  });

  it('the same act twice with the same If-Match: exactly one is appended', async () => {
    const { id, revision } = await receivedApplication();
    const { loser } = split(await Promise.all([approve(id, alice, revision), approve(id, bob, revision)]));
    expect(loser.body).toMatchObject({ rule: 'expected-revision', currentRevision: revision + 1 });
    await expectConsistentStream(id);
  });

  it('without If-Match the retry re-decides on fresh state: the loser gets the decider’s 409, not a 500', async () => {
    const { id, revision } = await receivedApplication();
    const { winner, loser } = split(await Promise.all([approve(id, alice), reject(id, bob)]));

    expect(winner.body.revision).toBe(revision + 1);
    // Re-decided against the winner's decision: the application is no longer 'received'.
    expect(loser.body).toMatchObject({ status: 409, rule: 'application-lifecycle', field: 'status' });
    expect(loser.body.detail).toContain(`'${winner.body.status}'`);
    await expectConsistentStream(id);
  });

  it('many caseworkers at once without If-Match: still one decision, every loser a 409 rule violation', async () => {
    const { id } = await receivedApplication();
    const callers = await Promise.all(['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map(async (sub) => `Bearer ${await t.token('jobcentre', JOBCENTRE, sub)}`));
    const answers = await Promise.all(callers.map((who, i) => (i % 2 ? reject(id, who) : approve(id, who))));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    for (const loser of answers.filter((r) => r.status !== 200)) {
      expect(loser.status).toBe(409);
      expect(loser.body.rule).toBe('application-lifecycle');
    }
    await expectConsistentStream(id);
  });
});
