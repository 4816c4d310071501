/** GET /api/employer-tasks (R34, R35, R64, D7, D21) on the search read model `search_cases` (D10). */
import { SCHEMES } from '../../src/registries/schemes';
import { OTHER_CVR, OTHER_P_NUMBER } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { Actors, act, actorsOf, draftGrant } from './grants.e2e-support';

interface Task { caseType: string; id: string; since: string }

async function sentGrant(t: TestApp, a: Actors, overrides: Record<string, unknown> = {}): Promise<string> {
  const { id } = await draftGrant(t, a.caseworker, overrides);
  expect((await act(t, id, 'send-for-approval', a.caseworker)).status).toBe(200);
  return id;
}

const tasksOf = (t: TestApp, who: string, query = '') => t.http.get(`/api/employer-tasks${query}`).set('Authorization', who);

describe('employer tasks over HTTP (R34, R35)', () => {
  let t: TestApp;
  let a: Actors;

  beforeAll(async () => {
    t = await createTestApp();
    a = await actorsOf(t);
  });
  afterAll(() => t.close());

  it("R34 R35 R64 a company sees its grant and supplementary-grant tasks newest first, not drafted ones, not another company's; an approved one leaves the list", async () => {
    const first = await sentGrant(t, a);
    await draftGrant(t, a.caseworker); // R64: 'Bevilling udarbejdet' is no task
    const others = await sentGrant(t, a, { company: { cvr: OTHER_CVR, pNumber: OTHER_P_NUMBER } });
    const toApprove = await sentGrant(t, a);
    const created = await t.http.post('/api/supplementary-grants').set('Authorization', a.caseworker).send({ parentGrantId: first, type: 'assistive-aids', justification: 'Hæve-sænkebord' }).expect(201);
    const supplementary = created.body.id as string;
    await t.http.post(`/api/supplementary-grants/${supplementary}/send-for-company-approval`).set('Authorization', a.caseworker).expect(200);
    await t.settle();

    const before = await tasksOf(t, a.company).expect(200);
    expect(before.body).toMatchObject({ totalCount: 3, truncated: false });
    expect(before.body.items.map((i: Task) => i.id)).toEqual([supplementary, toApprove, first]);
    const sinces = before.body.items.map((i: Task) => i.since);
    expect([...sinces].sort().reverse()).toEqual(sinces);
    expect(before.body.items[0]).toEqual({
      caseType: 'supplementary-grant', id: supplementary, scheme: 'wage-subsidy', schemeLabel: SCHEMES['wage-subsidy'].label,
      supplementaryGrantType: 'assistive-aids', supplementaryGrantTypeLabel: 'Hjælpemidler', status: 'awaiting-company', statusLabel: 'Afventer godkendelse hos virksomhed',
      since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/), links: { self: `/api/supplementary-grants/${supplementary}` },
    });
    expect(before.body.items[2]).toMatchObject({ caseType: 'grant', supplementaryGrantType: null, supplementaryGrantTypeLabel: null, links: { self: `/api/grants/${first}` } });

    const theOther = await tasksOf(t, a.otherCompany).expect(200);
    expect(theOther.body).toMatchObject({ totalCount: 1, truncated: false, items: [{ id: others }] });

    expect((await act(t, toApprove, 'approve-as-company', a.company, { method: 'nemid-employee-signature' })).status).toBe(200);
    await t.settle();
    const after = await tasksOf(t, a.company).expect(200);
    expect(after.body).toMatchObject({ totalCount: 2, truncated: false });
    expect(after.body.items.map((i: Task) => i.id)).toEqual([supplementary, first]);
  });

  it('refuses every role but the company (403)', async () => {
    for (const who of [a.caseworker, a.citizen, `Bearer ${await t.token('company-support', '101')}`]) {
      expect((await tasksOf(t, who).expect(403)).body.status).toBe(403);
    }
  });
});

describe('employer tasks: D21 the newest up to the cap, with the total and truncated', () => {
  let t: TestApp;
  let a: Actors;

  beforeAll(async () => {
    t = await createTestApp({ EMPLOYER_TASKS_LIMIT: '3' });
    a = await actorsOf(t);
  });
  afterAll(() => t.close());

  it('D21 returns the 3 newest of 4 tasks with totalCount 4 and truncated: true; ?limit= takes fewer, never more than the cap', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await sentGrant(t, a));
    await t.settle();
    const res = await tasksOf(t, a.company).expect(200);
    expect(res.body).toMatchObject({ totalCount: 4, truncated: true });
    expect(res.body.items.map((i: Task) => i.id)).toEqual(ids.slice(1).reverse());
    const two = await tasksOf(t, a.company, '?limit=2').expect(200);
    expect(two.body).toMatchObject({ totalCount: 4, truncated: true });
    expect(two.body.items.map((i: Task) => i.id)).toEqual([ids[3], ids[2]]);
    expect((await tasksOf(t, a.company, '?limit=10').expect(200)).body.items).toHaveLength(3);
  });
});
