import { CPR, CVR, JOBCENTRE, OTHER_CVR, OTHER_JOBCENTRE, P_NUMBER } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const agreementBody = (overrides: Record<string, unknown> = {}) => ({ company: { cvr: CVR, pNumber: P_NUMBER }, citizen: { cpr: CPR }, ...overrides });

describe('IGU agreements over HTTP (domain.md §3.6)', () => {
  let t: TestApp;
  let caseworker: string;
  let company: string;
  let citizen: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = `Bearer ${await t.token('jobcentre', JOBCENTRE)}`;
    company = `Bearer ${await t.token('company', CVR)}`;
    citizen = `Bearer ${await t.token('citizen', CPR)}`;
  });
  afterAll(() => t.close());

  const create = (who = caseworker, body: object = agreementBody()) => t.http.post('/api/igu-agreements').set('Authorization', who).send(body);
  const act = (id: string, action: string, who: string, body: object = {}) => t.http.post(`/api/igu-agreements/${id}/${action}`).set('Authorization', who).send(body);
  const get = (id: string, who: string) => t.http.get(`/api/igu-agreements/${id}`).set('Authorization', who);

  it("R60 R4: 'Kladde' → 'Send til borger' by the company → 'Afventer borger' → the citizen signs with MitID → 'Underskrevet'", async () => {
    const created = await create().expect(201);
    const id = created.body.id;
    expect(created.headers.location).toBe(`/api/igu-agreements/${id}`);
    expect(created.body).toMatchObject({ status: 'draft', statusLabel: 'Kladde', schemeLabel: 'IGU', createdBy: 'jobcentre', jobcentre: JOBCENTRE, links: { self: `/api/igu-agreements/${id}` } });
    expect(created.body.allowedActions).toEqual(['send-to-citizen', 'transfer', 'set-responsible']);

    await get(id, citizen).expect(403); // ASSUMPTION: the citizen sees it once it is sent to them
    expect((await get(id, company).expect(200)).body.allowedActions).toEqual(['send-to-citizen']);
    const sent = await act(id, 'send-to-citizen', company).expect(200);
    expect(sent.body).toMatchObject({ status: 'awaiting-citizen', statusLabel: 'Afventer borger', sentToCitizenAt: expect.any(String) });

    const forCitizen = await get(id, citizen).expect(200);
    expect(forCitizen.headers.etag).toBe('"1"');
    expect(forCitizen.body.allowedActions).toEqual(['sign-as-citizen']); // R60: never 'send-to-citizen'
    const signed = await act(id, 'sign-as-citizen', citizen, { method: 'mitid' }).expect(200);
    expect(signed.body).toMatchObject({ status: 'signed', statusLabel: 'Underskrevet', signedByCitizenAt: expect.any(String), allowedActions: [] });

    await t.settle();
    for (const who of [company, citizen, caseworker]) {
      const list = await t.http.get('/api/search/igu-agreements').set('Authorization', who).expect(200);
      expect(list.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ status: 'signed', statusLabel: 'Underskrevet', links: { self: `/api/igu-agreements/${id}` } });
    }
  });

  it("R60 refuses 'Send til borger' to the citizen with 403 naming R60, in draft and once sent", async () => {
    const { body } = await create().expect(201);
    const onDraft = await act(body.id, 'send-to-citizen', citizen).expect(403);
    expect(onDraft.body).toMatchObject({ status: 403, rule: 'R60' });
    expect(onDraft.body.detail).toMatch(/Send til borger/);
    await act(body.id, 'send-to-citizen', caseworker).expect(200);
    expect((await act(body.id, 'send-to-citizen', citizen).expect(403)).body.rule).toBe('R60');
    expect((await get(body.id, citizen).expect(200)).body.allowedActions).not.toContain('send-to-citizen');
  });

  it('lets the company create an agreement for its own CVR, naming the job centre; refuses it otherwise', async () => {
    const byCompany = await create(company, agreementBody({ jobcentre: JOBCENTRE })).expect(201);
    expect(byCompany.body).toMatchObject({ createdBy: 'company', jobcentre: JOBCENTRE, status: 'draft' });
    expect((await create(company).expect(400)).body).toMatchObject({ field: 'jobcentre' });
    const forOther = await create(`Bearer ${await t.token('company', OTHER_CVR)}`, agreementBody({ jobcentre: JOBCENTRE })).expect(403);
    expect(forOther.body).toMatchObject({ rule: 'authorization' });
    expect(forOther.body.detail).toMatch(/company itself/);
    const forOtherJobcentre = await create(caseworker, agreementBody({ jobcentre: OTHER_JOBCENTRE })).expect(403);
    expect(forOtherJobcentre.body.rule).toBe('authorization');
    expect((await create(citizen).expect(403)).body.rule).toBe('authorization');
  });

  it('refuses another company (403), a second send (409) and another citizen’s signature (403)', async () => {
    const { body } = await create().expect(201);
    await act(body.id, 'send-to-citizen', `Bearer ${await t.token('company', OTHER_CVR)}`).expect(403);
    await act(body.id, 'send-to-citizen', caseworker).expect(200);
    expect((await act(body.id, 'send-to-citizen', company).expect(409)).body).toMatchObject({ rule: 'igu-agreement-lifecycle', field: 'status' });
    await act(body.id, 'sign-as-citizen', `Bearer ${await t.token('citizen', '0202020202')}`).expect(403);
    await act(body.id, 'sign-as-citizen', company).expect(403);
  });

  it('R55 R33 sets the responsible caseworker and moves the agreement to another job centre', async () => {
    const { body } = await create().expect(201);
    expect((await act(body.id, 'set-responsible', caseworker, { caseworkerId: 'cw-jens' }).expect(200)).body.responsibleCaseworker).toBe('cw-jens');
    expect((await act(body.id, 'transfer', caseworker, { toJobcentre: OTHER_JOBCENTRE }).expect(200)).body.jobcentre).toBe(OTHER_JOBCENTRE);
    await get(body.id, caseworker).expect(403);
    await get(body.id, `Bearer ${await t.token('jobcentre', OTHER_JOBCENTRE)}`).expect(200);
  });
});
