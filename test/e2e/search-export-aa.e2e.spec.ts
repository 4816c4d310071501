/**
 * R22 R12: an Anden Aktør's export masks exactly what its list masks, streamed or as a job. The
 * assignments come from DFDG through the real import (POST /api/dfdg/assignments): a citizen who
 * moved to another AA stays in the first AA's rows with CPR and name replaced by the masking texts,
 * and neither value is anywhere in the file. R47: the 'AA' column is the AA's alone.
 */
import { SEARCH_LISTS } from '../../projections/search/engine/search-lists';
import { AA_MASKING } from '../../src/registries/search-display';
import { CPR, JOBCENTRE, draftBody } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { Actors, actorsOf, draftGrant } from './grants.e2e-support';
import { SheetContent, getBinary, idsOf, listItems, readWorkbook } from './search-export.e2e-support';

const KEPT_CPR = '0202021234';

describe('R22 R12 AA masking in the Excel export', () => {
  let t: TestApp;
  let a: Actors;
  let aa1: string;
  const ids: Record<string, string> = {};
  const assign = async (cpr: string, aaId: string | null, effectiveAt: string) => {
    await t.http.post('/api/dfdg/assignments').set('Authorization', `Bearer ${await t.token('case-system', JOBCENTRE)}`).send({ records: [{ cpr, aaId, effectiveAt }] }).expect(200);
  };

  /** The export's sheets whichever way it is answered: streamed (200) or as a job polled to done (202). */
  const exportAny = async (list: string, who: string): Promise<{ via: 'stream' | 'job'; sheets: SheetContent[] }> => {
    const res = await getBinary(t, `/api/search/${list}/export`, who);
    if (res.status === 200) return { via: 'stream', sheets: await readWorkbook(res.body) };
    expect(res.status).toBe(202);
    const location = res.headers.location;
    for (let i = 0; i < 400; i++) {
      const job = (await t.http.get(location).set('Authorization', who).expect(200)).body;
      if (job.status === 'done') return { via: 'job', sheets: await readWorkbook((await getBinary(t, job.links.download, who).expect(200)).body) };
      expect(job.status).not.toBe('failed');
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`export job ${location} did not finish`);
  };
  const everyValue = (sheets: SheetContent[]) => sheets.flatMap((s) => s.rows.flatMap((r) => Object.values(r).map((v) => String(v ?? ''))));

  beforeAll(async () => {
    t = await createTestApp({ EXPORT_STREAM_MAX_ROWS: '2', EXPORT_JOB_POLL_MS: '50' });
    a = await actorsOf(t);
    aa1 = `Bearer ${await t.token('anden-aktoer', 'aa-1')}`;
    await t.http.put('/api/reference-data/citizens').set('Authorization', a.caseworker).send([{ cpr: KEPT_CPR, firstName: 'Karen', lastName: 'Østergård' }]).expect(200);
    ids.movedWage = (await draftGrant(t, a.caseworker, { scheme: 'wage-subsidy' })).id;
    ids.movedMentor = (await draftGrant(t, a.caseworker, { scheme: 'mentor', hoursPerWeek: undefined })).id;
    ids.keptWage = (await draftGrant(t, a.caseworker, { scheme: 'wage-subsidy', citizen: { cpr: KEPT_CPR } })).id;
    ids.movedApplication = (await t.http.post('/api/applications').set('Authorization', a.caseworker).send(draftBody()).expect(201)).body.id;
    await assign(CPR, 'aa-1', '2026-03-01T08:00:00Z');
    await assign(KEPT_CPR, 'aa-1', '2026-03-01T08:00:00Z');
    await assign(CPR, 'aa-2', '2026-06-01T08:00:00Z'); // the first AA keeps the history, masked (R12, D8)
    await t.settle();
  });
  afterAll(() => t.close());

  it("R22 R12 a citizen no longer assigned shows the masking texts in CPR and Navn, in the job's file too; an assigned one shows both", async () => {
    const { via, sheets } = await exportAny('grants', aa1);
    expect(via).toBe('job'); // 3 rows, above the threshold of 2
    const [grants] = sheets;
    expect(idsOf(grants)).toEqual((await listItems(t, 'grants', aa1)).filter((i) => i.caseType === 'grant').map((i) => i.id));
    const byId = Object.fromEntries(grants.rows.map((r) => [r['Sags-id'], r]));
    for (const id of [ids.movedWage, ids.movedMentor]) expect(byId[id]).toMatchObject({ CPR: AA_MASKING.cpr, Navn: AA_MASKING.name, AA: null });
    expect(byId[ids.keptWage]).toMatchObject({ CPR: KEPT_CPR, Navn: 'Karen Østergård', AA: 'AA' }); // R47: an LT grant of an assigned citizen
    expect(everyValue(sheets).some((v) => v.includes(CPR) || v.includes('Søren'))).toBe(false);
  });

  it("R22 R12 no list of the AA's has the masked citizen's CPR number or name anywhere in its file, streamed or not", async () => {
    for (const list of SEARCH_LISTS.filter((l) => l.roles.includes('anden-aktoer'))) {
      const { sheets } = await exportAny(list.id, aa1);
      const values = everyValue(sheets);
      expect([list.id, values.some((v) => v.includes(CPR) || v.includes('Søren') || v.includes('Ærø'))]).toEqual([list.id, false]);
    }
    const { via, sheets } = await exportAny('applications', aa1);
    expect(via).toBe('stream');
    expect(sheets[0].rows).toEqual([expect.objectContaining({ 'Sags-id': ids.movedApplication, CPR: AA_MASKING.cpr, Navn: AA_MASKING.name })]);
  });

  it("R47 R22 the 'AA' column is in the AA's file only; the new AA sees the moved citizen in full", async () => {
    const caseworker = await exportAny('grants', a.caseworker);
    expect(caseworker.sheets[0].headers).not.toContain('AA');
    expect(caseworker.sheets[0].rows.find((r) => r['Sags-id'] === ids.movedWage)).toMatchObject({ CPR, Navn: 'Søren Ærø' });
    const aa2 = await exportAny('grants', `Bearer ${await t.token('anden-aktoer', 'aa-2')}`);
    expect(aa2.sheets[0].headers).toContain('AA');
    expect(aa2.sheets[0].rows.find((r) => r['Sags-id'] === ids.movedWage)).toMatchObject({ CPR, Navn: 'Søren Ærø', AA: 'AA' });
  });
});
