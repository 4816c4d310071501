/**
 * Issue 12, items 1 and 2: a case's history (`GET /api/{type}/{id}/history`) and the case as of
 * a moment (`GET /api/{type}/{id}?asOf=…` or `?revision=N`), on a grant taken through its life
 * by a caseworker and a company, read by the job centre, an auditor, a foreign job centre and
 * an AA before and after the citizen's assignment to it ends.
 */
import { mintDevToken } from '../../src/platform/auth/dev-keys';
import { Role } from '../../src/platform/auth/principal';
import { AA_MASKING } from '../../src/registries/search-display';
import { CPR, CVR, JOBCENTRE, OTHER_JOBCENTRE } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { act, grantBody } from './grants.e2e-support';
import { clockMovesOn } from '../support/wait';

/** Danish time with its offset, whole seconds: +01:00 in winter, +02:00 in summer. */
const DANISH_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/;

interface Entry {
  revision: number;
  type: string;
  label: string;
  danishTime: string;
  occurredAt: string;
  recordedAt: string;
  actor: { role: string; roleLabel: string; organisation: string; userId: string; name: string | null };
  fields: { field: string; label: string; value: unknown }[];
  correlationId: string;
  causationId: string;
  hash: null;
}

describe('issue 12: case history and the case as of a moment', () => {
  let t: TestApp;
  let grantId: string;
  let history: Entry[];
  const bearer = async (role: Role, org: string, sub?: string, name?: string) => `Bearer ${await mintDevToken(t.config.dataDir, { role, org, sub: sub ?? `${role}-${org}`, name })}`;
  const tokens: Record<string, string> = {};
  const getHistory = (id: string, who: string, query = '') => t.http.get(`/api/grants/${id}/history${query}`).set('Authorization', who);

  beforeAll(async () => {
    t = await createTestApp();
    tokens.caseworker = await bearer('jobcentre', JOBCENTRE, 'cw-anne', 'Anne Holm');
    tokens.company = await bearer('company', CVR, 'company-signer-1', 'Bo Østergaard');
    tokens.foreign = await bearer('jobcentre', OTHER_JOBCENTRE);
    tokens.auditor = await bearer('auditor', 'rigsrevisionen');
    tokens.aa = await bearer('anden-aktoer', 'aa-1');
    tokens.otherAa = await bearer('anden-aktoer', 'aa-2');
    tokens.caseSystem = await bearer('case-system', JOBCENTRE);

    // Each step recorded in a later millisecond than the one before, so an instant between two of them exists.
    const created = await t.http.post('/api/grants').set('Authorization', tokens.caseworker).set('X-Correlation-Id', 'draft-1').send(grantBody()).expect(201);
    grantId = created.body.id;
    await clockMovesOn();
    await act(t, grantId, 'send-for-approval', tokens.caseworker).expect(200);
    await clockMovesOn();
    await act(t, grantId, 'approve-as-company', tokens.company, { method: 'nemid-employee-signature' }).expect(200);
    await clockMovesOn();
    await act(t, grantId, 'extend', tokens.caseworker, { newEndDate: '2030-12-31', jobContent: 'Lager og forsendelse' }).expect(200);
    await clockMovesOn();
    await act(t, grantId, 'review', tokens.caseworker, { remarks: 'Forløbet går godt' }).expect(200);
    await clockMovesOn();
    await act(t, grantId, 'terminate', tokens.caseworker, { reasonId: 2, subReasonId: 10, effectiveDate: '2030-09-30' }).expect(200);
    history = (await getHistory(grantId, tokens.caseworker).expect(200)).body.items;
  });
  afterAll(() => t.close());

  describe('GET /api/grants/{id}/history', () => {
    it('lists every event oldest first with its Danish label, actor, Danish time, fields, ids and a reserved hash', async () => {
      const res = await getHistory(grantId, tokens.caseworker).expect(200);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.links).toEqual({ self: `/api/grants/${grantId}/history?limit=100`, next: null, case: `/api/grants/${grantId}` });
      expect(history.map((e) => [e.revision, e.type, e.label])).toEqual([
        [0, 'GrantDrafted', 'Bevilling udarbejdet'],
        [1, 'GrantSentForCompanyApproval', 'Bevilling sendt til godkendelse hos virksomhed'],
        [2, 'GrantApprovedByCompany', 'Bevilling godkendt af virksomhed'],
        [3, 'GrantExtended', 'Bevilling forlænget'],
        [4, 'GrantReviewed', 'Revurdering registreret'],
        [5, 'GrantTerminated', 'Ophør registreret'],
      ]);
      const [drafted, , approved, , reviewed, terminated] = history;
      expect(drafted.actor).toEqual({ role: 'jobcentre', roleLabel: 'Jobcenter', organisation: JOBCENTRE, userId: 'cw-anne', name: 'Anne Holm' });
      expect(approved.actor).toEqual({ role: 'company', roleLabel: 'Virksomhed', organisation: CVR, userId: 'company-signer-1', name: 'Bo Østergaard' });
      expect(drafted.correlationId).toBe('draft-1');
      for (const e of history) {
        expect(e.danishTime).toMatch(DANISH_TIME);
        // The Danish time is the same instant as occurredAt, to the second.
        expect(Date.parse(e.danishTime)).toBe(Math.floor(Date.parse(e.occurredAt) / 1000) * 1000);
        expect(e.occurredAt).toMatch(/Z$/);
        expect(e.recordedAt).toMatch(/Z$/);
        expect(e.hash).toBeNull();
        expect(e.correlationId).toEqual(expect.any(String));
        expect(e.causationId).toEqual(expect.any(String));
      }
      expect(history.map((e) => e.recordedAt)).toEqual([...history.map((e) => e.recordedAt)].sort());
      expect(drafted.fields).toEqual(expect.arrayContaining([
        { field: 'citizen.cpr', label: 'Borgerens CPR-nummer', value: CPR },
        { field: 'company.cvr', label: 'CVR-nummer', value: CVR },
        { field: 'period.start', label: 'Periode fra', value: '2030-01-01' },
        { field: 'period.end', label: 'Periode til', value: '2030-06-30' },
        { field: 'scheme', label: 'Ordning', value: 'wage-subsidy' },
        { field: 'hoursPerWeek', label: 'Timetal', value: 30 },
        { field: 'jobContent', label: 'Jobindhold', value: 'Lagerarbejde' },
      ]));
      expect(reviewed.fields).toContainEqual({ field: 'remarks', label: 'Bemærkninger', value: 'Forløbet går godt' });
      expect(terminated.fields).toEqual(expect.arrayContaining([
        { field: 'reasonText', label: 'Ophørsårsag', value: 'Borgeren har opsagt sin ansættelse' },
        { field: 'effectiveDate', label: 'Ophørsdato', value: '2030-09-30' },
      ]));
    });

    it('pages with a small limit: every entry exactly once, in order, then no next cursor', async () => {
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor === null ? '?limit=4' : `?limit=4&cursor=${cursor}`;
        const page = await getHistory(grantId, tokens.caseworker, query).expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(4);
        seen.push(...page.body.items.map((e: Entry) => e.revision));
        cursor = page.body.nextCursor;
        expect(page.body.links.next).toBe(cursor === null ? null : `/api/grants/${grantId}/history?cursor=${cursor}&limit=4`);
        pages++;
      } while (cursor !== null && pages < 10);
      expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
      expect(pages).toBe(2);
      // limit 1 walks six pages.
      const one: number[] = [];
      cursor = null;
      for (let i = 0; i < 10; i++) {
        const page: { body: { items: Entry[]; nextCursor: string | null } } = await getHistory(grantId, tokens.caseworker, cursor === null ? '?limit=1' : `?limit=1&cursor=${cursor}`).expect(200);
        one.push(...page.body.items.map((e: Entry) => e.revision));
        cursor = page.body.nextCursor;
        if (cursor === null) break;
      }
      expect(one).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('is read by the owning job centre, the company and auditors; a foreign job centre and an AA never assigned get 403', async () => {
      await getHistory(grantId, tokens.auditor).expect(200);
      await getHistory(grantId, tokens.company).expect(200);
      for (const who of [tokens.foreign, tokens.otherAa]) {
        const res = await getHistory(grantId, who).expect(403);
        expect(JSON.stringify(res.body)).not.toContain(CPR);
      }
    });

    it('R12 an AA sees the citizen while assigned; once unassigned, the CPR and the citizen masked (the case itself: 403)', async () => {
      const assign = (aaId: string | null, effectiveAt: string) => t.http.post('/api/dfdg/assignments').set('Authorization', tokens.caseSystem)
        .send({ records: [{ cpr: CPR, aaId, effectiveAt }] }).expect(200);
      await assign('aa-1', '2026-03-01T08:00:00Z');
      await t.settle();
      const whileAssigned = await getHistory(grantId, tokens.aa).expect(200);
      expect(whileAssigned.body.items[0].fields).toContainEqual({ field: 'citizen.cpr', label: 'Borgerens CPR-nummer', value: CPR });
      await t.http.get(`/api/grants/${grantId}`).set('Authorization', tokens.aa).expect(200);

      await assign(null, '2026-03-02T08:00:00Z');
      await t.settle();
      const afterwards = await getHistory(grantId, tokens.aa).expect(200);
      expect(afterwards.body.items).toHaveLength(6);
      expect(afterwards.body.items[0].fields).toContainEqual({ field: 'citizen.cpr', label: 'Borgerens CPR-nummer', value: AA_MASKING.cpr });
      expect(JSON.stringify(afterwards.body)).not.toContain(CPR);
      // What is not the citizen stays: the caseworker as actor, the labels.
      expect(afterwards.body.items[0].actor).toMatchObject({ organisation: JOBCENTRE, name: 'Anne Holm' });
      const theCase = await t.http.get(`/api/grants/${grantId}`).set('Authorization', tokens.aa).expect(403);
      expect(JSON.stringify(theCase.body)).not.toContain(CPR);
      expect((await t.http.get(`/api/grants/${grantId}?revision=0`).set('Authorization', tokens.aa)).status).toBe(403);
    });

    it('an unknown case is a 404 as GET one; bad limit or cursor a 400 naming the field', async () => {
      const unknown = '0190a4e2-1c2b-7a00-8000-000000000099';
      expect((await getHistory(unknown, tokens.auditor).expect(404)).body).toMatchObject({ rule: 'not-found' });
      for (const [query, field] of [['?limit=0', 'limit'], ['?limit=501', 'limit'], ['?limit=x', 'limit'], ['?cursor=not-a-cursor', 'cursor'], ['?page=2', 'page']] as const) {
        const res = await getHistory(grantId, tokens.auditor, query);
        expect({ query, status: res.status, field: res.body.field }).toEqual({ query, status: 400, field });
      }
      // A cursor of another case's history is no cursor here.
      const other = (await t.http.post('/api/grants').set('Authorization', tokens.caseworker).send(grantBody()).expect(201)).body.id;
      await act(t, other, 'send-for-approval', tokens.caseworker).expect(200);
      const cursor = (await getHistory(other, tokens.caseworker, '?limit=1').expect(200)).body.nextCursor;
      expect((await getHistory(grantId, tokens.caseworker, `?cursor=${cursor}`).expect(400)).body).toMatchObject({ field: 'cursor', rule: 'invalid-cursor' });
    });

    it('exists for every case type', async () => {
      const application = (await t.http.post('/api/applications').set('Authorization', tokens.caseworker)
        .send({ scheme: 'wage-subsidy', company: { cvr: CVR, pNumber: '1000000002' }, citizen: { cpr: CPR } }).expect(201)).body.id;
      const res = await t.http.get(`/api/applications/${application}/history`).set('Authorization', tokens.auditor).expect(200);
      expect(res.body.items[0]).toMatchObject({ revision: 0, type: 'ApplicationDraftCreated', label: 'Ansøgningskladde oprettet' });
      for (const type of ['offers', 'supplementary-grants', 'igu-agreements']) {
        await t.http.get(`/api/${type}/0190a4e2-1c2b-7a00-8000-000000000099/history`).set('Authorization', tokens.auditor).expect(404);
      }
    });
  });

  describe('GET /api/grants/{id}?asOf= | ?revision=', () => {
    it('asOf between two commands shows the earlier state, says its revision, and offers no acts', async () => {
      const between = new Date((Date.parse(history[1].recordedAt) + Date.parse(history[2].recordedAt)) / 2 + 1).toISOString();
      const res = await t.http.get(`/api/grants/${grantId}?asOf=${between}`).set('Authorization', tokens.caseworker).expect(200);
      expect(res.headers['x-case-revision']).toBe('1');
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({ id: grantId, revision: 1, status: 'awaiting-company', statusLabel: 'Afventer godkendelse hos virksomhed', allowedActions: [] });
      // The same instant written in Danish time with its offset.
      const local = new Date(Date.parse(history[2].recordedAt) + 5).toISOString().replace('Z', '+00:00');
      const later = await t.http.get(`/api/grants/${grantId}`).query({ asOf: local }).set('Authorization', tokens.auditor).expect(200);
      expect(later.body).toMatchObject({ status: 'active', revision: 2, allowedActions: [] });
      // An entry's own recordedAt as asOf includes that entry.
      const exact = await t.http.get(`/api/grants/${grantId}`).query({ asOf: history[3].recordedAt }).set('Authorization', tokens.auditor).expect(200);
      expect(exact.headers['x-case-revision']).toBe('3');
      expect(exact.body).toMatchObject({ revision: 3, period: { end: '2030-12-31' } });
      // Now, without parameters: the present with its acts.
      const now = await t.http.get(`/api/grants/${grantId}`).set('Authorization', tokens.caseworker).expect(200);
      expect(now.headers['x-case-revision']).toBe('5');
      expect(now.body).toMatchObject({ status: 'terminated', allowedActions: ['transfer', 'set-responsible'] });
    });

    it('?revision=0 shows the draft', async () => {
      const res = await t.http.get(`/api/grants/${grantId}?revision=0`).set('Authorization', tokens.auditor).expect(200);
      expect(res.headers['x-case-revision']).toBe('0');
      expect(res.headers.etag).toBe('"0"');
      expect(res.body).toMatchObject({ revision: 0, status: 'drafted', statusLabel: 'Bevilling udarbejdet', period: { end: '2030-06-30' }, allowedActions: [] });
    });

    it('a moment before the case existed is a 404 that says so', async () => {
      const before = new Date(Date.parse(history[0].recordedAt) - 60_000).toISOString();
      const res = await t.http.get(`/api/grants/${grantId}?asOf=${before}`).set('Authorization', tokens.auditor).expect(404);
      expect(res.body).toMatchObject({ status: 404, rule: 'as-of-before-creation', field: 'asOf' });
    });

    it('the same access rules as now: a foreign job centre gets 403 for a past state too', async () => {
      await t.http.get(`/api/grants/${grantId}?revision=0`).set('Authorization', tokens.foreign).expect(403);
    });

    it('bad inputs are 400s naming the field', async () => {
      const cases: [string, string, string?][] = [
        ['asOf=2026-03-01T09:00:00Z&revision=1', 'revision', 'as-of-or-revision'],
        ['asOf=2026-03-01', 'asOf', 'instant'],
        ['asOf=2026-03-01T09:00:00', 'asOf', 'instant'],
        ['asOf=2026-02-30T09:00:00Z', 'asOf', 'instant'],
        ['asOf=yesterday', 'asOf', 'instant'],
        ['revision=-1', 'revision'],
        ['revision=1.5', 'revision'],
        ['revision=abc', 'revision'],
        ['revision=', 'revision'],
        ['revision=99999999999', 'revision'],
        ['revision=6', 'revision', 'revision-beyond-case'],
      ];
      for (const [query, field, rule] of cases) {
        const res = await t.http.get(`/api/grants/${grantId}?${query}`).set('Authorization', tokens.auditor);
        expect({ query, status: res.status, field: res.body.field, ...(rule ? { rule: res.body.rule } : {}) }).toEqual({ query, status: 400, field, ...(rule ? { rule } : {}) });
      }
    });

    it('works on every case type', async () => {
      const application = (await t.http.post('/api/applications').set('Authorization', tokens.caseworker)
        .send({ scheme: 'wage-subsidy', company: { cvr: CVR, pNumber: '1000000002' }, citizen: { cpr: CPR } }).expect(201)).body.id;
      const res = await t.http.get(`/api/applications/${application}?revision=0`).set('Authorization', tokens.caseworker).expect(200);
      expect(res.headers['x-case-revision']).toBe('0');
      expect(res.body).toMatchObject({ status: 'draft', allowedActions: [] });
    });
  });
});
