import { uuidv7 } from '../../src/platform/events/uuidv7';
import { SCHEMES, Scheme } from '../../src/registries/schemes';
import { CPR, CVR, JOBCENTRE, OTHER_CVR, OTHER_JOBCENTRE, P_NUMBER } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('supplementary grants over HTTP (domain.md §3.4)', () => {
  let t: TestApp;
  let caseworker: string;
  let company: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = `Bearer ${await t.token('jobcentre', JOBCENTRE)}`;
    company = `Bearer ${await t.token('company', CVR)}`;
  });
  afterAll(() => t.close());

  /** A parent grant drafted over HTTP by the grants slice (its GrantDrafted is what the supplementary grant folds). */
  async function parentGrant(scheme: Scheme, who = caseworker): Promise<string> {
    const compensating = SCHEMES[scheme].compensating;
    const draft = {
      scheme, company: { cvr: CVR, pNumber: P_NUMBER }, citizen: { cpr: CPR }, period: { start: '2026-04-01', end: '2026-09-30' },
      ...(compensating ? {} : { hoursPerWeek: 30 }), ...(scheme === 'flex-job' ? { fleksjob: { permanent: false, employedInOwnCompany: false } } : {}),
    };
    return (await t.http.post('/api/grants').set('Authorization', who).send(draft).expect(201)).body.id;
  }

  const body = (parentGrantId: string, overrides: Record<string, unknown> = {}) => ({ parentGrantId, type: 'mentor', justification: 'Borgeren har brug for en mentor', ...overrides });
  const create = (payload: object, who = caseworker) => t.http.post('/api/supplementary-grants').set('Authorization', who).send(payload);
  const act = (id: string, action: string, who: string, payload: object = {}) => t.http.post(`/api/supplementary-grants/${id}/${action}`).set('Authorization', who).send(payload);

  it("R3 shows the scheme of the actual parent grant: one on a Nytteindsats grant is 'Nytteindsats', in the case and in the list", async () => {
    const parent = await parentGrant('public-benefit-work');
    const created = await create(body(parent, { type: 'assistive-aids' })).expect(201);
    const id = created.body.id;
    expect(created.headers.location).toBe(`/api/supplementary-grants/${id}`);
    expect(created.body).toMatchObject({
      type: 'assistive-aids', typeLabel: 'Hjælpemidler', scheme: 'public-benefit-work', schemeLabel: 'Nytteindsats', status: 'drafted', statusLabel: 'Bevilling udarbejdet',
      parentGrantId: parent, linkedCases: { parentGrantId: parent }, links: { self: `/api/supplementary-grants/${id}`, parent: `/api/grants/${parent}` },
    });
    await t.settle();
    const list = await t.http.get('/api/search/grants?scheme=public-benefit-work').set('Authorization', caseworker).expect(200);
    expect(list.body.items.map((i: { id: string; schemeLabel: string }) => [i.id, i.schemeLabel])).toContainEqual([id, 'Nytteindsats']);
    const vp = await t.http.get('/api/search/grants?scheme=company-placement').set('Authorization', caseworker).expect(200);
    expect(vp.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it("R35 R64 carries it through the company's approval: 'Bevilling udarbejdet' → 'Afventer godkendelse hos virksomhed' → 'Aktiv'", async () => {
    const { body: created } = await create(body(await parentGrant('wage-subsidy'))).expect(201);
    expect((await t.http.get(`/api/supplementary-grants/${created.id}`).set('Authorization', company).expect(200)).body.allowedActions).toEqual([]);
    const sent = await act(created.id, 'send-for-company-approval', caseworker).expect(200);
    expect(sent.body).toMatchObject({ status: 'awaiting-company', statusLabel: 'Afventer godkendelse hos virksomhed' });
    const forCompany = await t.http.get(`/api/supplementary-grants/${created.id}`).set('Authorization', company).expect(200);
    expect(forCompany.headers.etag).toBe('"1"');
    expect(forCompany.body.allowedActions).toEqual(['approve-as-company', 'not-approve', 'withdraw']);
    const approved = await act(created.id, 'approve-as-company', company, { method: 'nemid-employee-signature' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'active', statusLabel: 'Aktiv', approvedByCompanyAt: expect.any(String) });
    await t.settle();
    const tasks = await t.http.get('/api/search/grants?status=awaiting-company').set('Authorization', company).expect(200);
    expect(tasks.body.items.map((i: { id: string }) => i.id)).not.toContain(created.id);
  });

  it("records the company's refusal as 'Afvist', and refuses MitID Erhverv while its flag is off (R37)", async () => {
    const { body: created } = await create(body(await parentGrant('mentor'))).expect(201);
    await act(created.id, 'send-for-company-approval', caseworker).expect(200);
    expect((await act(created.id, 'approve-as-company', company, { method: 'mitid-business' }).expect(422)).body).toMatchObject({ rule: 'R37', field: 'method' });
    const refused = await act(created.id, 'not-approve', company, { reason: 'Ikke behov længere' }).expect(200);
    expect(refused.body).toMatchObject({ status: 'not-approved', statusLabel: 'Afvist', ended: { by: 'company', reason: 'Ikke behov længere' } });
  });

  it('refuses: unknown parent (404 naming parentGrantId), another job centre (403), the company (403), a wrong status (409), R27 (422)', async () => {
    const unknown = await create(body(uuidv7())).expect(404);
    expect(unknown.body).toMatchObject({ status: 404, field: 'parentGrantId' });
    const parent = await parentGrant('company-placement');
    const elsewhere = await create(body(parent), `Bearer ${await t.token('jobcentre', OTHER_JOBCENTRE)}`).expect(403);
    expect(elsewhere.body).toMatchObject({ rule: 'authorization', field: 'parentGrantId' });
    expect(elsewhere.body.detail).toMatch(/parent grant's job centre/);
    expect((await create(body(parent), company).expect(403)).body.rule).toBe('authorization');
    const tooLong = await create(body(parent, { remarks: 'x'.repeat(2001) })).expect(422);
    expect(tooLong.body).toMatchObject({ rule: 'R27', field: 'remarks' });

    const { body: created } = await create(body(parent)).expect(201);
    expect((await act(created.id, 'send-for-company-approval', company).expect(403)).body.rule).toBe('authorization');
    expect((await act(created.id, 'approve-as-company', company).expect(409)).body).toMatchObject({ rule: 'supplementary-grant-lifecycle', field: 'status' });
    await act(created.id, 'send-for-company-approval', caseworker).expect(200);
    await act(created.id, 'approve-as-company', `Bearer ${await t.token('company', OTHER_CVR)}`).expect(403);
  });

  it("R3 R33 follows the parent's transfers: the new job centre drafts on it, the old one may not", async () => {
    const parent = await parentGrant('public-benefit-work');
    await t.http.post(`/api/grants/${parent}/transfer`).set('Authorization', caseworker).send({ toJobcentre: OTHER_JOBCENTRE }).expect(200);
    await create(body(parent)).expect(403);
    const created = await create(body(parent), `Bearer ${await t.token('jobcentre', OTHER_JOBCENTRE)}`).expect(201);
    expect(created.body).toMatchObject({ jobcentre: OTHER_JOBCENTRE, schemeLabel: 'Nytteindsats' });
  });

  it("D7 leaves 'Lukket bevilling (ej brugt)' out of the list's items, totalCount and filter values, yet keeps the case", async () => {
    await t.settle();
    // 'Bevillinger' lists grants and supplementary grants together (R16): count the supplementary ones.
    const supplementary = async () => {
      const res = await t.http.get('/api/search/grants?pageSize=200').set('Authorization', caseworker).expect(200);
      expect(res.body.totalCount).toBeLessThanOrEqual(200);
      return (res.body.items as { id: string; caseType: string; status: string }[]).filter((i) => i.caseType === 'supplementary-grant');
    };
    const before = (await supplementary()).length;
    const parent = await parentGrant('assistive-aid');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await create(body(parent)).expect(201)).body.id);
    await act(ids[1], 'send-for-company-approval', caseworker).expect(200);
    const closed = await act(ids[0], 'close-unused', caseworker).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed-unused', statusLabel: 'Lukket bevilling (ej brugt)', allowedActions: ['transfer', 'set-responsible'] });
    expect((await act(ids[1], 'close-unused', caseworker).expect(200)).body.status).toBe('closed-unused');
    await t.settle();

    const items = await supplementary();
    expect(items).toHaveLength(before + 1);
    const listed = items.map((i) => i.id);
    expect(listed).toContain(ids[2]);
    expect(listed).not.toContain(ids[0]);
    expect(listed).not.toContain(ids[1]);
    expect(items.map((i) => i.status)).not.toContain('closed-unused');
    const filter = await t.http.get('/api/search/grants?status=closed-unused').set('Authorization', caseworker).expect(400);
    expect(filter.body).toMatchObject({ field: 'status' });

    const kept = await t.http.get(`/api/supplementary-grants/${ids[0]}`).set('Authorization', caseworker).expect(200);
    expect(kept.body).toMatchObject({ status: 'closed-unused', statusLabel: 'Lukket bevilling (ej brugt)' });
  });
});
