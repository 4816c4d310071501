/** 'Godkend med bilag' on compensating-scheme grants (R56, R57) over HTTP, with the files stored byte-exact. */
import { JOBCENTRE } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { Actors, act, actorsOf, draftGrant } from './grants.e2e-support';
import { binary, pdf, sha256 } from './files.e2e-support';


describe("grants: 'Godkend med bilag' (R56, R57)", () => {
  let t: TestApp;
  let a: Actors;
  let support: string;

  beforeAll(async () => {
    t = await createTestApp();
    a = await actorsOf(t);
    support = `Bearer ${await t.token('company-support', JOBCENTRE)}`;
  });
  afterAll(() => t.close());

  const upload = (id: string, party: string, file: Buffer, confirmed = 'true') =>
    t.http.post(`/api/grants/${id}/approve-with-file`).set('Authorization', support).field('party', party).field('firstName', 'Mette').field('lastName', 'Jørgensen').field('confirmed', confirmed).attach('file', file, 'godkendelse.pdf');

  it("R56 R57 take a PA grant to 'Aktiv' through the company's and the citizen's uploaded approvals", async () => {
    const { id } = await draftGrant(t, a.caseworker, { scheme: 'personal-assistant', hoursPerWeek: undefined, jobContent: 'Personlig assistance i hverdagen' });
    expect((await act(t, id, 'send-for-approval', a.caseworker)).status).toBe(200);
    const beforeUpload = await t.http.get(`/api/grants/${id}`).set('Authorization', support).expect(200);
    expect(beforeUpload.body.allowedActions).toContain('approve-with-file');

    const companyFile = pdf(50_000);
    const byCompany = await upload(id, 'company', companyFile).expect(200);
    expect(byCompany.body.status).toBe('awaiting-citizen');
    const citizenFile = pdf(60_000);
    const byCitizen = await upload(id, 'citizen', citizenFile).expect(200);
    expect(byCitizen.body.status).toBe('active');
    expect(byCitizen.body.signedWithFile.map((s: { text: string }) => s.text.split(' (')[0])).toEqual([
      'Virksomhed Underskrevet med fil og verificeret af company-support-101',
      'Borger Underskrevet med fil og verificeret af company-support-101',
    ]);
    const download = await t.http.get(byCitizen.body.signedWithFile[1].file.links.download).set('Authorization', a.caseworker).buffer(true).parse(binary).expect(200);
    expect(sha256(download.body)).toBe(sha256(citizenFile));
  });

  it('R56 refuses the upload on a løntilskud grant, R57 on a mentor grant for the citizen, R52 without the tick', async () => {
    const lt = await draftGrant(t, a.caseworker);
    await act(t, lt.id, 'send-for-approval', a.caseworker).expect(200);
    expect((await upload(lt.id, 'company', pdf(1000)).expect(422)).body.rule).toBe('R56');

    const mentor = await draftGrant(t, a.caseworker, { scheme: 'mentor', hoursPerWeek: undefined });
    await act(t, mentor.id, 'send-for-approval', a.caseworker).expect(200);
    expect((await upload(mentor.id, 'citizen', pdf(1000)).expect(422)).body).toMatchObject({ rule: 'R57', field: 'party' });
    expect((await upload(mentor.id, 'company', pdf(1000), 'false').expect(422)).body).toMatchObject({ rule: 'R52', field: 'confirmed' });
    const plain = await t.http.post(`/api/grants/${mentor.id}/approve-with-file`).set('Authorization', a.caseworker).field('party', 'company').field('firstName', 'A').field('lastName', 'B').field('confirmed', 'true').attach('file', pdf(1000), 'g.pdf');
    expect(plain.status).toBe(403);
  });
});
