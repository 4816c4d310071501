/** GET /api/search/grants, 'Bevillinger' (issue 5) on `search_cases`: R1, R3, R6, R10, R16, R17, R18, R32, D7, D13. */
import { OTHER_CVR, OTHER_P_NUMBER } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { Actors, act, actorsOf, draftGrant } from './grants.e2e-support';

interface Item { caseType: string; id: string; scheme: string; supplementaryGrantType: string | null; status: string; hoursPerWeek: number | null; [k: string]: unknown }

describe("'Bevillinger' GET /api/search/grants", () => {
  let t: TestApp;
  let a: Actors;
  const ids: Record<string, string> = {};

  const search = (who: string, query = '') => t.http.get(`/api/search/grants${query}`).set('Authorization', who);
  const idsOf = (body: { items: Item[] }) => body.items.map((i) => i.id);
  const names = (list: string[]) => list.map((id) => Object.keys(ids).find((k) => ids[k] === id));
  const supplementary = async (parentGrantId: string, type: string) =>
    (await t.http.post('/api/supplementary-grants').set('Authorization', a.caseworker).send({ parentGrantId, type, justification: 'Behov' }).expect(201)).body.id as string;

  beforeAll(async () => {
    t = await createTestApp();
    a = await actorsOf(t);
    ids.wage = (await draftGrant(t, a.caseworker, { hoursPerWeek: 30 })).id;
    expect((await act(t, ids.wage, 'send-for-approval', a.caseworker)).status).toBe(200);
    expect((await act(t, ids.wage, 'approve-as-company', a.company, { method: 'nemid-employee-signature' })).status).toBe(200);
    ids.benefit = (await draftGrant(t, a.caseworker, { scheme: 'public-benefit-work', hoursPerWeek: 20 })).id;
    ids.placement = (await draftGrant(t, a.caseworker, { scheme: 'company-placement', hoursPerWeek: 10 })).id;
    ids.mentor = (await draftGrant(t, a.caseworker, { scheme: 'mentor', hoursPerWeek: undefined })).id;
    ids.other = (await draftGrant(t, a.caseworker, { hoursPerWeek: 25, company: { cvr: OTHER_CVR, pNumber: OTHER_P_NUMBER } })).id;
    ids.aidsOnBenefit = await supplementary(ids.benefit, 'assistive-aids');
    ids.mentorOnWage = await supplementary(ids.wage, 'mentor');
    ids.closedUnused = await supplementary(ids.placement, 'mentor');
    await t.http.post(`/api/supplementary-grants/${ids.closedUnused}/close-unused`).set('Authorization', a.caseworker).expect(200);
    await t.settle();
  });
  afterAll(() => t.close());

  it('R16 D7 R18 R32 lists grants and supplementary grants together, never a closed-unused one, with links', async () => {
    const res = await search(a.caseworker).expect(200);
    expect(res.body).toMatchObject({ totalCount: 7, page: 1, pageSize: 50 });
    expect(names(idsOf(res.body)).sort()).toEqual(['aidsOnBenefit', 'benefit', 'mentor', 'mentorOnWage', 'other', 'placement', 'wage']);
    expect(res.body.items.map((i: Item) => i.status)).not.toContain('closed-unused');
    const aids = res.body.items.find((i: Item) => i.id === ids.aidsOnBenefit);
    expect(aids).toMatchObject({
      caseType: 'supplementary-grant', scheme: 'public-benefit-work', schemeLabel: 'Nytteindsats', supplementaryGrantType: 'assistive-aids', supplementaryGrantTypeLabel: 'Hjælpemidler',
      status: 'drafted', statusLabel: 'Bevilling udarbejdet', jobcentre: '101', links: { self: `/api/supplementary-grants/${ids.aidsOnBenefit}` },
    });
    const wage = res.body.items.find((i: Item) => i.id === ids.wage);
    expect(wage).toMatchObject({
      caseType: 'grant', scheme: 'wage-subsidy', schemeLabel: 'Løntilskud', supplementaryGrantType: null, status: 'active', hoursPerWeek: 30,
      period: { start: '2030-01-01', end: '2030-06-30' }, createdAt: expect.stringMatching(/Z$/), links: { self: `/api/grants/${ids.wage}` },
    });
    expect(wage).toHaveProperty('approvedDate');
    expect((await search(a.caseworker, '?status=closed-unused').expect(400)).body.field).toBe('status');
  });

  it("R3 R2 a supplementary grant on a Nytteindsats grant is found by public-benefit-work, not by company-placement", async () => {
    expect(names(idsOf((await search(a.caseworker, '?scheme=public-benefit-work').expect(200)).body)).sort()).toEqual(['aidsOnBenefit', 'benefit']);
    expect(names(idsOf((await search(a.caseworker, '?scheme=company-placement').expect(200)).body))).toEqual(['placement']);
  });

  it('R6 OR within a filter, AND across filters; repeated or comma-separated', async () => {
    const plain = await search(a.caseworker, '?scheme=wage-subsidy,public-benefit-work&supplementaryGrantType=none').expect(200);
    expect(names(idsOf(plain.body)).sort()).toEqual(['benefit', 'other', 'wage']);
    const typed = await search(a.caseworker, '?scheme=wage-subsidy&scheme=public-benefit-work&supplementaryGrantType=mentor&supplementaryGrantType=assistive-aids').expect(200);
    expect(names(idsOf(typed.body)).sort()).toEqual(['aidsOnBenefit', 'mentorOnWage']);
    const active = await search(a.caseworker, '?status=active,awaiting-company&scheme=wage-subsidy').expect(200);
    expect(active.body).toMatchObject({ totalCount: 1, items: [{ id: ids.wage }] });
    const parties = await search(a.caseworker, `?cvr=${OTHER_CVR}&periodFrom=2030-06-01&periodTo=2030-12-31`).expect(200);
    expect(names(idsOf(parties.body))).toEqual(['other']);
    expect((await search(a.caseworker, '?periodFrom=2031-01-01').expect(200)).body.totalCount).toBe(0);
  });

  it('D13 an hours filter never returns a compensating grant (mentor) nor a supplementary grant', async () => {
    const res = await search(a.caseworker, '?hoursMin=0&hoursMax=100').expect(200);
    expect(names(idsOf(res.body)).sort()).toEqual(['benefit', 'other', 'placement', 'wage']);
    expect(names(idsOf((await search(a.caseworker, '?hoursMin=20&hoursMax=25').expect(200)).body)).sort()).toEqual(['benefit', 'other']);
  });

  it('R10 company rows have no approvedDate key; the job centre sorts by it; a company may not', async () => {
    const company = await search(a.company).expect(200);
    expect(company.body.totalCount).toBe(6);
    expect(idsOf(company.body)).not.toContain(ids.other);
    for (const item of company.body.items) expect(Object.keys(item)).not.toContain('approvedDate');
    expect(JSON.stringify(company.body)).not.toContain('approvedDate');
    for (const order of ['asc', 'desc']) expect((await search(a.caseworker, `?sort=approvedDate&order=${order}`).expect(200)).body.totalCount).toBe(7);
    expect((await search(a.company, '?sort=approvedDate').expect(400)).body.field).toBe('sort');
  });

  it("R11 R17 the 'Tillægsbevilling' column shows 'Hjælpemidler' or 'Mentor' and sorts on it both ways, plain grants (null) last", async () => {
    const asc = await search(a.caseworker, '?sort=supplementaryGrantType&order=asc').expect(200);
    expect(asc.body.items.map((i: Item) => i.supplementaryGrantType).slice(0, 3)).toEqual(['assistive-aids', 'mentor', null]);
    expect(asc.body.items.map((i: Item) => i.supplementaryGrantTypeLabel).slice(0, 3)).toEqual(['Hjælpemidler', 'Mentor', null]);
    const desc = await search(a.caseworker, '?sort=supplementaryGrantType&order=desc').expect(200);
    expect(desc.body.items.map((i: Item) => i.supplementaryGrantType).slice(0, 3)).toEqual(['mentor', 'assistive-aids', null]);
    const hours = await search(a.caseworker, '?sort=hoursPerWeek&order=desc').expect(200);
    expect(hours.body.items.map((i: Item) => i.hoursPerWeek).slice(0, 4)).toEqual([30, 25, 20, 10]);
  });

  it('R1 paging with pageSize 2 returns every case exactly once with a constant totalCount, for every sort both ways', async () => {
    for (const sort of ['scheme', 'status', 'supplementaryGrantType', 'periodStart', 'periodEnd', 'createdAt', 'approvedDate', 'hoursPerWeek']) {
      for (const order of ['asc', 'desc']) {
        const seen: string[] = [];
        for (let page = 1; page <= 4; page++) {
          const res = await search(a.caseworker, `?sort=${sort}&order=${order}&page=${page}&pageSize=2`).expect(200);
          expect(res.body.totalCount).toBe(7);
          seen.push(...idsOf(res.body));
        }
        expect(seen).toHaveLength(7);
        expect(new Set(seen).size).toBe(7);
      }
    }
  });

  it('scopes rows per role: another job centre sees none, another company only its own, the citizen and auditor theirs; others 403', async () => {
    expect((await search(a.otherCaseworker).expect(200)).body).toMatchObject({ totalCount: 0, items: [] });
    expect((await search(a.otherCompany).expect(200)).body).toMatchObject({ totalCount: 1, items: [{ id: ids.other }] });
    expect((await search(`Bearer ${await t.token('company', '11111111')}`).expect(200)).body.totalCount).toBe(0);
    expect((await search(a.citizen).expect(200)).body.totalCount).toBe(7);
    expect((await search(`Bearer ${await t.token('auditor', 'x')}`).expect(200)).body.totalCount).toBe(7);
    for (const role of ['company-support', 'case-system'] as const) {
      expect((await search(`Bearer ${await t.token(role, '101')}`).expect(403)).body.status).toBe(403);
    }
    // An AA sees only the cases of citizens assigned to it (R12): none here.
    expect((await search(`Bearer ${await t.token('anden-aktoer', 'aa-1')}`).expect(200)).body.totalCount).toBe(0);
  });

  it('bad input is a 400 naming the field: unknown filter value, unknown sort column, bad order, pageSize over 200', async () => {
    expect((await search(a.caseworker, '?scheme=space-travel').expect(400)).body.field).toBe('scheme');
    expect((await search(a.caseworker, '?supplementaryGrantType=Mentor').expect(400)).body.field).toBe('supplementaryGrantType');
    expect((await search(a.caseworker, '?sort=colour').expect(400)).body.field).toBe('sort');
    expect((await search(a.caseworker, '?sort=created_at;drop').expect(400)).body.field).toBe('sort');
    expect((await search(a.caseworker, '?order=up').expect(400)).body.field).toBe('order');
    expect((await search(a.caseworker, '?pageSize=201').expect(400)).body.field).toBe('pageSize');
    expect((await search(a.caseworker, '?hoursMin=lots').expect(400)).body.field).toBe('hoursMin');
  });
});
