/** Attachments (R46, D12) and 'Godkend med bilag' (R49–R53) over HTTP, with real files in PostgreSQL. */
import { CVR, JOBCENTRE, draftBody } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { binary, pdf, sha256 } from './files.e2e-support';


describe('attachments and approval files', () => {
  let t: TestApp;
  let caseworker: string;
  let company: string;
  let support: string;

  beforeAll(async () => {
    t = await createTestApp({ ATTACHMENT_LIMIT_BYTES: String(5 * 1024 * 1024) });
    caseworker = `Bearer ${await t.token('jobcentre', JOBCENTRE)}`;
    company = `Bearer ${await t.token('company', CVR)}`;
    support = `Bearer ${await t.token('company-support', JOBCENTRE)}`;
  });
  afterAll(() => t.close());

  const create = async (scheme: string) => (await t.http.post('/api/applications').set('Authorization', caseworker).send(draftBody({ scheme })).expect(201)).body;

  it('R46 accepts a 3 MB attachment on a VP application and returns it byte-identical', async () => {
    const app = await create('company-placement');
    const file = pdf(3 * 1024 * 1024);
    const res = await t.http.post(`/api/applications/${app.id}/attachments`).set('Authorization', company).attach('file', file, 'praktikaftale æøå.pdf').expect(201);
    expect(res.body.attachments).toEqual([expect.objectContaining({ fileName: 'praktikaftale æøå.pdf', size: file.length, sha256: sha256(file), contentType: 'application/pdf' })]);
    const download = await t.http.get(res.body.attachments[0].links.download).set('Authorization', caseworker).buffer(true).parse(binary).expect(200);
    expect(sha256(download.body)).toBe(sha256(file));
    expect(download.headers['content-type']).toBe('application/pdf');
    // The same file again is the same attachment.
    const again = await t.http.post(`/api/applications/${app.id}/attachments`).set('Authorization', company).attach('file', file, 'praktikaftale æøå.pdf').expect(201);
    expect(again.body.attachments).toHaveLength(1);
  });

  it('D12 refuses a type not on the list, a file whose content is not its type, and a file over the limit', async () => {
    const app = await create('wage-subsidy');
    const exe = await t.http.post(`/api/applications/${app.id}/attachments`).set('Authorization', company).attach('file', Buffer.from('MZ....'), 'setup.exe').expect(422);
    expect(exe.body).toMatchObject({ rule: 'D12', field: 'file' });
    const fake = await t.http.post(`/api/applications/${app.id}/attachments`).set('Authorization', company).attach('file', Buffer.from('\x89PNG\r\n\x1a\nxxxx', 'latin1'), 'aftale.pdf').expect(422);
    expect(fake.body.detail).toMatch(/not a pdf/);
    const big = await t.http.post(`/api/applications/${app.id}/attachments`).set('Authorization', company).attach('file', pdf(6 * 1024 * 1024), 'big.pdf').expect(413);
    expect(big.body).toMatchObject({ rule: 'D12', field: 'file' });
    const none = await t.http.post(`/api/applications/${app.id}/attachments`).set('Authorization', company).send({}).expect(400);
    expect(none.body.field).toBe('file');
    const after = await t.http.get(`/api/applications/${app.id}`).set('Authorization', caseworker).expect(200);
    expect(after.body.attachments).toEqual([]);
  });

  it("R49 R50 R53 company support approves a fleksjob application with a file: 'Modtaget', signed with file and verified", async () => {
    const app = await create('flex-job');
    const file = pdf(20_000);
    const res = await t.http
      .post(`/api/applications/${app.id}/approve-with-file`)
      .set('Authorization', support)
      .field('firstName', 'Mette')
      .field('lastName', 'Jørgensen')
      .field('confirmed', 'true')
      .attach('file', file, 'godkendelse.pdf')
      .expect(200);
    expect(res.body.status).toBe('received');
    expect(res.body.signedWithFile).toMatchObject({ firstName: 'Mette', lastName: 'Jørgensen', verifiedBy: 'company-support-101' });
    expect(res.body.signedWithFile.text).toMatch(/^Virksomhed Underskrevet med fil og verificeret af company-support-101 \(/);
    const download = await t.http.get(res.body.signedWithFile.file.links.download).set('Authorization', caseworker).buffer(true).parse(binary).expect(200);
    expect(sha256(download.body)).toBe(sha256(file));
    // R53: the file cannot be deleted: there is no such route.
    await t.http.delete(res.body.signedWithFile.file.links.download).set('Authorization', support).expect(404);
  });

  it("R49 R52 refuse 'Godkend med bilag' on a VP application and without the confirmation", async () => {
    const vp = await create('company-placement');
    const res = await t.http.post(`/api/applications/${vp.id}/approve-with-file`).set('Authorization', support).field('firstName', 'A').field('lastName', 'B').field('confirmed', 'true').attach('file', pdf(1000), 'g.pdf').expect(422);
    expect(res.body.rule).toBe('R49');
    const fj = await create('job-rotation');
    const unticked = await t.http.post(`/api/applications/${fj.id}/approve-with-file`).set('Authorization', support).field('firstName', 'A').field('lastName', 'B').field('confirmed', 'false').attach('file', pdf(1000), 'g.pdf').expect(422);
    expect(unticked.body).toMatchObject({ rule: 'R52', field: 'confirmed' });
    const missing = await t.http.post(`/api/applications/${fj.id}/approve-with-file`).set('Authorization', support).field('confirmed', 'true').attach('file', pdf(1000), 'g.pdf').expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['firstName', 'lastName']));
  });
});
