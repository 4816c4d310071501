/**
 * The lists of issue 5 beyond 'Bevillinger' and the 'Søg' tabs: 'Ansøgninger', 'Tilbud' (R15, R25),
 * 'Forlængelser' (R26, D19), 'Ophør', the name filter, the bubbles (R23–R25) and bulk 'Sæt ansvarlig'
 * (R55, R7), all on `search_cases` through GET /api/search/{list}.
 */
import { randomUUID } from 'node:crypto';
import { grantStreamId } from '../../src/cases/grants/grant.events';
import { EVENT_STORE, EventStore } from '../../src/platform/event-store/event-store.port';
import { addCalendarMonths, danishDate } from '../../src/platform/clock/dates';
import { CPR, CVR, JOBCENTRE, P_NUMBER, draftBody } from '../support/fixtures';
import { newEvent } from '../support/projection-spec';
import { createTestApp, TestApp } from '../support/test-app';
import { Actors, act, activeOffer, actorsOf, approvedGrant, draftGrant } from './grants.e2e-support';

interface Item { id: string; caseType: string; status: string; [k: string]: unknown }
type Page = { totalCount: number; items: Item[] };

/** A personal-assistant grant, active, whose grant date lies `monthsAgo` calendar months back (recorded through the grant's event contract). */
async function activePaGrant(t: TestApp, monthsAgo: number): Promise<string> {
  const grantId = randomUUID();
  const streamId = grantStreamId(grantId);
  const sentAt = new Date(`${addCalendarMonths(danishDate(new Date()), -monthsAgo)}T10:00:00.000Z`).toISOString();
  const caseworker = { role: 'jobcentre', userId: 'cw-1', org: JOBCENTRE } as const;
  const events = [
    newEvent({ streamId, principal: caseworker, type: 'GrantDrafted', data: {
      grantId, scheme: 'personal-assistant', jobcentre: JOBCENTRE, company: { cvr: CVR, pNumber: P_NUMBER }, citizen: { cpr: CPR }, applicationId: null, offerId: null,
      period: { start: '2025-01-01', end: '2035-12-31' }, hoursPerWeek: null, jobContent: null, freeTextLimitApplies: true, createdAt: sentAt,
    } }),
    newEvent({ streamId, principal: caseworker, type: 'GrantSentForCompanyApproval', data: { grantId, sentAt } }),
    newEvent({ streamId, principal: caseworker, type: 'GrantApprovedByCompany', data: { grantId, method: 'nemid-employee-signature', approvedAt: sentAt, approvedBy: 'company-user-1' } }),
    newEvent({ streamId, principal: caseworker, type: 'GrantApprovedByCitizen', data: { grantId, method: 'mitid', approvedAt: sentAt, approvedBy: 'citizen-1' } }),
  ];
  await t.app.get<EventStore>(EVENT_STORE).append(streamId, events, 'no_stream');
  return grantId;
}

describe('search lists, bubbles and bulk Sæt ansvarlig (issue 5)', () => {
  let t: TestApp;
  let a: Actors;
  const ids: Record<string, string> = {};
  const get = async (who: string, path: string): Promise<Page> => (await t.http.get(path).set('Authorization', who).expect(200)).body;
  const idsOf = (page: Page) => page.items.map((i) => i.id);

  beforeAll(async () => {
    t = await createTestApp({ BULK_SET_RESPONSIBLE_LIMIT: '4' });
    a = await actorsOf(t);
    for (const key of ['draft1', 'draft2', 'draft3']) {
      ids[key] = (await t.http.post('/api/applications').set('Authorization', a.caseworker).send(draftBody()).expect(201)).body.id;
    }
    ids.offerRunning = randomUUID();
    ids.offerCeased = randomUUID();
    for (const offerId of [ids.offerRunning, ids.offerCeased]) await activeOffer(t, offerId, { scheme: 'flex-job', onNationalList: false, jobcentre: JOBCENTRE });
    const fleksjob = { scheme: 'flex-job', fleksjob: { permanent: false, employedInOwnCompany: false } };
    ids.grantRunning = (await approvedGrant(t, a, { ...fleksjob, offerId: ids.offerRunning })).id;
    ids.grantCeased = (await approvedGrant(t, a, { ...fleksjob, offerId: ids.offerCeased })).id;
    await act(t, ids.grantCeased, 'terminate', a.caseworker, { reasonId: 2, effectiveDate: '2030-03-31' }).expect(200);
    ids.awaiting = (await draftGrant(t, a.caseworker)).id;
    await act(t, ids.awaiting, 'send-for-approval', a.caseworker).expect(200);
    ids.paDue = await activePaGrant(t, 11);
    ids.paNotYet = await activePaGrant(t, 9);
    await t.settle();
  });
  afterAll(() => t.close());

  it("R1 R32 'Ansøgninger' pages with the exact total and a link per case; paging returns each case once", async () => {
    const all = await get(a.caseworker, '/api/search/applications');
    expect(all.totalCount).toBe(3);
    expect(all.items.every((i) => i.links && (i.links as { self: string }).self === `/api/applications/${i.id}`)).toBe(true);
    const pages = [await get(a.caseworker, '/api/search/applications?pageSize=2&page=1'), await get(a.caseworker, '/api/search/applications?pageSize=2&page=2')];
    expect(pages.map((p) => p.totalCount)).toEqual([3, 3]);
    expect(pages.flatMap(idsOf)).toEqual(idsOf(all));
    expect(new Set(pages.flatMap(idsOf)).size).toBe(3);
  });

  it('D10 the per-type collections are gone: every list is a search list', async () => {
    for (const type of ['applications', 'offers', 'grants', 'supplementary-grants', 'igu-agreements']) {
      expect((await t.http.get(`/api/${type}`).set('Authorization', a.caseworker)).status).toBe(404);
      await t.http.get(`/api/search/${type === 'supplementary-grants' ? 'grants' : type}`).set('Authorization', a.caseworker).expect(200);
    }
  });

  it("R10 a company's 'Ansøgninger' has no approvedDate key and may not sort by it; the job centre's has", async () => {
    const company = await t.http.get('/api/search/applications').set('Authorization', a.company).expect(200);
    expect(company.text).not.toContain('approvedDate');
    expect(company.body.items[0]).toMatchObject({ name: 'Søren Ærø', cpr: CPR, status: 'draft', statusLabel: 'Kladde' });
    const refused = await t.http.get('/api/search/applications?sort=approvedDate').set('Authorization', a.company).expect(400);
    expect(refused.body).toMatchObject({ field: 'sort', rule: 'R10' });
    expect((await get(a.caseworker, '/api/search/applications?sort=approvedDate&order=desc')).items[0]).toHaveProperty('approvedDate', null);
  });

  it("'Navn' filters on part of the citizen's name, any case, Danish letters included", async () => {
    for (const name of ['søren', 'ÆRØ', 'en Æ']) expect((await get(a.caseworker, `/api/search/applications?name=${encodeURIComponent(name)}`)).totalCount).toBe(3);
    expect((await get(a.caseworker, '/api/search/applications?name=Hansen')).totalCount).toBe(0);
    expect((await get(a.caseworker, `/api/search/applications?name=${encodeURIComponent('%')}`)).totalCount).toBe(0); // a wildcard is a letter
  });

  it('a filter a list does not have, or a status of another list, is a 400 naming the field', async () => {
    expect((await t.http.get('/api/search/applications?supplementaryGrantType=mentor').set('Authorization', a.caseworker).expect(400)).body).toMatchObject({ field: 'supplementaryGrantType', rule: 'not-a-filter' });
    expect((await t.http.get('/api/search/applications?status=active').set('Authorization', a.caseworker).expect(400)).body).toMatchObject({ field: 'status', rule: 'isIn' });
    expect((await t.http.get('/api/search/no-such-list').set('Authorization', a.caseworker).expect(404)).body.status).toBe(404);
  });

  it("R14 D9 R15 R25 'Tilbud' on the search read model: an offer shows its grant's date; one whose grant ceased is found by ceased=true and never counts in the offer bubble", async () => {
    const offers = await get(a.caseworker, '/api/search/offers');
    expect(offers.totalCount).toBe(2);
    const ceased = offers.items.find((i) => i.id === ids.offerCeased)!;
    expect(ceased).toMatchObject({ scheme: 'flex-job', status: 'active', ceasedDate: '2030-03-31', cancelledByCompany: null, approvedDate: danishDate(new Date()) });
    expect(idsOf(await get(a.caseworker, '/api/search/offers?ceased=true'))).toEqual([ids.offerCeased]);
    expect(idsOf(await get(a.caseworker, '/api/search/offers?ceased=false'))).toEqual([ids.offerRunning]);
    const bubble = (await t.http.get('/api/bubbles').set('Authorization', a.caseworker).expect(200)).body.bubbles.find((b: { id: string }) => b.id === 'offers');
    expect(bubble).toMatchObject({ count: 1, links: { list: '/api/search/offers?status=active&ceased=false' } });
  });

  it("R26 D19 'Forlængelser' lists a PA grant from 10 calendar months after its grant date, until it is reviewed", async () => {
    const due = await get(a.caseworker, '/api/search/extensions');
    expect(idsOf(due)).toEqual([ids.paDue]);
    expect(due.items[0]).toMatchObject({ scheme: 'personal-assistant', status: 'active', reviewDueDate: addCalendarMonths(addCalendarMonths(danishDate(new Date()), -11), 10) });
    expect((await t.http.get('/api/search/extensions').set('Authorization', a.company).expect(403)).body.status).toBe(403);
    await act(t, ids.paDue, 'review', a.caseworker, { remarks: 'Behovet består' }).expect(200);
    await t.settle();
    expect((await get(a.caseworker, '/api/search/extensions')).totalCount).toBe(0);
  });

  it("'Ophør' lists the ceased grants with date and reason", async () => {
    const ceased = await get(a.caseworker, '/api/search/cessations');
    expect(ceased.items).toEqual([expect.objectContaining({ id: ids.grantCeased, status: 'terminated', statusLabel: 'Ophørt', ceasedDate: '2030-03-31', cessationReason: 'Den ansatte er ophørt før tid' })]);
    expect((await get(a.caseworker, '/api/search/cessations?status=closed')).totalCount).toBe(0);
  });

  it("R23 R24 every bubble of every role equals its list's totalCount", async () => {
    const auditor = `Bearer ${await t.token('auditor', 'x')}`;
    for (const who of [a.caseworker, a.company, a.citizen, auditor]) {
      const { bubbles } = (await t.http.get('/api/bubbles').set('Authorization', who).expect(200)).body as { bubbles: { id: string; count: number; links: { list: string } }[] };
      expect(bubbles.length).toBeGreaterThan(0);
      for (const b of bubbles) expect([b.id, (await get(who, b.links.list)).totalCount]).toEqual([b.id, b.count]);
    }
    const company = (await t.http.get('/api/bubbles').set('Authorization', a.company).expect(200)).body.bubbles;
    expect(company.find((b: { id: string }) => b.id === 'drafts')).toMatchObject({ count: 3, label: 'Kladder' });
    expect(company.find((b: { id: string }) => b.id === 'grants-awaiting-company').count).toBe(1);
  });

  it("R55 R7 bulk 'Sæt ansvarlig' on selected results reports each case; an id outside the results is never touched", async () => {
    const foreign = randomUUID();
    const res = await t.http.post('/api/search/grants/set-responsible').set('Authorization', a.caseworker).send({ caseworkerId: 'cw-bulk', caseIds: [ids.awaiting, ids.grantRunning, foreign] }).expect(200);
    expect(res.body).toMatchObject({ caseworkerId: 'cw-bulk', total: 3, assigned: 2, refused: 0, notInResults: 1 });
    expect(res.body.results).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: ids.awaiting, caseType: 'grant', outcome: 'assigned' }),
      { id: foreign, caseType: null, outcome: 'not-in-results' },
    ]));
    await t.settle();
    expect(idsOf(await get(a.caseworker, '/api/search/grants?responsibleCaseworker=cw-bulk')).sort()).toEqual([ids.awaiting, ids.grantRunning].sort());
  });

  it("R55 bulk 'Sæt ansvarlig' on all results of a query: one command per case; above the limit nothing changes (422); other roles 403", async () => {
    const all = await t.http.post('/api/search/applications/set-responsible?status=draft').set('Authorization', a.caseworker).send({ caseworkerId: 'cw-all' }).expect(200);
    expect(all.body).toMatchObject({ total: 3, assigned: 3 });
    await t.settle();
    expect((await get(a.caseworker, '/api/search/applications?responsibleCaseworker=cw-all')).totalCount).toBe(3);
    const tooMany = await t.http.post('/api/search/grants/set-responsible').set('Authorization', a.caseworker).send({ caseworkerId: 'cw-none' }).expect(422);
    expect(tooMany.body).toMatchObject({ rule: 'bulk-limit', totalCount: 5, limit: 4 });
    await t.settle();
    expect((await get(a.caseworker, '/api/search/grants?responsibleCaseworker=cw-none')).totalCount).toBe(0);
    await t.http.post('/api/search/applications/set-responsible').set('Authorization', a.company).send({ caseworkerId: 'cw-x' }).expect(403);
    expect((await t.http.post('/api/search/applications/set-responsible').set('Authorization', a.caseworker).send({ caseworkerId: '' }).expect(400)).body.field).toBe('caseworkerId');
  });
});
