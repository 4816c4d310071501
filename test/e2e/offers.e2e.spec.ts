import type { Response } from 'supertest';
import { EVENT_STORE, EventStore } from '../../src/platform/event-store/event-store.port';
import { uuidv7 } from '../../src/platform/events/uuidv7';
import { CPR, CVR, JOBCENTRE, OTHER_CVR, OTHER_JOBCENTRE, OTHER_P_NUMBER, P_NUMBER, P_NUMBER_NO_REP } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const offerBody = (overrides: Record<string, unknown> = {}) => ({
  scheme: 'wage-subsidy', pNumber: P_NUMBER, jobcentre: JOBCENTRE, onNationalList: false, hoursPerWeek: 37, workTasks: 'Svejsning og montage af stålkonstruktioner', ...overrides,
});

describe('offers over HTTP (domain.md §3.2)', () => {
  let t: TestApp;
  let company: string;
  let rep: string;
  let caseworker: string;

  beforeAll(async () => {
    t = await createTestApp();
    company = `Bearer ${await t.token('company', CVR)}`;
    rep = `Bearer ${await t.token('employee-representative', P_NUMBER)}`;
    caseworker = `Bearer ${await t.token('jobcentre', JOBCENTRE)}`;
  });
  afterAll(() => t.close());

  const create = (body = offerBody(), who = company) => t.http.post('/api/offers').set('Authorization', who).send(body);
  const act = (id: string, action: string, who: string, body: object = {}) => t.http.post(`/api/offers/${id}/${action}`).set('Authorization', who).send(body);

  it("D23 R9 R15 D24: created, approved by the representative ('Aktiv'), listed, then cancelled by the company: a flag, not a status", async () => {
    const created = await create().expect(201);
    const id = created.body.id;
    expect(created.headers.location).toBe(`/api/offers/${id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      status: 'sent-to-employee-rep', statusLabel: 'Sendt til medarbejder-rep', scheme: 'wage-subsidy', schemeLabel: 'Løntilskud', employeeRepStepRequired: true,
      company: { cvr: CVR, pNumber: P_NUMBER }, jobcentre: JOBCENTRE, cancelledByCompany: null, links: { self: `/api/offers/${id}` }, allowedActions: ['cancel'],
    });

    const repView = await t.http.get(`/api/offers/${id}`).set('Authorization', rep).expect(200);
    expect(repView.headers.etag).toBe('"1"');
    expect(repView.body.allowedActions).toEqual(['approve-as-employee-representative', 'reject-as-employee-representative']);
    const approved = await act(id, 'approve-as-employee-representative', rep).expect(200);
    expect(approved.body).toMatchObject({ status: 'active', statusLabel: 'Aktiv', revision: 2 });

    const caseworkerView = await t.http.get(`/api/offers/${id}`).set('Authorization', caseworker).expect(200);
    expect(caseworkerView.body.allowedActions).toEqual(['transfer', 'set-responsible']);

    const cancelled = await act(id, 'cancel', company).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'active', statusLabel: 'Aktiv', cancelledByCompany: { at: expect.any(String), label: 'Annulleret af virksomhed' } });
    expect(cancelled.body.allowedActions).toEqual([]);

    const twice = await act(id, 'cancel', company).expect(409);
    expect(twice.body).toMatchObject({ status: 409, rule: 'D24', field: 'cancelledByCompany' });

    await t.settle();
    const list = await t.http.get('/api/search/offers').set('Authorization', caseworker).expect(200);
    const row = list.body.items.find((i: { id: string }) => i.id === id);
    expect(row).toMatchObject({ status: 'active', statusLabel: 'Aktiv', cancelledByCompany: cancelled.body.cancelledByCompany, hoursPerWeek: 37, links: { self: `/api/offers/${id}` } });
    expect(list.body.totalCount).toBeGreaterThanOrEqual(1);
  });

  it("D23 makes an offer at a P-unit without a representative 'Aktiv' at once, and a flex-job offer too", async () => {
    const noRep = await create(offerBody({ pNumber: P_NUMBER_NO_REP })).expect(201);
    expect(noRep.body).toMatchObject({ status: 'active', statusLabel: 'Aktiv', employeeRepStepRequired: false });
    const flexJob = await create(offerBody({ scheme: 'flex-job' })).expect(201);
    expect(flexJob.body).toMatchObject({ status: 'active', employeeRepStepRequired: false });
  });

  it("R9 records the representative's rejection as 'Afvist af medarbejder-rep'", async () => {
    const { body } = await create(offerBody({ scheme: 'company-placement' })).expect(201);
    const rejected = await act(body.id, 'reject-as-employee-representative', rep, { reason: 'Ingen ledig kapacitet' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected-by-employee-rep', statusLabel: 'Afvist af medarbejder-rep', rejectionReason: 'Ingen ledig kapacitet' });
    await act(body.id, 'cancel', company).expect(200); // D24: at any time
  });

  it('refuses with 403 and a reason: a job centre creating, another company cancelling, another P-unit’s representative approving', async () => {
    const byCaseworker = await create(offerBody(), caseworker).expect(403);
    expect(byCaseworker.body).toMatchObject({ rule: 'authorization' });
    expect(byCaseworker.body.detail).toMatch(/jobcentre/);
    const { body } = await create().expect(201);
    const other = await act(body.id, 'cancel', `Bearer ${await t.token('company', OTHER_CVR)}`).expect(403);
    expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(other.body).toMatchObject({ status: 403, rule: 'authorization', detail: 'Only the company that made the offer may cancel it' });
    const otherRep = await act(body.id, 'approve-as-employee-representative', `Bearer ${await t.token('employee-representative', OTHER_P_NUMBER)}`).expect(403);
    expect(otherRep.body.detail).toMatch(/employee representative/);
  });

  it('refuses an act in the wrong status with 409 naming R9, appending nothing', async () => {
    const { body } = await create(offerBody({ pNumber: P_NUMBER_NO_REP })).expect(201);
    const res = await act(body.id, 'approve-as-employee-representative', `Bearer ${await t.token('employee-representative', CVR)}`).expect(409);
    expect(res.body).toMatchObject({ rule: 'R9', field: 'status' });
    const after = await t.http.get(`/api/offers/${body.id}`).set('Authorization', company).expect(200);
    expect(after.body.revision).toBe(body.revision);
  });

  it("R27 refuses 'Arbejdsopgaver' over 2,000 characters (422), and the P-unit must be the company's own (400)", async () => {
    const long = await create(offerBody({ workTasks: 'x'.repeat(2001) })).expect(422);
    expect(long.body).toMatchObject({ rule: 'R27', field: 'workTasks' });
    await create(offerBody({ workTasks: 'æ'.repeat(2000) })).expect(201);
    const foreign = await create(offerBody({ pNumber: OTHER_P_NUMBER })).expect(400);
    expect(foreign.body).toMatchObject({ field: 'pNumber', rule: 'p-unit-of-other-company' });
    expect((await create(offerBody({ jobcentre: '999' })).expect(400)).body).toMatchObject({ field: 'jobcentre', rule: 'unknown-jobcentre' });
    expect((await t.http.get(`/api/offers/${uuidv7()}`).set('Authorization', company).expect(404)).body.rule).toBe('not-found');
  });

  it('R44 D24 lists the grant created on a national-list offer as a linked case; cancelling the offer leaves the grant as it was', async () => {
    const { body } = await create(offerBody({ scheme: 'company-placement', pNumber: P_NUMBER_NO_REP, onNationalList: true })).expect(201);
    const grantDraft = { scheme: 'company-placement', company: { cvr: CVR, pNumber: P_NUMBER_NO_REP }, citizen: { cpr: CPR }, period: { start: '2026-04-01', end: '2026-06-30' }, hoursPerWeek: 37, offerId: body.id };
    const grant = await t.http.post('/api/grants').set('Authorization', caseworker).send(grantDraft).expect(201);
    await act(body.id, 'cancel', company).expect(200);
    const grantAfter = await t.http.get(`/api/grants/${grant.body.id}`).set('Authorization', caseworker).expect(200);
    expect({ status: grantAfter.body.status, revision: grantAfter.body.revision }).toEqual({ status: grant.body.status, revision: grant.body.revision });

    await t.settle();
    const view = await t.http.get(`/api/offers/${body.id}`).set('Authorization', caseworker).expect(200);
    expect(view.body).toMatchObject({ linkedCases: { grantIds: [grant.body.id] }, status: 'active', cancelledByCompany: { label: 'Annulleret af virksomhed' } });
  });

  it('shows a national-list offer to every job centre, read-only, and other offers only to their own', async () => {
    const national = await create(offerBody({ onNationalList: true })).expect(201);
    const local = await create(offerBody({ onNationalList: false })).expect(201);
    const elsewhere = `Bearer ${await t.token('jobcentre', OTHER_JOBCENTRE)}`;
    expect((await t.http.get(`/api/offers/${national.body.id}`).set('Authorization', elsewhere).expect(200)).body.allowedActions).toEqual([]);
    await t.http.get(`/api/offers/${local.body.id}`).set('Authorization', elsewhere).expect(403);
  });

  it('R55 R33 sets the responsible caseworker, then moves the offer to another job centre', async () => {
    const { body } = await create().expect(201);
    const assigned = await act(body.id, 'set-responsible', caseworker, { caseworkerId: 'cw-jens' }).expect(200);
    expect(assigned.body.responsibleCaseworker).toBe('cw-jens');
    const moved = await act(body.id, 'transfer', caseworker, { toJobcentre: OTHER_JOBCENTRE }).expect(200);
    expect(moved.body.jobcentre).toBe(OTHER_JOBCENTRE);
    await t.http.get(`/api/offers/${body.id}`).set('Authorization', caseworker).expect(403);
    await act(body.id, 'set-responsible', caseworker, { caseworkerId: 'cw-jens' }).expect(403);
  });

  it('two company users cancel the same offer at once with the same If-Match: one 200, one 409 with the current revision', async () => {
    const { body } = await create(offerBody({ pNumber: P_NUMBER_NO_REP })).expect(201);
    const [alice, bob] = [`Bearer ${await t.token('company', CVR, 'alice')}`, `Bearer ${await t.token('company', CVR, 'bob')}`];
    const cancel = (who: string) => t.http.post(`/api/offers/${body.id}/cancel`).set('Authorization', who).set('If-Match', `"${body.revision}"`).send({});
    const answers: Response[] = await Promise.all([cancel(alice), cancel(bob)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = answers.find((r) => r.status === 409)!;
    expect(loser.body).toMatchObject({ rule: 'expected-revision', field: 'If-Match', currentRevision: body.revision + 1 });
    const events = await t.app.get<EventStore>(EVENT_STORE).readStream(`offer-${body.id}`);
    expect(events.filter((e) => e.type === 'OfferCancelledByCompany')).toHaveLength(1);
  });
});
