/**
 * What an Anden Aktør sees in the search lists, driven by DFDG's assignments through the real
 * import (POST /api/dfdg/assignments): its citizens' cases, CPR and name only while assigned
 * (R12, D8), CPR and name filters only on assigned citizens (R13), and the 'AA' marking on VP,
 * LT and VL grants (R47, D17). Visibility follows the assignment history.
 */
import { CPR, JOBCENTRE } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { Actors, actorsOf, draftGrant } from './grants.e2e-support';

const OTHER_CPR = '0202021234';

describe('search lists for an Anden Aktør (R12, R13, R47, D8, D17)', () => {
  let t: TestApp;
  let a: Actors;
  let dfdg: string;
  let aa1: string;
  let aa2: string;
  const ids: Record<string, string> = {};
  const grants = (who: string, query = '') => t.http.get(`/api/search/grants${query}`).set('Authorization', who).expect(200);
  const assign = async (cpr: string, aaId: string | null, effectiveAt: string) => {
    await t.http.post('/api/dfdg/assignments').set('Authorization', dfdg).send({ records: [{ cpr, aaId, effectiveAt }] }).expect(200);
    await t.settle();
  };

  beforeAll(async () => {
    t = await createTestApp();
    a = await actorsOf(t);
    dfdg = `Bearer ${await t.token('case-system', JOBCENTRE)}`;
    aa1 = `Bearer ${await t.token('anden-aktoer', 'aa-1')}`;
    aa2 = `Bearer ${await t.token('anden-aktoer', 'aa-2')}`;
    await t.http.put('/api/reference-data/citizens').set('Authorization', a.caseworker).send([{ cpr: OTHER_CPR, firstName: 'Karen', lastName: 'Østergård' }]).expect(200);
    ids.wage = (await draftGrant(t, a.caseworker, { scheme: 'wage-subsidy' })).id;
    ids.mentor = (await draftGrant(t, a.caseworker, { scheme: 'mentor', hoursPerWeek: undefined })).id;
    ids.other = (await draftGrant(t, a.caseworker, { scheme: 'company-placement', citizen: { cpr: OTHER_CPR } })).id;
    await assign(CPR, 'aa-1', '2026-03-01T08:00:00Z');
  });
  afterAll(() => t.close());

  it("R12 D8 an AA sees its assigned citizen's cases with CPR and name; no other citizen's; another AA none", async () => {
    const res = await grants(aa1, '?sort=scheme');
    expect(res.body.totalCount).toBe(2);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: ids.wage, cpr: CPR, name: 'Søren Ærø', assignedToMe: true, approvedDate: null, supplementaryGrantType: null }),
        expect.objectContaining({ id: ids.mentor, cpr: CPR, name: 'Søren Ærø', assignedToMe: true }),
      ]),
    );
    expect(res.body.items[0]).not.toHaveProperty('masked');
    expect(res.text).not.toContain(OTHER_CPR);
    expect(res.text).not.toContain('Karen');
    expect((await grants(aa2)).body.totalCount).toBe(0);
  });

  it('R32 an assigned AA opens the cases its list links to; another AA may not', async () => {
    const { items } = (await grants(aa1)).body as { items: { links: { self: string } }[] };
    for (const item of items) expect((await t.http.get(item.links.self).set('Authorization', aa1).expect(200)).body.citizen).toEqual({ cpr: CPR });
    await t.http.get(items[0].links.self).set('Authorization', aa2).expect(403);
  });

  it("R47 D17 the AA's LT grant of an assigned citizen carries the 'AA' marking; its mentor grant does not; no other role gets the key", async () => {
    const items = (await grants(aa1)).body.items as { id: string; aaMarking: boolean }[];
    expect(Object.fromEntries(items.map((i) => [i.id, i.aaMarking]))).toEqual({ [ids.wage]: true, [ids.mentor]: false });
    expect((await grants(a.caseworker)).text).not.toContain('aaMarking');
  });

  it('R13 a CPR or name filter of an AA finds an assigned citizen, never another, even on the exact CPR number', async () => {
    expect((await grants(aa1, `?cpr=${CPR}`)).body.totalCount).toBe(2);
    expect((await grants(aa1, `?name=${encodeURIComponent('søren')}`)).body.totalCount).toBe(2);
    expect((await grants(aa1, `?cpr=${OTHER_CPR}`)).body.totalCount).toBe(0);
    expect((await grants(aa2, `?cpr=${CPR}`)).body.totalCount).toBe(0);
  });

  it('R12 R13 once the citizen moves to another AA, the first keeps the rows but CPR and name are masked, out of the payload, the filters and the sort', async () => {
    await assign(CPR, 'aa-2', '2026-06-01T08:00:00Z');
    const masked = await grants(aa1, '?sort=cpr');
    expect(masked.body.totalCount).toBe(2);
    for (const item of masked.body.items) {
      expect(item).toMatchObject({ cpr: null, name: null, assignedToMe: false, aaMarking: false, masked: { cpr: 'Er ikke udlagt til Anden Aktør', name: 'Persondata er fjernet' } });
    }
    expect(masked.text).not.toContain(CPR);
    expect(masked.text).not.toContain('Søren');
    // Masked rows sort as empty values: the order is the case id's, whatever the real CPR or name.
    for (const sort of ['cpr', 'name']) {
      for (const order of ['asc', 'desc']) {
        const items = (await grants(aa1, `?sort=${sort}&order=${order}`)).body.items as { id: string }[];
        const byId = [ids.wage, ids.mentor].sort();
        expect(items.map((i) => i.id)).toEqual(order === 'asc' ? byId : byId.reverse());
      }
    }
    expect((await grants(aa1, `?cpr=${CPR}`)).body.totalCount).toBe(0);
    expect((await grants(aa1, '?name=Ærø')).body.totalCount).toBe(0);
    // Its list still links the case, but the case's view holds the CPR: no longer assigned, it may not open it.
    await t.http.get(masked.body.items[0].links.self).set('Authorization', aa1).expect(403);
    await t.http.get(masked.body.items[0].links.self).set('Authorization', aa2).expect(200);
    const now = (await grants(aa2, `?cpr=${CPR}`)).body;
    expect(now.totalCount).toBe(2);
    for (const item of now.items) expect(item).toMatchObject({ cpr: CPR, name: 'Søren Ærø', assignedToMe: true });
  });
});
