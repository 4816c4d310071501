/**
 * Issue 10, part 4: least privilege for case systems and AAs. An assignment to an Anden Aktør is
 * one job centre's (its case system's token `org`), and gives the AA sight of that job centre's
 * cases of the citizen only: never another job centre's cases, CPR or name.
 *
 * The reproduction: the case system of job centre 101 assigned citizen 0705983267, whose cases
 * are at job centre 461, to `aa-evil`, which then read the 461 grant and the citizen's name.
 */
import { DataSource } from 'typeorm';
import { aaAssignmentStreamId } from '../../src/aa-assignments/aa-assignment.events';
import { EVENT_STORE, EventStore } from '../../src/platform/event-store/event-store.port';
import { CVR, JOBCENTRE, P_NUMBER } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { grantBody } from './grants.e2e-support';
import { getBinary, readWorkbook } from './search-export.e2e-support';

const FOREIGN_JOBCENTRE = '461';
const FOREIGN_CPR = '0705983267';
const FOREIGN_NAME = { firstName: 'Ingrid', lastName: 'Kjærsgaard' };
/** A citizen with a case at each job centre, each job centre choosing its own AA. */
const SHARED_CPR = '1208881234';
const EFFECTIVE = '2026-03-01T08:00:00Z';

describe('issue 10: an AA sees only the cases of the job centres that assigned the citizen to it', () => {
  let t: TestApp;
  let store: EventStore;
  const bearer = async (role: Parameters<TestApp['token']>[0], org: string) => `Bearer ${await t.token(role, org)}`;
  const ids: Record<string, string> = {};
  /** Records one assignment as `caseSystemOf`'s case system and expects it to be accepted. */
  const assign = async (caseSystemOf: string, cpr: string, aaId: string | null) =>
    t.http.post('/api/dfdg/assignments').set('Authorization', await bearer('case-system', caseSystemOf)).send({ records: [{ cpr, aaId, effectiveAt: EFFECTIVE }] }).expect(200);

  /** Everything an AA can get about a case and its citizen: the case, the name, the search lists and the export. */
  async function whatTheAaSees(aaId: string, caseId: string, caseType: 'grants' | 'applications', cpr: string) {
    const aa = await bearer('anden-aktoer', aaId);
    const theCase = await t.http.get(`/api/${caseType}/${caseId}`).set('Authorization', aa);
    const citizen = await t.http.get(`/api/reference-data/citizens/${cpr}`).set('Authorization', aa);
    const list = await t.http.get(`/api/search/${caseType}?pageSize=200`).set('Authorization', aa).expect(200);
    const byCpr = await t.http.get(`/api/search/${caseType}?cpr=${cpr}`).set('Authorization', aa).expect(200);
    const exported = await getBinary(t, `/api/search/${caseType}/export`, aa).expect(200);
    const exportText = JSON.stringify((await readWorkbook(exported.body)).map((s) => s.rows));
    return { theCase, citizen, list, byCpr, exportText, item: list.body.items.find((i: { id: string }) => i.id === caseId) };
  }

  beforeAll(async () => {
    t = await createTestApp();
    store = t.app.get<EventStore>(EVENT_STORE);
    const importer = await bearer('jobcentre', JOBCENTRE);
    await t.http.put('/api/reference-data/jobcentres').set('Authorization', importer).send([{ number: FOREIGN_JOBCENTRE, name: 'Jobcenter Vest' }]).expect(200);
    await t.http.put('/api/reference-data/citizens').set('Authorization', importer).send([
      { cpr: FOREIGN_CPR, ...FOREIGN_NAME },
      { cpr: SHARED_CPR, firstName: 'Palle', lastName: 'Ørsted' },
    ]).expect(200);
    const foreignCaseworker = await bearer('jobcentre', FOREIGN_JOBCENTRE);
    const ownCaseworker = await bearer('jobcentre', JOBCENTRE);
    const draft = async (who: string, cpr: string) => (await t.http.post('/api/grants').set('Authorization', who).send(grantBody({ citizen: { cpr } })).expect(201)).body.id as string;
    ids.foreignGrant = await draft(foreignCaseworker, FOREIGN_CPR);
    ids.foreignApplication = (await t.http.post('/api/applications').set('Authorization', foreignCaseworker)
      .send({ scheme: 'wage-subsidy', company: { cvr: CVR, pNumber: P_NUMBER }, citizen: { cpr: FOREIGN_CPR } }).expect(201)).body.id;
    ids.sharedAt101 = await draft(ownCaseworker, SHARED_CPR);
    ids.sharedAt461 = await draft(foreignCaseworker, SHARED_CPR);
    await t.settle();
  });
  afterAll(() => t.close());

  it('case system 101 assigns the 461 citizen to aa-evil: recorded for 101 only, and aa-evil gets neither the 461 grant nor the name, list rows or export rows', async () => {
    const res = await assign(JOBCENTRE, FOREIGN_CPR, 'aa-evil');
    expect(res.body.results).toEqual([{ cpr: FOREIGN_CPR, outcome: 'assigned', events: 1 }]);
    const [event] = await store.readStream(aaAssignmentStreamId(JOBCENTRE, FOREIGN_CPR));
    expect(event.data).toEqual({ jobcentre: JOBCENTRE, cpr: FOREIGN_CPR, aaId: 'aa-evil', effectiveAt: '2026-03-01T08:00:00.000Z', source: 'dfdg' });
    expect(await store.readStream(aaAssignmentStreamId(FOREIGN_JOBCENTRE, FOREIGN_CPR))).toEqual([]);
    // 461's own view of its citizen: nobody assigned; 101 may not read 461's assignments.
    const at461 = await t.http.get(`/api/dfdg/assignments/${FOREIGN_CPR}`).set('Authorization', await bearer('case-system', FOREIGN_JOBCENTRE)).expect(200);
    expect(at461.body).toEqual({ jobcentre: FOREIGN_JOBCENTRE, cpr: FOREIGN_CPR, aaId: null, history: [] });
    const peek = await t.http.get(`/api/dfdg/assignments/${FOREIGN_CPR}?jobcentre=${FOREIGN_JOBCENTRE}`).set('Authorization', await bearer('case-system', JOBCENTRE));
    expect(peek.status).toBe(403);
    expect(peek.body).toMatchObject({ status: 403, rule: 'own-jobcentre' });
    await t.settle();

    for (const [caseType, caseId] of [['grants', ids.foreignGrant], ['applications', ids.foreignApplication]] as const) {
      const seen = await whatTheAaSees('aa-evil', caseId, caseType, FOREIGN_CPR);
      expect([403, 404]).toContain(seen.theCase.status);
      expect(seen.citizen.status).toBe(404);
      expect(seen.item).toBeUndefined();
      expect(seen.byCpr.body.totalCount).toBe(0);
      for (const body of [JSON.stringify(seen.theCase.body), JSON.stringify(seen.citizen.body), JSON.stringify(seen.list.body), JSON.stringify(seen.byCpr.body), seen.exportText]) {
        for (const secret of [FOREIGN_CPR, FOREIGN_NAME.firstName, FOREIGN_NAME.lastName]) expect(body).not.toContain(secret);
      }
      expect(seen.exportText).not.toContain(caseId);
    }
  });

  it('the same AA assigned by 461, the job centre that owns the cases, does see them', async () => {
    await assign(FOREIGN_JOBCENTRE, FOREIGN_CPR, 'aa-evil');
    await t.settle();
    const seen = await whatTheAaSees('aa-evil', ids.foreignGrant, 'grants', FOREIGN_CPR);
    expect(seen.theCase.status).toBe(200);
    expect(seen.theCase.body).toMatchObject({ id: ids.foreignGrant, citizen: { cpr: FOREIGN_CPR } });
    expect(seen.citizen.status).toBe(200);
    expect(seen.citizen.body).toMatchObject({ cpr: FOREIGN_CPR, ...FOREIGN_NAME });
    expect(seen.item).toMatchObject({ cpr: FOREIGN_CPR, name: `${FOREIGN_NAME.firstName} ${FOREIGN_NAME.lastName}`, assignedToMe: true });
    expect(seen.byCpr.body.totalCount).toBe(1);
    expect(seen.exportText).toContain(FOREIGN_CPR);
    // 461's case system reads its own assignment; 101's still holds its own, apart.
    const own = await t.http.get(`/api/dfdg/assignments/${FOREIGN_CPR}`).set('Authorization', await bearer('case-system', FOREIGN_JOBCENTRE)).expect(200);
    expect(own.body).toMatchObject({ jobcentre: FOREIGN_JOBCENTRE, aaId: 'aa-evil' });
    // An auditor reads any job centre's, naming it; without a job centre it is a 400 naming the field.
    const auditor = await bearer('auditor', 'audit');
    const read = await t.http.get(`/api/dfdg/assignments/${FOREIGN_CPR}?jobcentre=${JOBCENTRE}`).set('Authorization', auditor).expect(200);
    expect(read.body).toMatchObject({ jobcentre: JOBCENTRE, aaId: 'aa-evil' });
    expect((await t.http.get(`/api/dfdg/assignments/${FOREIGN_CPR}`).set('Authorization', auditor).expect(400)).body).toMatchObject({ field: 'jobcentre', rule: 'required' });
  });

  it('R12 R13 two job centres assign one citizen to different AAs at once: each AA sees its own job centre\'s case only', async () => {
    await assign(JOBCENTRE, SHARED_CPR, 'aa-101');
    await assign(FOREIGN_JOBCENTRE, SHARED_CPR, 'aa-461');
    await t.settle();
    const of101 = await bearer('anden-aktoer', 'aa-101');
    const of461 = await bearer('anden-aktoer', 'aa-461');
    await t.http.get(`/api/grants/${ids.sharedAt101}`).set('Authorization', of101).expect(200);
    expect([403, 404]).toContain((await t.http.get(`/api/grants/${ids.sharedAt461}`).set('Authorization', of101)).status);
    await t.http.get(`/api/grants/${ids.sharedAt461}`).set('Authorization', of461).expect(200);
    expect([403, 404]).toContain((await t.http.get(`/api/grants/${ids.sharedAt101}`).set('Authorization', of461)).status);
    const listed = async (who: string) => ((await t.http.get(`/api/search/grants?cpr=${SHARED_CPR}`).set('Authorization', who).expect(200)).body.items as { id: string }[]).map((i) => i.id);
    expect(await listed(of101)).toEqual([ids.sharedAt101]);
    expect(await listed(of461)).toEqual([ids.sharedAt461]);
  });

  it('a token whose org is not of its role\'s kind acts for nobody: 401 before any slice reads it, nothing recorded', async () => {
    const before = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM events`);
    for (const [role, org] of [['case-system', 'national'], ['jobcentre', 'jc-east'], ['company', '1234'], ['citizen', '12345678'], ['anden-aktoer', 'aa evil']] as const) {
      const res = await t.http.post('/api/dfdg/assignments').set('Authorization', await bearer(role, org))
        .send({ records: [{ cpr: FOREIGN_CPR, aaId: 'aa-evil', effectiveAt: EFFECTIVE }] });
      expect({ role, status: res.status, rule: res.body.rule, field: res.body.field }).toEqual({ role, status: 401, rule: 'authentication', field: 'Authorization' });
      expect(res.body.detail).toMatch(new RegExp(`^token org of a ${role} must be `));
      expect(JSON.stringify(res.body)).not.toContain(FOREIGN_CPR);
    }
    expect(await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM events`)).toEqual(before);
  });
});
