import { createTestApp, TestApp } from '../support/test-app';
import { CVR, JOBCENTRE, OTHER_P_NUMBER, P_NUMBER, draftBody } from '../support/fixtures';

const draft = (scheme: string, employeeRep = true) => draftBody({ scheme, employeeRep });

describe('applications over HTTP (the draft lifecycle, domain.md §3.1)', () => {
  let t: TestApp;
  let caseworker: string;
  let company: string;
  let employeeRep: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await t.token('jobcentre', JOBCENTRE);
    company = await t.token('company', CVR);
    employeeRep = await t.token('employee-representative', P_NUMBER);
  });
  afterAll(() => t.close());

  it('R31 R9 carries a draft through company and representative signatures and lists it with the received date', async () => {
    const created = await t.http.post('/api/applications').set('Authorization', `Bearer ${caseworker}`).send(draft('wage-subsidy')).expect(201);
    const id = created.body.id;
    expect(created.headers.location).toBe(`/api/applications/${id}`);
    expect(created.body).toMatchObject({ status: 'draft', statusLabel: 'Kladde', scheme: 'wage-subsidy', schemeLabel: 'Løntilskud', employeeRepStepRequired: true, revision: 1 });
    expect(created.body.links.self).toBe(`/api/applications/${id}`);

    const forCompany = await t.http.get(`/api/applications/${id}`).set('Authorization', `Bearer ${company}`).expect(200);
    expect(forCompany.body.allowedActions).toEqual(['sign-as-company']);
    expect(forCompany.body).not.toHaveProperty('approvedDate'); // R10

    const signed = await t.http.post(`/api/applications/${id}/sign-as-company`).set('Authorization', `Bearer ${company}`).send({}).expect(200);
    expect(signed.body).toMatchObject({ status: 'sent-to-employee-rep', statusLabel: 'Sendt til medarbejder-rep', receivedDate: null });

    const repView = await t.http.get(`/api/applications/${id}`).set('Authorization', `Bearer ${employeeRep}`).expect(200);
    expect(repView.body.allowedActions).toEqual(['sign-as-employee-representative', 'reject-as-employee-representative']);
    const received = await t.http.post(`/api/applications/${id}/sign-as-employee-representative`).set('Authorization', `Bearer ${employeeRep}`).expect(200);
    expect(received.body.status).toBe('received');
    expect(received.body.receivedDate).toBe(received.body.employeeRepSignedAt && new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(received.body.employeeRepSignedAt)));

    await t.settle();
    const list = await t.http.get('/api/search/applications').set('Authorization', `Bearer ${caseworker}`).expect(200);
    const row = list.body.items.find((i: { id: string }) => i.id === id);
    expect(row).toMatchObject({ status: 'received', statusLabel: 'Modtaget', receivedDate: received.body.receivedDate, links: { self: `/api/applications/${id}` } });
    expect(list.body.totalCount).toBeGreaterThanOrEqual(1);
  });

  it("R9 records the representative's rejection as 'Afvist af medarbejder-rep'", async () => {
    const { body } = await t.http.post('/api/applications').set('Authorization', `Bearer ${caseworker}`).send(draft('company-placement')).expect(201);
    await t.http.post(`/api/applications/${body.id}/sign-as-company`).set('Authorization', `Bearer ${company}`).send({}).expect(200);
    const rejected = await t.http
      .post(`/api/applications/${body.id}/reject-as-employee-representative`)
      .set('Authorization', `Bearer ${employeeRep}`)
      .send({ reason: 'Ingen ledig plads i afdelingen' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected-by-employee-rep', statusLabel: 'Afvist af medarbejder-rep' });
  });

  it('refuses a signature by another company with 403 and says why', async () => {
    const { body } = await t.http.post('/api/applications').set('Authorization', `Bearer ${caseworker}`).send(draft('flex-job')).expect(201);
    const other = await t.token('company', '87654321');
    const res = await t.http.post(`/api/applications/${body.id}/sign-as-company`).set('Authorization', `Bearer ${other}`).send({}).expect(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 403, rule: 'authorization' });
    expect(res.body.detail).toMatch(/company/);
  });

  it('refuses an act in the wrong status with 409 naming the rule, and appends nothing', async () => {
    const { body } = await t.http.post('/api/applications').set('Authorization', `Bearer ${caseworker}`).send(draft('wage-subsidy')).expect(201);
    const res = await t.http.post(`/api/applications/${body.id}/sign-as-employee-representative`).set('Authorization', `Bearer ${employeeRep}`).expect(409);
    expect(res.body).toMatchObject({ rule: 'R9', field: 'status' });
    const after = await t.http.get(`/api/applications/${body.id}`).set('Authorization', `Bearer ${caseworker}`).expect(200);
    expect(after.body.revision).toBe(body.revision);
  });
});

describe('applications over HTTP: transfer (R33) and responsible caseworker (R55)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('R55 R33 sets the responsible caseworker, then moves the case to another job centre, which then owns it', async () => {
    const caseworker = await t.token('jobcentre', JOBCENTRE);
    const other = await t.token('jobcentre', '147');
    const { body } = await t.http.post('/api/applications').set('Authorization', `Bearer ${caseworker}`).send(draftBody({ scheme: 'job-rotation' })).expect(201);
    expect(body.allowedActions).toEqual(expect.arrayContaining(['transfer', 'set-responsible']));
    const assigned = await t.http.post(`/api/applications/${body.id}/set-responsible`).set('Authorization', `Bearer ${caseworker}`).send({ caseworkerId: 'cw-jens' }).expect(200);
    expect(assigned.body.responsibleCaseworker).toBe('cw-jens');
    const moved = await t.http.post(`/api/applications/${body.id}/transfer`).set('Authorization', `Bearer ${caseworker}`).send({ toJobcentre: '147' }).expect(200);
    expect(moved.body.jobcentre).toBe('147');
    await t.http.get(`/api/applications/${body.id}`).set('Authorization', `Bearer ${caseworker}`).expect(403);
    await t.http.get(`/api/applications/${body.id}`).set('Authorization', `Bearer ${other}`).expect(200);
    await t.settle();
    const list = await t.http.get('/api/search/applications').set('Authorization', `Bearer ${other}`).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(body.id);
  });

  it('R33 refuses a transfer to an invalid job centre number with 400 naming the field', async () => {
    const caseworker = await t.token('jobcentre', JOBCENTRE);
    const { body } = await t.http.post('/api/applications').set('Authorization', `Bearer ${caseworker}`).send(draftBody()).expect(201);
    const res = await t.http.post(`/api/applications/${body.id}/transfer`).set('Authorization', `Bearer ${caseworker}`).send({ toJobcentre: 'abc' }).expect(400);
    expect(res.body.field).toBe('toJobcentre');
  });
});

describe('applications over HTTP: reference data (D23)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('D23 takes the representative step from the P-unit: with a representative it applies, without it does not', async () => {
    const caseworker = `Bearer ${await t.token('jobcentre', JOBCENTRE)}`;
    const withRep = await t.http.post('/api/applications').set('Authorization', caseworker).send(draftBody({ employeeRep: true })).expect(201);
    const withoutRep = await t.http.post('/api/applications').set('Authorization', caseworker).send(draftBody({ employeeRep: false })).expect(201);
    expect([withRep.body.employeeRepStepRequired, withoutRep.body.employeeRepStepRequired]).toEqual([true, false]);
  });

  it('refuses an unknown P-unit, and a P-unit of another company, with 400 naming company.pNumber', async () => {
    const caseworker = `Bearer ${await t.token('jobcentre', JOBCENTRE)}`;
    const unknown = await t.http.post('/api/applications').set('Authorization', caseworker).send(draftBody({ company: { cvr: CVR, pNumber: '9999999999' } })).expect(400);
    expect(unknown.body).toMatchObject({ field: 'company.pNumber', rule: 'unknown-p-unit' });
    const foreign = await t.http.post('/api/applications').set('Authorization', caseworker).send(draftBody({ company: { cvr: CVR, pNumber: OTHER_P_NUMBER } })).expect(400);
    expect(foreign.body).toMatchObject({ field: 'company.pNumber', rule: 'p-unit-of-other-company' });
  });
});
