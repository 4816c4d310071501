import { FollowGrantTransferProcess } from '../../src/cases/supplementary-grants/follow-grant-transfer/follow-grant-transfer.process';
import { EVENT_STORE, EventStore } from '../../src/platform/event-store/event-store.port';
import { OTHER_JOBCENTRE } from '../support/fixtures';
import { eventually } from '../support/projection-spec';
import { createTestApp, TestApp } from '../support/test-app';
import { Actors, act, actorsOf, draftGrant, grantBody } from './grants.e2e-support';

const THIRD_JOBCENTRE = '202';

describe('supplementary grants and their parent grant over HTTP: linked cases (R32) and transfers (R33)', () => {
  let t: TestApp;
  let a: Actors;
  let thirdCaseworker: string;

  beforeAll(async () => {
    t = await createTestApp({ ORDINARY_EXPIRY_INTERVAL_MS: '0' });
    a = await actorsOf(t);
    thirdCaseworker = `Bearer ${await t.token('jobcentre', THIRD_JOBCENTRE)}`;
  });
  afterAll(() => t.close());

  async function supplementaryGrant(parentGrantId: string, type = 'mentor'): Promise<string> {
    const body = { parentGrantId, type, justification: 'Borgeren har brug for støtte' };
    return (await t.http.post('/api/supplementary-grants').set('Authorization', a.caseworker).send(body).expect(201)).body.id;
  }
  const actOn = (id: string, action: string, who: string, body: object = {}) => t.http.post(`/api/supplementary-grants/${id}/${action}`).set('Authorization', who).send(body);
  const getSupplementary = (id: string, who: string) => t.http.get(`/api/supplementary-grants/${id}`).set('Authorization', who);

  /** One pass of the follow process; a pass the background schedule is running meanwhile holds the lock, so wait for ours. */
  async function followOnce(): Promise<string[]> {
    for (;;) {
      const moved = await t.app.get(FollowGrantTransferProcess).runOnce();
      if (moved) return moved;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** The parent moves to OTHER_JOBCENTRE and the follow process has run; resolves once `ids` are there. */
  async function transferParentAndFollow(grantId: string, ids: string[]): Promise<void> {
    await act(t, grantId, 'transfer', a.caseworker, { toJobcentre: OTHER_JOBCENTRE }).expect(200);
    await t.settle();
    await followOnce(); // the scheduled process also runs on its own
    for (const id of ids) await eventually(`${id} has followed its grant`, async () => (await getSupplementary(id, a.otherCaseworker)).status === 200);
  }

  it("R32 D7 a grant lists its supplementary grants in linkedCases.supplementaryGrantIds, not the one closed unused; each links back to it", async () => {
    const drafted = await t.http.post('/api/grants').set('Authorization', a.caseworker).send(grantBody({ scheme: 'public-benefit-work' })).expect(201);
    const grantId = drafted.body.id;
    expect(drafted.body.linkedCases).toEqual({ applicationId: null, offerId: null, supplementaryGrantIds: [] });
    const kept = await supplementaryGrant(grantId);
    const closed = await supplementaryGrant(grantId, 'assistive-aids');
    await actOn(closed, 'close-unused', a.caseworker).expect(200);
    await t.settle();

    const grant = await t.http.get(`/api/grants/${grantId}`).set('Authorization', a.caseworker).expect(200);
    expect(grant.body.linkedCases).toEqual({ applicationId: null, offerId: null, supplementaryGrantIds: [kept] });
    const answer = await act(t, grantId, 'send-for-approval', a.caseworker).expect(200); // command answers carry it too
    expect(answer.body.linkedCases.supplementaryGrantIds).toEqual([kept]);

    const child = await getSupplementary(kept, a.caseworker).expect(200);
    expect(child.body).toMatchObject({ linkedCases: { parentGrantId: grantId }, links: { parent: `/api/grants/${grantId}` }, schemeLabel: 'Nytteindsats' });
    expect((await t.http.get(child.body.links.parent).set('Authorization', a.caseworker).expect(200)).body.id).toBe(grantId);
  });

  it('R33 transferring a grant moves its supplementary grants: the new job centre acts on them, the old one gets 403', async () => {
    const { id: grantId } = await draftGrant(t, a.caseworker);
    const awaiting = await supplementaryGrant(grantId);
    const closed = await supplementaryGrant(grantId, 'assistive-aids');
    await actOn(awaiting, 'send-for-company-approval', a.caseworker).expect(200);
    await actOn(closed, 'close-unused', a.caseworker).expect(200);

    await transferParentAndFollow(grantId, [awaiting, closed]);
    for (const id of [awaiting, closed]) {
      expect((await getSupplementary(id, a.otherCaseworker).expect(200)).body.jobcentre).toBe(OTHER_JOBCENTRE);
      const events = await t.app.get<EventStore>(EVENT_STORE).readStream(`supplementary-grant-${id}`);
      const moves = events.filter((e) => e.type === 'CaseTransferredToJobcentre');
      expect(moves.map((e) => [e.metadata.principal.userId, e.metadata.principal.org, e.data.from, e.data.to])).toEqual([['system:follow-grant-transfer', '101', '101', OTHER_JOBCENTRE]]);
    }
    const withdrawn = await actOn(awaiting, 'withdraw', a.otherCaseworker, { reason: 'Ikke længere relevant' }).expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', jobcentre: OTHER_JOBCENTRE });
    await getSupplementary(awaiting, a.caseworker).expect(403);
    expect((await actOn(closed, 'set-responsible', a.caseworker, { caseworkerId: 'cw-1' }).expect(403)).body.rule).toBe('authorization');

    await t.settle();
    const grant = await t.http.get(`/api/grants/${grantId}`).set('Authorization', a.otherCaseworker).expect(200);
    expect(grant.body.linkedCases.supplementaryGrantIds).toEqual([awaiting]);
    expect(await followOnce()).toEqual([]); // nothing left to do: idempotent
  });

  it('R33 a supplementary grant transferred on its own after its parent moved is not moved back', async () => {
    const { id: grantId } = await draftGrant(t, a.caseworker);
    const id = await supplementaryGrant(grantId);
    await transferParentAndFollow(grantId, [id]);

    await actOn(id, 'transfer', a.otherCaseworker, { toJobcentre: THIRD_JOBCENTRE }).expect(200);
    await t.settle();
    expect(await followOnce()).toEqual([]);
    // The scheduled process gets its turn too: another whole pass, after any scheduled one in flight (it holds the lock).
    expect(await followOnce()).toEqual([]);
    expect((await getSupplementary(id, thirdCaseworker).expect(200)).body.jobcentre).toBe(THIRD_JOBCENTRE);
    expect((await t.http.get(`/api/grants/${grantId}`).set('Authorization', a.otherCaseworker).expect(200)).body.jobcentre).toBe(OTHER_JOBCENTRE);
    const moves = (await t.app.get<EventStore>(EVENT_STORE).readStream(`supplementary-grant-${id}`)).filter((e) => e.type === 'CaseTransferredToJobcentre');
    expect(moves.map((e) => e.data.to)).toEqual([OTHER_JOBCENTRE, THIRD_JOBCENTRE]);
  });
});
