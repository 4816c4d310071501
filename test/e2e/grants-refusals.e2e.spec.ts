import { uuidv7 } from '../../src/platform/events/uuidv7';
import { createTestApp, TestApp } from '../support/test-app';
import { Actors, act, actorsOf, approvedGrant, draftGrant, grantBody } from './grants.e2e-support';

/** Every refusal answers problem+json with its status, the rule and (where it is about one input) the field. */
describe('grants over HTTP: refusals', () => {
  let t: TestApp;
  let a: Actors;

  beforeAll(async () => {
    t = await createTestApp({ ORDINARY_EXPIRY_INTERVAL_MS: '0' });
    a = await actorsOf(t);
  });
  afterAll(() => t.close());

  const expectProblem = (res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number, problem: Record<string, unknown>) => {
    expect({ status: res.status, ...res.body }).toMatchObject({ status, ...problem });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  };

  it('403: a role that may not act, or the right role of another organisation, with the reason', async () => {
    expectProblem(await t.http.post('/api/grants').set('Authorization', a.company).send(grantBody()), 403, { rule: 'authorization' });
    const { id } = await draftGrant(t, a.caseworker);
    const otherJobcentre = await act(t, id, 'send-for-approval', a.otherCaseworker);
    expectProblem(otherJobcentre, 403, { rule: 'authorization' });
    expect(otherJobcentre.body.detail).toMatch(/owning job centre/);
    await act(t, id, 'send-for-approval', a.caseworker).expect(200);
    const otherCompany = await act(t, id, 'approve-as-company', a.otherCompany);
    expectProblem(otherCompany, 403, { rule: 'authorization' });
    expect(otherCompany.body.detail).toMatch(/company/);
    expectProblem(await act(t, id, 'refuse', `Bearer ${await t.token('citizen', '0202802222')}`), 403, { rule: 'authorization' });
    expectProblem(await t.http.get(`/api/grants/${id}`).set('Authorization', a.otherCaseworker), 403, { rule: 'authorization' });
    expectProblem(await t.http.get('/api/search/grants').set('Authorization', `Bearer ${await t.token('employee-representative', '1000000001')}`), 403, {});
  });

  it('409: an act in the wrong status names its rule, and appends nothing', async () => {
    const { id, revision } = await draftGrant(t, a.caseworker);
    expectProblem(await act(t, id, 'approve-as-company', a.company), 409, { rule: 'grant-lifecycle', field: 'status' });
    expectProblem(await act(t, id, 'extend', a.caseworker, { newEndDate: '2031-01-01' }), 409, { rule: 'grant-lifecycle' });
    expectProblem(await act(t, id, 'refuse', a.caseworker), 409, { rule: 'R41', field: 'status' });
    const active = await approvedGrant(t, a);
    expectProblem(await act(t, active.id, 'approve-as-citizen', a.citizen), 409, { rule: 'R36' });
    expectProblem(await act(t, active.id, 'refuse', a.company), 409, { rule: 'R41' });
    const after = await t.http.get(`/api/grants/${id}`).set('Authorization', a.caseworker).expect(200);
    expect(after.body.revision).toBe(revision);
  });

  it('422: a business rule names itself and the field (R37, R27, D13, D1, R43)', async () => {
    const { id } = await draftGrant(t, a.caseworker);
    await act(t, id, 'send-for-approval', a.caseworker).expect(200);
    expectProblem(await act(t, id, 'approve-as-company', a.company, { method: 'mitid-business' }), 422, { rule: 'R37', field: 'method' });
    const tooLong = grantBody({ jobContent: 'æ'.repeat(2001) });
    expectProblem(await t.http.post('/api/grants').set('Authorization', a.caseworker).send(tooLong), 422, { rule: 'R27', field: 'jobContent' });
    expectProblem(await t.http.post('/api/grants').set('Authorization', a.caseworker).send(grantBody({ hoursPerWeek: null })), 422, { rule: 'D13', field: 'hoursPerWeek' });
    const active = await approvedGrant(t, a);
    for (const reasonId of [14, 15]) expectProblem(await act(t, active.id, 'terminate', a.caseworker, { reasonId, effectiveDate: '2030-03-31' }), 422, { rule: 'D1', field: 'reasonId' });
    expectProblem(await act(t, active.id, 'terminate', a.caseworker, { reasonId: 2, subReasonId: null, effectiveDate: '2030-03-31' }), 422, { rule: 'D1', field: 'subReasonId' });
    expectProblem(await act(t, active.id, 'extend', a.caseworker, { newEndDate: '2030-06-30' }), 422, { rule: 'grant-extension', field: 'newEndDate' });
  });

  it('400 and 404: bad input and unknown cases', async () => {
    const active = await approvedGrant(t, a);
    const dfdg = await act(t, active.id, 'terminate', a.caseworker, { reasonId: 0, effectiveDate: '2030-03-31', dfdgCode: 15 }); // R43: no such field
    expectProblem(dfdg, 400, { field: 'dfdgCode', rule: 'unknown-field' });
    expectProblem(await t.http.post('/api/grants').set('Authorization', a.caseworker).send(grantBody({ period: { start: '2030-02-30', end: '2030-06-30' } })), 400, { field: 'period.start' });
    expectProblem(await t.http.post('/api/grants').set('Authorization', a.caseworker).send(grantBody({ applicationId: uuidv7() })), 404, { field: 'applicationId' });
    expectProblem(await t.http.get(`/api/grants/${uuidv7()}`).set('Authorization', a.caseworker), 404, { rule: 'not-found' });
    expectProblem(await act(t, uuidv7(), 'review', a.caseworker), 404, { rule: 'not-found' });
    expectProblem(await act(t, 'not-a-uuid', 'review', a.caseworker), 400, { field: 'id' });
  });
});

describe('grants over HTTP: R30 on grants created before the free-text limit', () => {
  let t: TestApp;
  let a: Actors;

  beforeAll(async () => {
    t = await createTestApp({ ORDINARY_EXPIRY_INTERVAL_MS: '0', FREE_TEXT_LIMIT_EFFECTIVE_DATE: '2099-01-01' });
    a = await actorsOf(t);
  });
  afterAll(() => t.close());

  it("R30 returns old text unchanged, blocks a VP/LT extension until 'Jobindhold' is shortened, and leaves fleksjob alone", async () => {
    const long = 'Jobindhold '.repeat(250); // 2,750 characters, accepted before the limit
    const lt = await approvedGrant(t, a, { jobContent: long });
    expect(lt.body).toMatchObject({ freeTextLimitApplies: false, jobContent: long });
    const blocked = await act(t, lt.id, 'extend', a.caseworker, { newEndDate: '2030-12-31' }).expect(422);
    expect(blocked.body).toMatchObject({ rule: 'R30', field: 'jobContent' });
    await act(t, lt.id, 'extend', a.caseworker, { newEndDate: '2030-12-31', jobContent: 'Kortere jobindhold' }).expect(200);
    const flex = await approvedGrant(t, a, { scheme: 'flex-job', jobContent: long, fleksjob: { permanent: false, employedInOwnCompany: false } });
    await act(t, flex.id, 'extend', a.caseworker, { newEndDate: '2030-12-31' }).expect(200);
  });
});
