/**
 * DFDG's assignments of citizens to an Anden Aktør over HTTP (R12, R13, D8, D17): the import
 * records events on each citizen's stream, the aa_assignments read model follows them, and the
 * AA's citizen lookup follows the read model.
 */
import { DataSource } from 'typeorm';
import { aaAssignmentStreamId } from '../../src/aa-assignments/aa-assignment.events';
import { Role } from '../../src/platform/auth/principal';
import { EVENT_STORE, EventStore } from '../../src/platform/event-store/event-store.port';
import { CPR, draftBody, JOBCENTRE, ORG_OF_ROLE } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const AA = 'aa-42';
const OTHER_AA = 'aa-7';
const T1 = '2026-03-01T08:00:00.000Z';
const T2 = '2026-04-01T08:00:00.000Z';
const T3 = '2026-05-01T08:00:00.000Z';
/** Citizens of the reference data, each test with its own so they stay independent. */
const CITIZENS = ['0202021234', '0303031234', '0404041234', '0505051234', '0606061234'];

type AssignmentRecord = { cpr: string; aaId: string | null; effectiveAt: string };

describe('AA assignments from DFDG over HTTP (R12, R13)', () => {
  let t: TestApp;
  let dfdg: string;
  let db: DataSource;
  let store: EventStore;
  const auth = async (role: Role, org: string) => `Bearer ${await t.token(role, org)}`;
  const post = (body: unknown, who = dfdg) => t.http.post('/api/dfdg/assignments').set('Authorization', who).send(body as object);
  const record = (...records: AssignmentRecord[]) => post({ records });
  const history = (cpr: string, who = dfdg) => t.http.get(`/api/dfdg/assignments/${cpr}`).set('Authorization', who);
  const eventsOf = (cpr: string) => store.readStream(aaAssignmentStreamId(JOBCENTRE, cpr));
  const assignmentEventCount = async () => (await db.query(`SELECT count(*)::int AS n FROM events WHERE stream_id LIKE 'aa-assignment-%'`))[0].n as number;
  const rowsOf = (cpr: string) =>
    db.query(
      `SELECT assignment_id, jobcentre, aa_id, cpr, assigned, to_char(assigned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS assigned_at,
              to_char(unassigned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS unassigned_at
       FROM aa_assignments WHERE cpr = $1 ORDER BY assignment_id`,
      [cpr],
    );
  const lookUp = async (cpr: string, aaId: string) => (await t.http.get(`/api/reference-data/citizens/${cpr}`).set('Authorization', await auth('anden-aktoer', aaId))).status;

  beforeAll(async () => {
    t = await createTestApp();
    dfdg = await auth('case-system', JOBCENTRE);
    db = t.app.get(DataSource);
    store = t.app.get<EventStore>(EVENT_STORE);
    const caseworker = await auth('jobcentre', JOBCENTRE);
    const citizens = CITIZENS.map((cpr, i) => ({ cpr, firstName: `Borger ${i}`, lastName: 'Ærø' }));
    await t.http.put('/api/reference-data/citizens').set('Authorization', caseworker).send(citizens).expect(200);
    // Issue 10: an AA sees a citizen's name only through a job centre that assigned them and has a case of theirs.
    for (const cpr of [CPR, CITIZENS[1], CITIZENS[2]]) {
      await t.http.post('/api/applications').set('Authorization', caseworker).send(draftBody({ citizen: { cpr } })).expect(201);
    }
  });
  afterAll(() => t.close());

  it('R12 records an assignment as an event on the (job centre, citizen) stream, naming the job centre, and the read model gets its row', async () => {
    const res = await record({ cpr: CPR, aaId: AA, effectiveAt: '2026-03-01T09:00:00+01:00' }).expect(200);
    expect(res.body).toEqual({ recorded: 1, unchanged: 0, results: [{ cpr: CPR, outcome: 'assigned', events: 1 }] });

    const [event] = await eventsOf(CPR);
    expect(event).toMatchObject({ type: 'CitizenAssignedToOtherActor', revision: 0, data: { jobcentre: JOBCENTRE, cpr: CPR, aaId: AA, effectiveAt: T1, source: 'dfdg' }, schemaVersion: 2 });
    expect(event.metadata.principal).toMatchObject({ role: 'case-system', org: JOBCENTRE });

    await t.settle();
    expect(await rowsOf(CPR)).toEqual([{ assignment_id: `${JOBCENTRE}:${AA}:${CPR}`, jobcentre: JOBCENTRE, aa_id: AA, cpr: CPR, assigned: true, assigned_at: T1, unassigned_at: null }]);
    expect(await lookUp(CPR, AA)).toBe(200);
    expect(await lookUp(CPR, OTHER_AA)).toBe(404);
  });

  it('re-importing the same records appends nothing and answers unchanged (idempotent), also with an older file', async () => {
    const [cpr] = CITIZENS;
    await record({ cpr, aaId: AA, effectiveAt: T2 }).expect(200);
    const before = await assignmentEventCount();
    const again = await record({ cpr, aaId: AA, effectiveAt: T2 }).expect(200);
    expect(again.body).toEqual({ recorded: 0, unchanged: 1, results: [{ cpr, outcome: 'unchanged', events: 0 }] });
    // An older file naming another AA: the newer assignment stands.
    expect((await record({ cpr, aaId: OTHER_AA, effectiveAt: T1 }).expect(200)).body.results).toEqual([{ cpr, outcome: 'unchanged', events: 0 }]);
    expect(await assignmentEventCount()).toBe(before);
  });

  it('R12 R13 a move between AAs: the old AA loses sight of the citizen, the new one gains it, the old row stays masked', async () => {
    const [, cpr] = CITIZENS;
    await record({ cpr, aaId: AA, effectiveAt: T1 }).expect(200);
    await t.settle();
    expect(await lookUp(cpr, AA)).toBe(200);

    const moved = await record({ cpr, aaId: OTHER_AA, effectiveAt: T2 }).expect(200);
    expect(moved.body).toEqual({ recorded: 1, unchanged: 0, results: [{ cpr, outcome: 'moved', events: 2 }] });
    expect((await eventsOf(cpr)).map((e) => [e.type, e.data.aaId, e.data.effectiveAt])).toEqual([
      ['CitizenAssignedToOtherActor', AA, T1],
      ['CitizenUnassignedFromOtherActor', AA, T2],
      ['CitizenAssignedToOtherActor', OTHER_AA, T2],
    ]);

    await t.settle();
    expect(await rowsOf(cpr)).toEqual([
      { assignment_id: `${JOBCENTRE}:${AA}:${cpr}`, jobcentre: JOBCENTRE, aa_id: AA, cpr, assigned: false, assigned_at: T1, unassigned_at: T2 },
      { assignment_id: `${JOBCENTRE}:${OTHER_AA}:${cpr}`, jobcentre: JOBCENTRE, aa_id: OTHER_AA, cpr, assigned: true, assigned_at: T2, unassigned_at: null },
    ]);
    expect(await lookUp(cpr, AA)).toBe(404);
    expect(await lookUp(cpr, OTHER_AA)).toBe(200);
  });

  it('R12 unassigns (aaId null): the AA no longer sees the citizen; the history keeps every period', async () => {
    const [, , cpr] = CITIZENS;
    await record({ cpr, aaId: AA, effectiveAt: T1 }).expect(200);
    const res = await record({ cpr, aaId: null, effectiveAt: T2 }).expect(200);
    expect(res.body.results).toEqual([{ cpr, outcome: 'unassigned', events: 1 }]);
    await t.settle();
    expect(await rowsOf(cpr)).toEqual([{ assignment_id: `${JOBCENTRE}:${AA}:${cpr}`, jobcentre: JOBCENTRE, aa_id: AA, cpr, assigned: false, assigned_at: T1, unassigned_at: T2 }]);
    expect(await lookUp(cpr, AA)).toBe(404);

    await record({ cpr, aaId: OTHER_AA, effectiveAt: T3 }).expect(200);
    for (const role of ['case-system', 'auditor', 'jobcentre'] as const) {
      // An auditor names the job centre; the job centre's own staff and case system read theirs.
      const got = await history(role === 'auditor' ? `${cpr}?jobcentre=${JOBCENTRE}` : cpr, await auth(role, JOBCENTRE)).expect(200);
      expect(got.headers.etag).toBe('"2"');
      expect(got.body).toEqual({
        jobcentre: JOBCENTRE,
        cpr,
        aaId: OTHER_AA,
        history: [
          { aaId: AA, assignedAt: T1, unassignedAt: T2 },
          { aaId: OTHER_AA, assignedAt: T3, unassignedAt: null },
        ],
      });
    }
    expect((await history('1313131234').expect(200)).body).toEqual({ jobcentre: JOBCENTRE, cpr: '1313131234', aaId: null, history: [] });
  });

  it('answers one result per record, in order, for a mixed import', async () => {
    const [, , , a, b] = CITIZENS;
    await record({ cpr: a, aaId: AA, effectiveAt: T1 }).expect(200);
    const res = await record({ cpr: b, aaId: AA, effectiveAt: T2 }, { cpr: a, aaId: AA, effectiveAt: T2 }, { cpr: '0707071234', aaId: null, effectiveAt: T2 }).expect(200);
    expect(res.body).toEqual({
      recorded: 1,
      unchanged: 2,
      results: [
        { cpr: b, outcome: 'assigned', events: 1 },
        { cpr: a, outcome: 'unchanged', events: 0 },
        { cpr: '0707071234', outcome: 'unchanged', events: 0 },
      ],
    });
  });

  it('an Idempotency-Key replays the first answer of an import', async () => {
    const body = { records: [{ cpr: '0909091234', aaId: AA, effectiveAt: T1 }] };
    const send = () => post(body).set('Idempotency-Key', 'dfdg-delivery-1');
    expect((await send().expect(200)).body.results).toEqual([{ cpr: '0909091234', outcome: 'assigned', events: 1 }]);
    const repeat = await send().expect(200);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.body.results).toEqual([{ cpr: '0909091234', outcome: 'assigned', events: 1 }]);
    expect(await eventsOf('0909091234')).toHaveLength(1);
  });

  it('concurrent imports for one citizen are both decided on fresh state (optimistic concurrency, retried)', async () => {
    const cpr = '0808081234';
    const answers = await Promise.all([record({ cpr, aaId: AA, effectiveAt: T1 }), record({ cpr, aaId: OTHER_AA, effectiveAt: T2 })]);
    answers.forEach((a) => expect(a.status).toBe(200));
    const events = await eventsOf(cpr);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    // Whichever came first, the later fact wins and no period overlaps another.
    expect((await history(cpr).expect(200)).body.aaId).toBe(OTHER_AA);
  });

  it('bad records are a 400 naming the record and field, and nothing is recorded', async () => {
    const before = await assignmentEventCount();
    const ok = { cpr: '1010101234', aaId: AA, effectiveAt: T1 };
    const cases: [unknown, string, string][] = [
      [{ records: [ok, { cpr: '12345', aaId: AA, effectiveAt: T1 }] }, 'records[1].cpr', 'cpr-format'],
      [{ records: [ok, { cpr: '1111111234', aaId: 'not an id!', effectiveAt: T1 }] }, 'records[1].aaId', 'aaId-format'],
      [{ records: [ok, { cpr: '1111111234', aaId: 'a'.repeat(65), effectiveAt: T1 }] }, 'records[1].aaId', 'aaId-format'],
      [{ records: [ok, { cpr: '1111111234', effectiveAt: T1 }] }, 'records[1].aaId', 'aaId-format'],
      [{ records: [ok, { cpr: '1111111234', aaId: AA, effectiveAt: '2026-03-01' }] }, 'records[1].effectiveAt', 'isInstant'],
      [{ records: [ok, { cpr: '1111111234', aaId: AA, effectiveAt: '2026-03-01T08:00:00' }] }, 'records[1].effectiveAt', 'isInstant'],
      [{ records: [ok, { cpr: '1111111234', aaId: AA, effectiveAt: '2026-02-30T08:00:00Z' }] }, 'records[1].effectiveAt', 'isInstant'],
      [{ records: [ok, { cpr: '1111111234', aaId: AA, effectiveAt: T1, colour: 'blue' }] }, 'records[1].colour', 'unknown-field'],
      [{ records: [ok, 'x'] }, 'records[1]', 'isObject'],
      [{ records: [ok, { ...ok, aaId: OTHER_AA }] }, 'records[1].cpr', 'duplicate'],
      [{ records: [] }, 'records', 'arrayMinSize'],
      [{ records: ok }, 'records', 'isArray'],
      [{ records: [ok], extra: 1 }, 'extra', 'unknown-field'],
      [{}, 'records', 'isArray'],
      [[ok], 'body', 'isObject'],
    ];
    for (const [body, field, rule] of cases) {
      const res = await post(body);
      expect({ body, status: res.status, type: res.headers['content-type'] }).toEqual({ body, status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
      expect({ body, problem: res.body }).toMatchObject({ body, problem: { status: 400, field, rule } });
    }
    const duplicate = await post({ records: [ok, { cpr: '1111111234', aaId: AA, effectiveAt: T1 }, { ...ok, aaId: null }] }).expect(400);
    expect(duplicate.body.errors).toEqual([{ field: 'records[2].cpr', rule: 'duplicate', message: 'records[2].cpr: the same CPR as records[0].cpr' }]);
    expect(JSON.stringify(duplicate.body)).not.toContain('1010101234');
    const several = await post({ records: [{ cpr: '1', aaId: AA, effectiveAt: 'soon' }] }).expect(400);
    expect(several.body).toMatchObject({ errorCount: 2, errors: [{ field: 'records[0].cpr' }, { field: 'records[0].effectiveAt' }] });
    expect(await assignmentEventCount()).toBe(before);
  });

  it('takes up to 10,000 records in one request, and refuses 10,001', async () => {
    // Unassigning citizens never assigned appends nothing: the limit is tested without burning
    // 10,000 transaction ids on the suite's shared server (postgres-global-order.spec.ts counts them).
    const unchanged = Array.from({ length: 10_000 }, (_, i) => ({ cpr: String(2_000_000_000 + i), aaId: null, effectiveAt: T1 }));
    const res = await record(...unchanged).expect(200);
    expect(res.body).toMatchObject({ recorded: 0, unchanged: 10_000 });
    expect(res.body.results[9_999]).toEqual({ cpr: '2000009999', outcome: 'unchanged', events: 0 });
    const tooMany = await post({ records: [...unchanged, { cpr: '3000000000', aaId: AA, effectiveAt: T1 }] }).expect(400);
    expect(tooMany.body).toMatchObject({ field: 'records', rule: 'arrayMaxSize' });

    const assigned = unchanged.slice(0, 500).map((r, i) => ({ ...r, aaId: `aa-${i % 50}` }));
    const bulk = await record(...assigned).expect(200);
    expect(bulk.body).toMatchObject({ recorded: 500, unchanged: 0 });
    expect(bulk.body.results.map((r: { cpr: string }) => r.cpr)).toEqual(assigned.map((r) => r.cpr)); // the request's order
    await t.settle();
    expect((await db.query(`SELECT count(*)::int AS n FROM aa_assignments WHERE aa_id = 'aa-7' AND assigned AND cpr LIKE '20000%'`))[0].n).toBe(10);
  });

  it('only the integration principal records; case-system, auditor and jobcentre read; everyone else is a 403', async () => {
    const body = { records: [{ cpr: '1212121234', aaId: AA, effectiveAt: T1 }] };
    for (const role of ['auditor', 'jobcentre', 'company-support', 'anden-aktoer', 'company', 'citizen', 'employee-representative'] as const) {
      expect((await post(body, await auth(role, ORG_OF_ROLE[role])).expect(403)).body).toMatchObject({ status: 403 });
    }
    for (const role of ['anden-aktoer', 'company-support', 'company', 'citizen', 'employee-representative'] as const) {
      await history(CPR, await auth(role, ORG_OF_ROLE[role])).expect(403);
    }
    await t.http.post('/api/dfdg/assignments').send(body).expect(401);
    await t.http.get(`/api/dfdg/assignments/${CPR}`).expect(401);
    expect((await history('12').expect(400)).body).toMatchObject({ field: 'cpr' });
    expect((await eventsOf('1212121234')).length).toBe(0);
  });

  it('the read model has the indexes the search joins on, and the old citizens column is gone', async () => {
    const indexes = (await db.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'aa_assignments'`)).map((r: { indexdef: string }) => r.indexdef.replace(/^.* USING btree /, ''));
    expect(indexes).toEqual(expect.arrayContaining(['(assignment_id)', '(aa_id, cpr, jobcentre)', '(cpr)']));
    expect(await db.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'citizens' AND column_name = 'assigned_aa'`)).toEqual([]);
  });
});
