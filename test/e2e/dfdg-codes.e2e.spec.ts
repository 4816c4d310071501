/**
 * DFDG messages end to end: the paths to code 14 (R41, D6) and to code 15 (R42, R63, D2, D3), a
 * message body in full, and what sends no code or no message (Q7 for grants, D7).
 */
import { DataSource } from 'typeorm';
import { OrdinaryExpiryScheduler } from '../../src/cases/grants/ordinary-expiry/ordinary-expiry.scheduler';
import { DfdgMessage } from '../../src/dfdg/dfdg-message';
import { CPR, JOBCENTRE, OTHER_JOBCENTRE } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { Feed, activeGrant, feedOf, schemeGrantBody } from './dfdg.e2e-support';
import { Actors, act, actorsOf } from './grants.e2e-support';

const CODE_14 = { vitasReasonId: null, vitasSubReasonId: null, vitasText: null, dfdgCode: 14, dfdgText: 'Bevilling ikke godkendt', mapped: true };
const CODE_15 = { vitasReasonId: null, vitasSubReasonId: null, vitasText: null, dfdgCode: 15, dfdgText: 'Aktivitetsperioden er afsluttet ordinært', mapped: true };

describe('DFDG messages: codes 14 and 15, and the message body', () => {
  let t: TestApp;
  let a: Actors;
  let feed: Feed;

  beforeAll(async () => {
    t = await createTestApp({ ORDINARY_EXPIRY_INTERVAL_MS: '0' });
    a = await actorsOf(t);
    feed = await feedOf(t, JOBCENTRE);
  });
  afterAll(() => t.close());

  const draft = async (scheme: 'wage-subsidy' | 'personal-assistant' | 'mentor' = 'wage-subsidy') =>
    (await t.http.post('/api/grants').set('Authorization', a.caseworker).send(schemeGrantBody(scheme)).expect(201)).body.id as string;
  const last = async (id: string) => (await feed.of(id)).at(-1)!;

  it('a message carries every fact, the event id and the event time (never the clock), and a sequence without gaps', async () => {
    const id = await draft();
    await act(t, id, 'send-for-approval', a.caseworker).expect(200);
    await act(t, id, 'set-responsible', a.caseworker, { caseworkerId: 'cw-9' }).expect(200); // no reported fact: no message
    const messages = await feed.of(id);
    expect(messages.map((m) => m.kind)).toEqual(['created', 'changed']);
    expect(messages[1]).toEqual({
      messageId: expect.any(String), sequence: messages[0].sequence + 1, jobcentre: JOBCENTRE, caseType: 'grant', vitasId: id, parentVitasId: null,
      supplementaryGrantType: null, supplementaryGrantTypeLabel: null, scheme: 'wage-subsidy', schemeLabel: 'Løntilskud', cpr: CPR,
      period: { start: '2030-01-01', end: '2030-06-30' }, hoursPerWeek: 30, status: 'awaiting-company', statusLabel: 'Afventer godkendelse hos virksomhed',
      caseRevision: 1, kind: 'changed', cessation: null, occurredAt: expect.any(String),
    });
    const [event] = await t.app.get(DataSource).query(`SELECT type, metadata->>'occurredAt' AS at FROM events WHERE event_id::text = $1`, [messages[1].messageId]);
    expect(event).toEqual({ type: 'GrantSentForCompanyApproval', at: messages[1].occurredAt });
    const all = await feed.all();
    expect(all.map((m) => m.sequence)).toEqual(all.map((_, i) => i + 1));
  });

  it('R41 D6 14: refused by the job centre, by the company, and by the citizen (a PA grant awaiting the citizen)', async () => {
    for (const who of [a.caseworker, a.company]) {
      const id = await draft();
      await act(t, id, 'send-for-approval', a.caseworker).expect(200);
      await act(t, id, 'refuse', who, { reason: 'Kan ikke godkendes' }).expect(200);
      expect(await last(id)).toMatchObject({ kind: 'refused', status: 'not-approved', statusLabel: 'Afvist', cessation: CODE_14 });
    }
    const pa = await draft('personal-assistant');
    await act(t, pa, 'send-for-approval', a.caseworker).expect(200);
    await act(t, pa, 'approve-as-company', a.company).expect(200);
    await act(t, pa, 'refuse', a.citizen).expect(200);
    expect((await feed.of(pa)).map((m) => [m.kind, m.status])).toEqual([['created', 'drafted'], ['changed', 'awaiting-company'], ['changed', 'awaiting-citizen'], ['refused', 'not-approved']]);
    expect(await last(pa)).toMatchObject({ cessation: CODE_14 });
  });

  it('R41 D6 14: withdrawn by the job centre, the company or the citizen; D3 a supplementary grant refused or withdrawn too', async () => {
    for (const who of [a.caseworker, a.company, a.citizen]) {
      const id = await activeGrant(t, a, 'wage-subsidy');
      await act(t, id, 'withdraw', who).expect(200);
      expect(await last(id)).toMatchObject({ kind: 'withdrawn', status: 'withdrawn', statusLabel: 'Trukket tilbage', cessation: CODE_14 });
    }
    const parent = await activeGrant(t, a, 'public-benefit-work');
    const supplementary = async () => (await t.http.post('/api/supplementary-grants').set('Authorization', a.caseworker).send({ parentGrantId: parent, type: 'mentor', justification: 'Mentor' }).expect(201)).body.id as string;
    const refused = await supplementary();
    await t.http.post(`/api/supplementary-grants/${refused}/send-for-company-approval`).set('Authorization', a.caseworker).expect(200);
    await t.http.post(`/api/supplementary-grants/${refused}/not-approve`).set('Authorization', a.company).send({}).expect(200);
    expect(await last(refused)).toMatchObject({ caseType: 'supplementary-grant', parentVitasId: parent, supplementaryGrantTypeLabel: 'Mentor', schemeLabel: 'Nytteindsats', period: null, kind: 'refused', cessation: CODE_14 });
    const withdrawn = await supplementary();
    await t.http.post(`/api/supplementary-grants/${withdrawn}/withdraw`).set('Authorization', a.caseworker).send({}).expect(200);
    expect(await last(withdrawn)).toMatchObject({ kind: 'withdrawn', cessation: CODE_14 });
  });

  it('R42 D2 D3 15: ordinary expiry (the scheduled check, runOnce) of a løntilskud, a Voksenlærling and a Mentor grant', async () => {
    const period = { start: '2029-01-01', end: '2029-12-31' };
    const ids = [await activeGrant(t, a, 'wage-subsidy', { period }), await activeGrant(t, a, 'adult-apprentice', { period }), await activeGrant(t, a, 'mentor', { period })];
    await t.settle();
    const run = await t.app.get(OrdinaryExpiryScheduler).runOnce(new Date('2030-01-01T06:00:00Z'));
    expect(run!.closed).toEqual(expect.arrayContaining(ids));
    for (const id of ids) expect(await last(id)).toMatchObject({ kind: 'closed', status: 'closed', statusLabel: 'Lukket', cessation: CODE_15 });
  });

  it('R63 15: a VP or LT cessation with reason 0 or 1', async () => {
    for (const [scheme, reasonId] of [['company-placement', 0], ['company-placement', 1], ['wage-subsidy', 0], ['wage-subsidy', 1]] as const) {
      const id = await activeGrant(t, a, scheme);
      await act(t, id, 'terminate', a.caseworker, { reasonId, effectiveDate: '2030-03-31' }).expect(200);
      expect(await last(id)).toMatchObject({ kind: 'ceased', cessation: { vitasReasonId: reasonId, dfdgCode: 15, dfdgText: CODE_15.dfdgText, mapped: true } });
    }
  });

  it('Q7 a grant closed unused is reported with no code; D7 a supplementary grant closed unused is not, nor anything after it', async () => {
    const id = await draft();
    await act(t, id, 'close-unused', a.caseworker).expect(200);
    expect(await last(id)).toMatchObject({ kind: 'closed-unused', status: 'closed-unused', statusLabel: 'Lukket bevilling (ej brugt)', cessation: null });

    const parent = await activeGrant(t, a, 'wage-subsidy');
    const s = (await t.http.post('/api/supplementary-grants').set('Authorization', a.caseworker).send({ parentGrantId: parent, type: 'assistive-aids', justification: 'Bord' }).expect(201)).body.id;
    await t.http.post(`/api/supplementary-grants/${s}/close-unused`).set('Authorization', a.caseworker).expect(200);
    await t.http.post(`/api/supplementary-grants/${s}/transfer`).set('Authorization', a.caseworker).send({ toJobcentre: OTHER_JOBCENTRE }).expect(200);
    expect((await feed.of(s)).map((m) => m.kind)).toEqual(['created']);
    expect((await (await feedOf(t, OTHER_JOBCENTRE)).of(s))).toEqual([]);
  });

  it('R62 over the whole feed: 14 only on refusals and withdrawals, 15 only on closing and cessations, never both', async () => {
    const all: DfdgMessage[] = await feed.all();
    expect(all.length).toBeGreaterThan(40);
    for (const m of all) {
      const code = m.cessation?.dfdgCode ?? null;
      if (m.kind === 'refused' || m.kind === 'withdrawn') expect(code).toBe(14);
      else if (m.kind === 'closed') expect(code).toBe(15);
      else if (m.kind === 'ceased') expect([1, 3, 15, null]).toContain(code);
      else expect(m.cessation).toBeNull();
    }
  });
});
