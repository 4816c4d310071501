/** 'Søg' tabs (issue 5) on `search_cases`: GET /api/search/applications-and-offers and /api/search/igu-agreements. R1, R4, R5, R6, R9, R10, R15, R32, D24. */
import { CVR, OTHER_CVR, OTHER_JOBCENTRE, OTHER_P_NUMBER, P_NUMBER, P_NUMBER_NO_REP, draftBody } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { Actors, actorsOf } from './grants.e2e-support';

interface Item { caseType: string; id: string; scheme: string; status: string; statusLabel: string; [k: string]: unknown }
const SORTS = ['caseType', 'scheme', 'status', 'jobcentre', 'company', 'cpr', 'receivedDate', 'approvedDate', 'createdAt', 'responsibleCaseworker', 'cancelledByCompany'];

describe("'Søg' GET /api/search/applications-and-offers and /api/search/igu-agreements", () => {
  let t: TestApp;
  let a: Actors;
  const ids: Record<string, string> = {};
  let statusBeforeCancel: string;

  const search = (who: string, query = '') => t.http.get(`/api/search/applications-and-offers${query}`).set('Authorization', who);
  const igu = (who: string, query = '') => t.http.get(`/api/search/igu-agreements${query}`).set('Authorization', who);
  const names = (body: { items: Item[] }) => body.items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id)).sort();
  const post = async (path: string, who: string, body: object = {}) => (await t.http.post(path).set('Authorization', who).send(body).expect((r) => expect([200, 201]).toContain(r.status))).body;
  const offer = (who: string, overrides: object) => post('/api/offers', who, { scheme: 'wage-subsidy', pNumber: P_NUMBER, jobcentre: '101', onNationalList: false, hoursPerWeek: 37, workTasks: 'Montage', ...overrides });

  beforeAll(async () => {
    t = await createTestApp();
    a = await actorsOf(t);
    const rep = `Bearer ${await t.token('employee-representative', P_NUMBER)}`;
    ids.appSentToRep = (await post('/api/applications', a.caseworker, draftBody({ employeeRep: true }))).id;
    await post(`/api/applications/${ids.appSentToRep}/sign-as-company`, a.company);
    ids.appRejectedByRep = (await post('/api/applications', a.caseworker, draftBody({ scheme: 'company-placement', employeeRep: true }))).id;
    await post(`/api/applications/${ids.appRejectedByRep}/sign-as-company`, a.company);
    await post(`/api/applications/${ids.appRejectedByRep}/reject-as-employee-representative`, rep, { reason: 'Ingen plads' });
    ids.appApproved = (await post('/api/applications', a.caseworker, draftBody({ scheme: 'flex-job' }))).id;
    await post(`/api/applications/${ids.appApproved}/sign-as-company`, a.company);
    await post(`/api/applications/${ids.appApproved}/approve`, a.caseworker);
    ids.appOther = (await post('/api/applications', a.caseworker, draftBody({ company: { cvr: OTHER_CVR, pNumber: OTHER_P_NUMBER } }))).id;
    ids.offerSentToRep = (await offer(a.company, {})).id;
    ids.offerCancelled = (await offer(a.company, { pNumber: P_NUMBER_NO_REP, scheme: 'company-placement' })).id;
    ids.offerOtherJobcentre = (await offer(a.company, { pNumber: P_NUMBER_NO_REP, jobcentre: OTHER_JOBCENTRE })).id;
    await t.settle();
    statusBeforeCancel = (await search(a.caseworker, '?caseType=offer&scheme=company-placement').expect(200)).body.items[0].status;
    await post(`/api/offers/${ids.offerCancelled}/cancel`, a.company);
    ids.igu = (await post('/api/igu-agreements', a.caseworker, { company: { cvr: CVR, pNumber: P_NUMBER }, citizen: { cpr: draftBody().citizen.cpr } })).id;
    await t.settle();
  });
  afterAll(() => t.close());

  it('R5 R32 without a scheme filter lists applications and offers of every scheme, with labels and links', async () => {
    const res = await search(a.caseworker).expect(200);
    expect(res.body).toMatchObject({ totalCount: 6, page: 1, pageSize: 50 });
    expect(names(res.body)).toEqual(['appApproved', 'appOther', 'appRejectedByRep', 'appSentToRep', 'offerCancelled', 'offerSentToRep']);
    expect(new Set(res.body.items.map((i: Item) => i.scheme))).toEqual(new Set(['wage-subsidy', 'company-placement', 'flex-job']));
    const approved = res.body.items.find((i: Item) => i.id === ids.appApproved);
    expect(approved).toMatchObject({
      caseType: 'application', scheme: 'flex-job', status: 'approved', statusLabel: 'Godkendt', jobcentre: '101', company: { cvr: CVR }, cpr: expect.any(String),
      receivedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), approvedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), createdAt: expect.stringMatching(/Z$/),
      cancelledByCompany: null, links: { self: `/api/applications/${ids.appApproved}` },
    });
    const offer = res.body.items.find((i: Item) => i.id === ids.offerSentToRep);
    expect(offer).toMatchObject({ caseType: 'offer', schemeLabel: 'Løntilskud', cpr: null, cancelledByCompany: null, links: { self: `/api/offers/${ids.offerSentToRep}` } });
  });

  it("R9 'Sendt til medarbejder-rep' and 'Afvist af medarbejder-rep' appear and filter", async () => {
    const sent = await search(a.caseworker, '?status=sent-to-employee-rep').expect(200);
    expect(names(sent.body)).toEqual(['appSentToRep', 'offerSentToRep']);
    for (const item of sent.body.items) expect(item.statusLabel).toBe('Sendt til medarbejder-rep');
    const rejected = await search(a.caseworker, '?status=rejected-by-employee-rep').expect(200);
    expect(rejected.body).toMatchObject({ totalCount: 1, items: [{ id: ids.appRejectedByRep, statusLabel: 'Afvist af medarbejder-rep' }] });
  });

  it('R15 D24 a cancelled offer carries the flag with its label; its status is unchanged', async () => {
    const res = await search(a.caseworker, '?caseType=offer').expect(200);
    const cancelled = res.body.items.find((i: Item) => i.id === ids.offerCancelled);
    expect(cancelled).toMatchObject({ status: statusBeforeCancel, cancelledByCompany: { at: expect.stringMatching(/Z$/), label: 'Annulleret af virksomhed' } });
    expect(res.body.items.filter((i: Item) => i.cancelledByCompany !== null)).toHaveLength(1);
  });

  it('R6 OR within a filter, AND across filters', async () => {
    expect(names((await search(a.caseworker, '?scheme=wage-subsidy,flex-job&status=approved&status=sent-to-employee-rep').expect(200)).body)).toEqual(['appApproved', 'appSentToRep', 'offerSentToRep']);
    expect(names((await search(a.caseworker, '?scheme=wage-subsidy,flex-job&status=approved,sent-to-employee-rep&caseType=application').expect(200)).body)).toEqual(['appApproved', 'appSentToRep']);
    expect(names((await search(a.caseworker, `?cvr=${OTHER_CVR}&caseType=application,offer`).expect(200)).body)).toEqual(['appOther']);
  });

  it('R10 a company body has no approvedDate key; the job centre sorts by it both ways; a company may not', async () => {
    const company = await search(a.company).expect(200);
    expect(company.body.totalCount).toBe(6);
    expect(JSON.stringify(company.body)).not.toContain('approvedDate');
    for (const order of ['asc', 'desc']) {
      const res = await search(a.caseworker, `?sort=approvedDate&order=${order}`).expect(200);
      expect(res.body.items[0].id).toBe(ids.appApproved); // the only one with a date; nulls last both ways
    }
    expect((await search(a.company, '?sort=approvedDate').expect(400)).body.field).toBe('sort');
  });

  it('R1 paging with pageSize 2 returns every case exactly once with a constant totalCount, for every sort both ways', async () => {
    for (const sort of SORTS) {
      for (const order of ['asc', 'desc']) {
        const seen: string[] = [];
        for (let page = 1; page <= 4; page++) {
          const res = await search(a.caseworker, `?sort=${sort}&order=${order}&page=${page}&pageSize=2`).expect(200);
          expect(res.body.totalCount).toBe(6);
          seen.push(...res.body.items.map((i: Item) => i.id));
        }
        expect(seen).toHaveLength(6);
        expect(new Set(seen).size).toBe(6);
      }
    }
  });

  it('R4 a company uses both tabs; IGU-aftaler pages, sorts and scopes for job centre, company, citizen and auditor', async () => {
    expect((await igu(a.company).expect(200)).body).toMatchObject({ totalCount: 1, items: [{ id: ids.igu, caseType: 'igu-agreement', statusLabel: expect.any(String), links: { self: `/api/igu-agreements/${ids.igu}` } }] });
    for (const who of [a.caseworker, `Bearer ${await t.token('auditor', 'x')}`]) expect((await igu(who).expect(200)).body.totalCount).toBe(1);
    // The citizen may not read a draft agreement (its read rule), so the list does not show it either.
    for (const who of [a.otherCaseworker, a.otherCompany, a.citizen]) expect((await igu(who).expect(200)).body.totalCount).toBe(0);
    await t.http.post(`/api/igu-agreements/${ids.igu}/send-to-citizen`).set('Authorization', a.caseworker).expect(200);
    await t.settle();
    expect((await igu(a.citizen).expect(200)).body.totalCount).toBe(1);
    for (const sort of ['status', 'jobcentre', 'company', 'cpr', 'createdAt', 'responsibleCaseworker']) {
      for (const order of ['asc', 'desc']) expect((await igu(a.caseworker, `?sort=${sort}&order=${order}&pageSize=2`).expect(200)).body.items).toHaveLength(1);
    }
    expect((await igu(a.caseworker, '?status=signed').expect(200)).body.totalCount).toBe(0);
    for (const role of ['anden-aktoer', 'company-support', 'case-system'] as const) await igu(`Bearer ${await t.token(role, '101')}`).expect(403);
    await igu(`Bearer ${await t.token('employee-representative', '1000000001')}`).expect(403);
  });

  it('scopes rows per role: own job centre, own CVR, auditor all; a citizen and the other roles 403', async () => {
    expect(names((await search(a.otherCaseworker).expect(200)).body)).toEqual(['offerOtherJobcentre']);
    expect(names((await search(a.otherCompany).expect(200)).body)).toEqual(['appOther']);
    expect(names((await search(a.company).expect(200)).body)).not.toContain('appOther');
    expect((await search(`Bearer ${await t.token('auditor', 'x')}`).expect(200)).body.totalCount).toBe(7);
    expect((await search(`Bearer ${await t.token('anden-aktoer', 'aa-1')}`).expect(200)).body.totalCount).toBe(0); // no citizen assigned to it (R12)
    for (const who of [a.citizen, ...(await Promise.all(([['company-support', '101'], ['case-system', '101'], ['employee-representative', '1000000001']] as const).map(async ([r, org]) => `Bearer ${await t.token(r, org)}`)))]) {
      expect((await search(who).expect(403)).body.status).toBe(403);
    }
  });

  it('bad input is a 400 naming the field', async () => {
    expect((await search(a.caseworker, '?scheme=space-travel').expect(400)).body.field).toBe('scheme');
    expect((await search(a.caseworker, '?status=closed-unused').expect(400)).body.field).toBe('status');
    expect((await search(a.caseworker, '?caseType=grant').expect(400)).body.field).toBe('caseType');
    expect((await search(a.caseworker, '?sort=colour').expect(400)).body.field).toBe('sort');
    expect((await search(a.caseworker, '?order=up').expect(400)).body.field).toBe('order');
    expect((await igu(a.caseworker, '?sort=scheme').expect(400)).body.field).toBe('sort');
    expect((await igu(a.caseworker, '?status=active').expect(400)).body.field).toBe('status');
  });
});
