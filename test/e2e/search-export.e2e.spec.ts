/**
 * Excel export of every search list (issue 6): GET /api/search/{list}/export below the threshold
 * streams the .xlsx back. Read back with exceljs, each list's file holds exactly the list's rows in
 * its order and the role's visible columns (R19, R22, R10); 'Bevillinger' has two sheets (R21);
 * the sheet format (real dates, CPR as text, frozen header with a filter, widths). D11.
 */
import { randomUUID } from 'node:crypto';
import { SEARCH_COLUMNS } from '../../projections/search/engine/search-columns';
import { SEARCH_LISTS, searchListById } from '../../projections/search/engine/search-lists';
import { excelDanishTime, excelDate } from '../../projections/search/export/export-cells';
import { grantStreamId } from '../../src/cases/grants/grant.events';
import { Role } from '../../src/platform/auth/principal';
import { addCalendarMonths, danishDate } from '../../src/platform/clock/dates';
import { EVENT_STORE, EventStore } from '../../src/platform/event-store/event-store.port';
import { CPR, CVR, JOBCENTRE, OTHER_CVR, OTHER_P_NUMBER, P_NUMBER, draftBody } from '../support/fixtures';
import { newEvent } from '../support/projection-spec';
import { createTestApp, TestApp } from '../support/test-app';
import { Actors, act, activeOffer, actorsOf, approvedGrant, draftGrant } from './grants.e2e-support';
import { XLSX, expectedHeaders, exportNow, getBinary, idsOf, listItems } from './search-export.e2e-support';

/** An active personal-assistant grant whose grant date lies `monthsAgo` months back: due in 'Forlængelser' from 10 months (R26, D19). */
async function activePaGrant(t: TestApp, monthsAgo: number): Promise<string> {
  const grantId = randomUUID();
  const streamId = grantStreamId(grantId);
  const at = new Date(`${addCalendarMonths(danishDate(new Date()), -monthsAgo)}T10:00:00.000Z`).toISOString();
  const caseworker = { role: 'jobcentre', userId: 'cw-1', org: JOBCENTRE } as const;
  await t.app.get<EventStore>(EVENT_STORE).append(streamId, [
    newEvent({ streamId, principal: caseworker, type: 'GrantDrafted', data: {
      grantId, scheme: 'personal-assistant', jobcentre: JOBCENTRE, company: { cvr: CVR, pNumber: P_NUMBER }, citizen: { cpr: CPR }, applicationId: null, offerId: null,
      period: { start: '2025-01-01', end: '2035-12-31' }, hoursPerWeek: null, jobContent: null, freeTextLimitApplies: true, createdAt: at,
    } }),
    newEvent({ streamId, principal: caseworker, type: 'GrantSentForCompanyApproval', data: { grantId, sentAt: at } }),
    newEvent({ streamId, principal: caseworker, type: 'GrantApprovedByCompany', data: { grantId, method: 'nemid-employee-signature', approvedAt: at, approvedBy: 'company-user-1' } }),
    newEvent({ streamId, principal: caseworker, type: 'GrantApprovedByCitizen', data: { grantId, method: 'mitid', approvedAt: at, approvedBy: 'citizen-1' } }),
  ], 'no_stream');
  return grantId;
}

describe('Excel export of the search lists, streamed (issue 6)', () => {
  let t: TestApp;
  let a: Actors;
  const who: Partial<Record<Role, string>> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    a = await actorsOf(t);
    const bearer = async (role: Role, org: string) => `Bearer ${await t.token(role, org)}`;
    Object.assign(who, { jobcentre: a.caseworker, company: a.company, citizen: a.citizen, auditor: await bearer('auditor', 'x'), 'anden-aktoer': await bearer('anden-aktoer', 'aa-1') });
    const post = async (path: string, body: object, by = a.caseworker) => (await t.http.post(path).set('Authorization', by).send(body).expect((r) => expect([200, 201]).toContain(r.status))).body;
    await post('/api/dfdg/assignments', { records: [{ cpr: CPR, aaId: 'aa-1', effectiveAt: '2026-03-01T08:00:00Z' }] }, `Bearer ${await t.token('case-system', JOBCENTRE)}`);

    ids.draft = (await post('/api/applications', draftBody())).id;
    ids.approvedApplication = (await post('/api/applications', draftBody({ scheme: 'flex-job' }))).id;
    await post(`/api/applications/${ids.approvedApplication}/sign-as-company`, {}, a.company);
    await post(`/api/applications/${ids.approvedApplication}/approve`, {});
    ids.offer = randomUUID();
    await activeOffer(t, ids.offer, { scheme: 'flex-job', onNationalList: false, jobcentre: JOBCENTRE });
    ids.wage = (await approvedGrant(t, a, { hoursPerWeek: 30 })).id;
    ids.ceased = (await approvedGrant(t, a, { scheme: 'flex-job', fleksjob: { permanent: false, employedInOwnCompany: false }, offerId: ids.offer })).id;
    await act(t, ids.ceased, 'terminate', a.caseworker, { reasonId: 2, effectiveDate: '2030-03-31' }).expect(200);
    ids.benefit = (await draftGrant(t, a.caseworker, { scheme: 'public-benefit-work', hoursPerWeek: 20 })).id;
    ids.other = (await draftGrant(t, a.caseworker, { hoursPerWeek: 25, company: { cvr: OTHER_CVR, pNumber: OTHER_P_NUMBER } })).id;
    ids.mentorOnWage = (await post('/api/supplementary-grants', { parentGrantId: ids.wage, type: 'mentor', justification: 'Behov' })).id;
    ids.aidsOnBenefit = (await post('/api/supplementary-grants', { parentGrantId: ids.benefit, type: 'assistive-aids', justification: 'Behov' })).id;
    ids.pa = await activePaGrant(t, 11);
    ids.igu = (await post('/api/igu-agreements', { company: { cvr: CVR, pNumber: P_NUMBER }, citizen: { cpr: CPR } })).id;
    await post(`/api/igu-agreements/${ids.igu}/send-to-citizen`, {});
    await t.settle();
  });
  afterAll(() => t.close());

  const cases = SEARCH_LISTS.flatMap((list) => list.roles.map((role) => [list.id, role] as const));

  it.each(cases)("R19 R22 '%s' for a %s: the list's rows in its order, the role's visible columns", async (listId, role) => {
    const list = searchListById(listId)!;
    const sheets = await exportNow(t, listId, who[role]!);
    const items = await listItems(t, listId, who[role]!);
    const expected = list.sheets ?? [{ title: list.title, caseTypes: list.caseTypes }];
    expect(sheets.map((s) => s.name)).toEqual(expected.map((s) => s.title));
    sheets.forEach((sheet, i) => {
      expect(sheet.headers).toEqual(expectedHeaders(list, role));
      expect(idsOf(sheet)).toEqual(items.filter((item) => expected[i].caseTypes.includes(item.caseType as never)).map((item) => item.id));
    });
    expect(sheets.reduce((n, s) => n + s.rows.length, 0)).toBe(items.length);
    if (role === 'jobcentre') expect(items.length).toBeGreaterThan(0); // every list has rows here: the comparison is not of two empty lists
  });

  it("R21 'Bevillinger' has two sheets: 'Bevillinger' with the grants, 'Tillægsbevillinger' with the supplementary grants", async () => {
    const [grants, supplementary] = await exportNow(t, 'grants', a.caseworker);
    expect(grants.name).toBe('Bevillinger');
    expect(new Set(grants.rows.map((r) => r.Sagstype))).toEqual(new Set(['Bevilling']));
    expect(idsOf(grants).sort()).toEqual([ids.wage, ids.ceased, ids.benefit, ids.other, ids.pa].sort());
    expect(supplementary.name).toBe('Tillægsbevillinger');
    expect(new Set(supplementary.rows.map((r) => r.Sagstype))).toEqual(new Set(['Tillægsbevilling']));
    expect(idsOf(supplementary).sort()).toEqual([ids.mentorOnWage, ids.aidsOnBenefit].sort());
  });

  it("R10 R22 a company's file has no 'Godkendt dato' column in any list, the job centre's has", async () => {
    for (const list of SEARCH_LISTS.filter((l) => l.roles.includes('company'))) {
      for (const sheet of await exportNow(t, list.id, a.company)) expect(sheet.headers).not.toContain('Godkendt dato');
    }
    expect((await exportNow(t, 'grants', a.caseworker))[0].headers).toContain('Godkendt dato');
  });

  it('the cells hold what the list shows: CPR as text with its leading zero, real dates, Danish time, numbers, Danish labels', async () => {
    const items = await listItems(t, 'grants', a.caseworker);
    const [grants] = await exportNow(t, 'grants', a.caseworker);
    const wage = items.find((i) => i.id === ids.wage)!;
    const row = grants.rows.find((r) => r['Sags-id'] === ids.wage)!;
    expect(CPR.startsWith('0')).toBe(true);
    expect(row).toMatchObject({ Sagstype: 'Bevilling', Ordning: 'Løntilskud', Status: 'Aktiv', Jobcenter: JOBCENTRE, 'CVR-nr.': CVR, 'P-nr.': P_NUMBER, CPR, Navn: 'Søren Ærø', Timetal: 30, 'Tillægsbevilling': null });
    const period = wage.period as { start: string; end: string };
    expect(row.Startdato).toEqual(excelDate(period.start));
    expect(row.Slutdato).toEqual(excelDate(period.end));
    expect(row['Godkendt dato']).toEqual(excelDate(String(wage.approvedDate)));
    expect(row.Oprettet).toEqual(excelDanishTime(String(wage.createdAt)));
    const sheet = grants.sheet;
    const cell = (header: string) => sheet.getRow(grants.rows.indexOf(row) + 2).getCell(grants.headers.indexOf(header) + 1);
    expect(cell('CPR').type).toBe(3); // ValueType.String: the leading zero stays
    expect(cell('Startdato').numFmt).toBe('dd-mm-yyyy');
    expect(cell('Oprettet').numFmt).toBe('dd-mm-yyyy hh:mm');
    expect(cell('Timetal').type).toBe(2); // ValueType.Number
  });

  it('the sheet: bold header row, frozen below the header, an auto-filter over header and rows, column widths from the columns', async () => {
    const [grants] = await exportNow(t, 'grants', a.caseworker);
    const { sheet, headers, rows } = grants;
    expect(headers.every((_, i) => sheet.getRow(1).getCell(i + 1).font?.bold)).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const lastColumn = sheet.getColumn(headers.length).letter;
    expect(sheet.autoFilter).toBe(`A1:${lastColumn}${rows.length + 1}`);
    expect(sheet.getColumn(headers.indexOf('Sags-id') + 1).width).toBe(SEARCH_COLUMNS.id.cells[0].width);
    expect(sheet.getColumn(headers.indexOf('Startdato') + 1).width).toBe(SEARCH_COLUMNS.periodStart.cells[0].width);
  });

  it('D11 the file streams back with its type and a name from the list title and the date', async () => {
    const res = await getBinary(t, '/api/search/cessations/export', a.caseworker).expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const today = danishDate(new Date());
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Ophoer ${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(`Ophør ${today}.xlsx`)}`);
  });

  it("R19 the export takes the list's filters and sort: the same rows in the same order; page and pageSize are ignored", async () => {
    const query = '?scheme=wage-subsidy,public-benefit-work&sort=hoursPerWeek&order=desc';
    const items = await listItems(t, 'grants', a.caseworker, query);
    const [grants, supplementary] = await exportNow(t, 'grants', a.caseworker, `${query}&page=2&pageSize=1`);
    expect(idsOf(grants)).toEqual(items.filter((i) => i.caseType === 'grant').map((i) => i.id));
    expect(idsOf(supplementary)).toEqual(items.filter((i) => i.caseType === 'supplementary-grant').map((i) => i.id));
    expect(idsOf(grants).length).toBeGreaterThan(1);
    const byName = await exportNow(t, 'applications-and-offers', a.caseworker, '?caseType=offer');
    expect(idsOf(byName[0])).toEqual([ids.offer]);
  });

  it("a query the list refuses is refused the same way, as problem+json naming the field and the rule; a role without the list is a 403", async () => {
    const get = (path: string, by = a.caseworker) => t.http.get(path).set('Authorization', by);
    expect((await get('/api/search/grants/export?status=closed-unused').expect(400)).body).toMatchObject({ field: 'status', rule: 'R18' });
    expect((await get('/api/search/grants/export?sort=approvedDate', a.company).expect(400)).body).toMatchObject({ field: 'sort', rule: 'R10' });
    expect((await get('/api/search/grants/export?colour=red').expect(400)).body).toMatchObject({ field: 'colour', rule: 'unknown-field' });
    expect((await get('/api/search/applications/export?supplementaryGrantType=mentor').expect(400)).body).toMatchObject({ field: 'supplementaryGrantType', rule: 'not-a-filter' });
    const forbidden = await get('/api/search/grants/export', `Bearer ${await t.token('case-system', JOBCENTRE)}`).expect(403);
    expect(forbidden.headers['content-type']).toContain('application/problem+json');
    expect((await get('/api/search/no-such-list/export').expect(404)).body.status).toBe(404);
    expect((await get('/api/search/extensions/export', a.company).expect(403)).body.status).toBe(403);
  });

  it('the export endpoints are in the OpenAPI document', async () => {
    const { paths } = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(Object.keys(paths['/api/search/{list}/export'].get.responses)).toEqual(expect.arrayContaining(['200', '202', '409']));
    expect(paths['/api/search/{list}/export'].get.responses['200'].content).toHaveProperty([XLSX]);
    expect(paths['/api/exports/{id}'].get).toBeDefined();
    expect(paths['/api/exports/{id}/file'].get).toBeDefined();
  });
});
