import { OrdinaryExpiryScheduler } from '../../src/cases/grants/ordinary-expiry/ordinary-expiry.scheduler';
import { uuidv7 } from '../../src/platform/events/uuidv7';
import { OTHER_P_NUMBER, draftBody } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { Actors, act, activeOffer, actorsOf, approvedGrant, draftGrant, grantBody } from './grants.e2e-support';

describe('grants over HTTP: the lifecycles (domain.md §3.3)', () => {
  let t: TestApp;
  let a: Actors;

  beforeAll(async () => {
    t = await createTestApp({ ORDINARY_EXPIRY_INTERVAL_MS: '0' });
    a = await actorsOf(t);
  });
  afterAll(() => t.close());

  it('drafts, sends, approves, extends, reviews and terminates a løntilskud grant, and lists it', async () => {
    const created = await t.http.post('/api/grants').set('Authorization', a.caseworker).send(grantBody()).expect(201);
    const id = created.body.id;
    expect(created.headers.location).toBe(`/api/grants/${id}`);
    expect(created.headers.etag).toBe('"0"');
    expect(created.body).toMatchObject({ status: 'drafted', statusLabel: 'Bevilling udarbejdet', scheme: 'wage-subsidy', schemeLabel: 'Løntilskud', freeTextLimitApplies: true, links: { self: `/api/grants/${id}` } });
    expect(created.body.allowedActions).toEqual(['send-for-approval', 'withdraw', 'close-unused', 'transfer', 'set-responsible']);

    const sent = await act(t, id, 'send-for-approval', a.caseworker).expect(200);
    expect(sent.body).toMatchObject({ status: 'awaiting-company', statusLabel: 'Afventer godkendelse hos virksomhed' });
    const forCompany = await t.http.get(`/api/grants/${id}`).set('Authorization', a.company).expect(200);
    expect(forCompany.body.allowedActions).toEqual(['approve-as-company', 'refuse', 'withdraw']);
    const approved = await act(t, id, 'approve-as-company', a.company, { method: 'nemid-employee-signature' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'active', statusLabel: 'Aktiv', companyApproval: { method: 'nemid-employee-signature' } });

    const extended = await act(t, id, 'extend', a.caseworker, { newEndDate: '2030-12-31', jobContent: 'Lager og forsendelse' }).expect(200);
    expect(extended.body).toMatchObject({ period: { start: '2030-01-01', end: '2030-12-31' }, jobContent: 'Lager og forsendelse' });
    await act(t, id, 'review', a.caseworker, { remarks: 'Forløbet går godt' }).expect(200);
    const ended = await act(t, id, 'terminate', a.caseworker, { reasonId: 2, subReasonId: 10, effectiveDate: '2030-09-30' }).expect(200);
    expect(ended.body).toMatchObject({ status: 'terminated', statusLabel: 'Ophørt', termination: { reasonId: 2, subReasonId: 10, reasonText: 'Borgeren har opsagt sin ansættelse' }, revision: 5 });
    expect(ended.headers.etag).toBe('"5"');
    expect(ended.body.allowedActions).toEqual(['transfer', 'set-responsible']);

    await t.settle();
    const list = await t.http.get('/api/search/grants?status=terminated').set('Authorization', a.caseworker).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id, status: 'terminated', statusLabel: 'Ophørt', period: { start: '2030-01-01', end: '2030-12-31' }, links: { self: `/api/grants/${id}` } })]);
    expect(list.body.totalCount).toBe(1);
  });

  it("PA: the company approves, then the citizen with MitID; R59 the P-unit must be one of the company's", async () => {
    const { id, body } = await approvedGrant(t, a, { scheme: 'personal-assistant', hoursPerWeek: null });
    expect(body).toMatchObject({ status: 'awaiting-citizen', statusLabel: 'Afventer godkendelse hos borger', hoursPerWeek: null });
    const forCitizen = await t.http.get(`/api/grants/${id}`).set('Authorization', a.citizen).expect(200);
    expect(forCitizen.body.allowedActions).toEqual(['approve-as-citizen', 'refuse', 'withdraw']);
    const approved = await act(t, id, 'approve-as-citizen', a.citizen, { method: 'mitid' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'active', citizenApproval: { method: 'mitid' } });

    const otherPUnit = await t.http.post('/api/grants').set('Authorization', a.caseworker).send(grantBody({ scheme: 'mentor', hoursPerWeek: null, company: { cvr: '12345678', pNumber: OTHER_P_NUMBER } })).expect(400);
    expect(otherPUnit.body).toMatchObject({ rule: 'p-unit-of-other-company', field: 'company.pNumber' });
  });

  it('makes a grant on an approved application, linked by id', async () => {
    const application = await t.http.post('/api/applications').set('Authorization', a.caseworker).send(draftBody({ scheme: 'flex-job' })).expect(201);
    await t.http.post(`/api/applications/${application.body.id}/sign-as-company`).set('Authorization', a.company).send({}).expect(200);
    await t.http.post(`/api/applications/${application.body.id}/approve`).set('Authorization', a.caseworker).expect(200);
    const body = grantBody({ scheme: 'flex-job', applicationId: application.body.id, fleksjob: { permanent: true, employedInOwnCompany: false } });
    const grant = await t.http.post('/api/grants').set('Authorization', a.caseworker).send(body).expect(201);
    expect(grant.body).toMatchObject({ linkedCases: { applicationId: application.body.id, offerId: null }, links: { application: `/api/applications/${application.body.id}` }, fleksjob: { permanent: true } });
  });

  it("R44 a VP grant on a national-list offer goes straight to 'Afventer godkendelse hos virksomhed'", async () => {
    const offerId = uuidv7();
    await activeOffer(t, offerId, { scheme: 'company-placement', onNationalList: true, jobcentre: '202' });
    const res = await t.http.post('/api/grants').set('Authorization', a.caseworker).send(grantBody({ scheme: 'company-placement', offerId })).expect(201);
    expect(res.body).toMatchObject({ status: 'awaiting-company', linkedCases: { offerId }, links: { offer: `/api/offers/${offerId}` }, revision: 2 });
    await t.http.post('/api/grants').set('Authorization', a.caseworker).send(grantBody({ scheme: 'company-placement', offerId: uuidv7() })).expect(404);
  });

  it('R54 refuses a permanent fleksjob for a person employed in their own company with 422; D20 allows a non-permanent one', async () => {
    const body = (permanent: boolean) => grantBody({ scheme: 'flex-job', hoursPerWeek: 15, fleksjob: { permanent, employedInOwnCompany: true } });
    const res = await t.http.post('/api/grants').set('Authorization', a.caseworker).send(body(true)).expect(422);
    expect(res.body).toMatchObject({ status: 422, rule: 'R54', field: 'fleksjob.permanent' });
    await t.http.post('/api/grants').set('Authorization', a.caseworker).send(body(false)).expect(201);
  });

  it('R42 D2 the scheduled check closes an active grant after its end date, once (runOnce with a pinned date)', async () => {
    const { id } = await approvedGrant(t, a, { period: { start: '2029-01-01', end: '2029-12-31' } });
    await t.settle();
    const scheduler = t.app.get(OrdinaryExpiryScheduler);
    expect((await scheduler.runOnce(new Date('2029-12-31T12:00:00Z')))!.closed).not.toContain(id);
    const run = await scheduler.runOnce(new Date('2030-01-01T06:00:00Z'));
    expect(run).toMatchObject({ today: '2030-01-01', closed: [id] });
    const closed = await t.http.get(`/api/grants/${id}`).set('Authorization', a.caseworker).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', statusLabel: 'Lukket', revision: 3 });
    expect(closed.body.closedAt).toBeTruthy();
    await t.settle();
    expect((await scheduler.runOnce(new Date('2030-01-02T06:00:00Z')))!.closed).toEqual([]); // idempotent
  });

  it("D7 closes a grant that has not started ('Lukket bevilling (ej brugt)') and leaves it out of the list", async () => {
    const { id } = await approvedGrant(t, a);
    const res = await act(t, id, 'close-unused', a.caseworker).expect(200);
    expect(res.body).toMatchObject({ status: 'closed-unused', statusLabel: 'Lukket bevilling (ej brugt)' });
    await t.settle();
    const list = await t.http.get('/api/search/grants?pageSize=200').set('Authorization', a.caseworker).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    await t.http.get('/api/search/grants?status=closed-unused').set('Authorization', a.caseworker).expect(400);
  });

  it("R41 each party refuses ('Afvist') and withdraws ('Trukket tilbage')", async () => {
    const refusedBy = async (who: string, scheme = 'wage-subsidy') => {
      const { id } = scheme === 'personal-assistant' ? await approvedGrant(t, a, { scheme, hoursPerWeek: null }) : await draftGrant(t, a.caseworker);
      if (scheme !== 'personal-assistant') await act(t, id, 'send-for-approval', a.caseworker).expect(200);
      return (await act(t, id, 'refuse', who, { reason: 'Kan ikke godkendes' }).expect(200)).body;
    };
    expect(await refusedBy(a.caseworker)).toMatchObject({ status: 'not-approved', statusLabel: 'Afvist', refusal: { by: 'jobcentre', reason: 'Kan ikke godkendes' } });
    expect(await refusedBy(a.company)).toMatchObject({ status: 'not-approved', refusal: { by: 'company' } });
    expect(await refusedBy(a.citizen, 'personal-assistant')).toMatchObject({ status: 'not-approved', refusal: { by: 'citizen' } });
    for (const [who, by] of [[a.caseworker, 'jobcentre'], [a.company, 'company'], [a.citizen, 'citizen']]) {
      const { id } = await approvedGrant(t, a);
      const res = await act(t, id, 'withdraw', who).expect(200);
      expect(res.body).toMatchObject({ status: 'withdrawn', statusLabel: 'Trukket tilbage', withdrawal: { by } });
    }
    await t.settle();
    const mine = await t.http.get('/api/search/grants?status=not-approved,withdrawn').set('Authorization', a.citizen).expect(200);
    expect(mine.body.totalCount).toBe(6);
  });
});
