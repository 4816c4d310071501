/**
 * Reference data over HTTP: JSON and CSV imports (all or nothing), paged lookups (R59),
 * who may call what, and the AA's view of citizens (R12/R13).
 */
import { DataSource } from 'typeorm';
import { ReferenceData } from '../../src/reference-data/reference-data.service';
import { createTestApp, TestApp } from '../support/test-app';
import { CPR, CVR, draftBody, JOBCENTRE, P_NUMBER } from '../support/fixtures';

const OTHER_CVR = '87654321';
const BIG_CVR = '55555555';
const AA = 'aa-42';

describe('reference data over HTTP', () => {
  let t: TestApp;
  let caseworker: string;
  let support: string;
  const auth = async (role: Parameters<TestApp['token']>[0], org: string) => `Bearer ${await t.token(role, org)}`;
  const put = (path: string, who: string) => t.http.put(`/api/reference-data/${path}`).set('Authorization', who);
  const putCsv = (path: string, who: string, csv: string) => put(path, who).set('Content-Type', 'text/csv; charset=utf-8').send(csv);
  const get = (path: string, who: string) => t.http.get(`/api/reference-data/${path}`).set('Authorization', who);
  const count = async (table: string) => (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp({ REFERENCE_IMPORT_LIMIT_BYTES: '65536' }, { referenceData: false });
    caseworker = await auth('jobcentre', JOBCENTRE);
    support = await auth('company-support', JOBCENTRE);
    await put('companies', caseworker).send([{ cvr: CVR, name: 'Østergaard Smede ApS' }, { cvr: OTHER_CVR, name: 'Bager Hansen A/S' }]).expect(200);
  });
  afterAll(() => t.close());

  it('imports JSON and looks it up again, over HTTP and through the ReferenceData service', async () => {
    expect((await put('jobcentres', caseworker).send([{ number: JOBCENTRE, name: 'Jobcenter København' }]).expect(200)).body).toEqual({ imported: 1 });
    const pUnits = [
      { pNumber: P_NUMBER, cvr: CVR, name: 'Smedjen', address: 'Åboulevarden 1, 8000 Aarhus C', hasEmployeeRepresentative: true },
      { pNumber: '1000000002', cvr: CVR, name: 'Lageret' },
    ];
    expect((await put('p-units', support).send(pUnits).expect(200)).body).toEqual({ imported: 2 });
    await put('citizens', caseworker).send([{ cpr: CPR, firstName: 'Søren', lastName: 'Ærø' }]).expect(200);

    const listed = await get(`companies/${CVR}/p-units`, caseworker).expect(200);
    expect(listed.body).toMatchObject({ totalCount: 2, page: 1, pageSize: 50 });
    expect(listed.body.items.map((p: { pNumber: string }) => p.pNumber)).toEqual(['1000000002', P_NUMBER]); // by name
    expect(listed.body.items[1]).toEqual({ ...pUnits[0], updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(listed.body.items[0]).toMatchObject({ address: null, hasEmployeeRepresentative: false });
    expect((await get('jobcentres', caseworker).expect(200)).body.items).toEqual([{ number: JOBCENTRE, name: 'Jobcenter København', updatedAt: expect.any(String) }]);
    expect((await get(`citizens/${CPR}`, caseworker).expect(200)).body).toEqual({ cpr: CPR, firstName: 'Søren', lastName: 'Ærø', updatedAt: expect.any(String) });

    const companies = await get('companies?query=østergaard', caseworker).expect(200);
    expect(companies.body).toMatchObject({ totalCount: 1, items: [{ cvr: CVR, name: 'Østergaard Smede ApS' }] });
    expect((await get('companies?query=8765', caseworker).expect(200)).body.items.map((c: { cvr: string }) => c.cvr)).toEqual([OTHER_CVR]);

    const ref = t.app.get(ReferenceData);
    expect(await ref.pUnit(P_NUMBER)).toMatchObject({ cvr: CVR, hasEmployeeRepresentative: true }); // D23
    expect(await ref.requirePUnitOfCompany(CVR, P_NUMBER)).toMatchObject({ pNumber: P_NUMBER });
    await expect(ref.requirePUnitOfCompany(OTHER_CVR, P_NUMBER)).rejects.toMatchObject({ kind: 'validation', rule: 'p-unit-of-other-company', field: 'company.pNumber' });
    await expect(ref.requirePUnitOfCompany('11111111', P_NUMBER)).rejects.toMatchObject({ kind: 'validation', rule: 'unknown-company', field: 'company.cvr' });
    await expect(ref.requirePUnitOfCompany(CVR, '1999999999')).rejects.toMatchObject({ rule: 'unknown-p-unit', field: 'company.pNumber' });
    expect(await ref.citizen('0000000000')).toBeNull();
  });

  it('imports CSV with semicolons, quoted fields and Danish letters, and a re-import updates', async () => {
    const csv = [
      '\uFEFFp_number;cvr;name;address;has_employee_representative',
      '2000000001;87654321;"Bageriet ""Ø"", Århus";"Store Torv 1; 1. sal\nÆblehaven";ja',
      '2000000002;87654321;Østbutikken;;nej',
      '2000000003;87654321;Åkanden;Ågade 3;',
      '',
    ].join('\r\n');
    expect((await putCsv('p-units', caseworker, csv).expect(200)).body).toEqual({ imported: 3 });
    const { body } = await get(`companies/${OTHER_CVR}/p-units?pageSize=10`, caseworker).expect(200);
    expect(body.items.find((p: { pNumber: string }) => p.pNumber === '2000000001')).toMatchObject({
      name: 'Bageriet "Ø", Århus',
      address: 'Store Torv 1; 1. sal\nÆblehaven',
      hasEmployeeRepresentative: true,
    });
    expect(body.items.find((p: { pNumber: string }) => p.pNumber === '2000000002')).toMatchObject({ address: null, hasEmployeeRepresentative: false });

    await putCsv('citizens', caseworker, 'cpr,firstName,lastName\n0202021234,Åse,Ærbødig\n').expect(200);
    await putCsv('citizens', caseworker, 'cpr,first_name,last_name\n0202021234,Åse,Ærbødig-Øster\n').expect(200);
    expect(await t.app.get(ReferenceData).citizen('0202021234')).toMatchObject({ lastName: 'Ærbødig-Øster' });
  });

  it('an Idempotency-Key covers the CSV body: the same key with another file is a 422', async () => {
    const send = (csv: string) => putCsv('jobcentres', caseworker, csv).set('Idempotency-Key', 'jobcentres-import-1');
    await send('number;name\n102;Jobcenter Århus\n').expect(200);
    expect((await send('number;name\n102;Jobcenter Århus\n').expect(200)).headers['idempotent-replayed']).toBe('true');
    expect((await send('number;name\n103;Jobcenter Ærø\n').expect(422)).body.rule).toBe('idempotency-key-reuse');
  });

  it('refuses a CSV with a bad row: 400 naming the row, the column and the rule, and writes nothing', async () => {
    const before = await count('companies');
    const csv = 'cvr,name\n30000001,Fin ApS\n3000002,Kort CVR ApS\n30000003,"  "\n30000004,Fin igen\n';
    const res = await putCsv('companies', caseworker, csv).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, rule: 'cvr-format', field: 'row 3, column cvr', errorCount: 2 });
    expect(res.body.errors).toEqual([
      { field: 'row 3, column cvr', rule: 'cvr-format', message: 'row 3, column cvr: must be a CVR number (8 digits)' },
      { field: 'row 4, column name', rule: 'matches', message: 'row 4, column name: must not be blank' },
    ]);
    expect(await count('companies')).toBe(before);

    const syntax = await putCsv('companies', caseworker, 'cvr,name\n30000001,"unclosed\n').expect(400);
    expect(syntax.body.errors[0]).toMatchObject({ field: 'row 2, column 2', rule: 'csv-syntax' });
    expect((await putCsv('companies', caseworker, '').expect(400)).body).toMatchObject({ rule: 'csv-header', field: 'row 1' });
    const width = await putCsv('companies', caseworker, 'cvr,name\n30000001\n').expect(400);
    expect(width.body.errors[0]).toMatchObject({ field: 'row 2', rule: 'column-count' });
    const duplicate = await putCsv('companies', caseworker, 'cvr,name\n30000001,A\n30000001,B\n').expect(400);
    expect(duplicate.body.errors[0]).toMatchObject({ field: 'row 3, column cvr', rule: 'duplicate' });
    expect(await count('companies')).toBe(before);
  });

  it('refuses a P-unit of an unknown company with 400 naming the field, in JSON and CSV', async () => {
    const before = await count('p_units');
    const json = await put('p-units', caseworker).send([{ pNumber: '3000000001', cvr: CVR, name: 'OK' }, { pNumber: '3000000002', cvr: '99999999', name: 'Ukendt' }]).expect(400);
    expect(json.body).toMatchObject({ rule: 'unknown-company', field: '[1].cvr' });
    const csv = await putCsv('p-units', caseworker, 'p_number,cvr,name\n3000000003,99999999,Ukendt\n').expect(400);
    expect(csv.body).toMatchObject({ rule: 'unknown-company', field: 'row 2, column cvr' });
    expect(await count('p_units')).toBe(before);
  });

  it('R59 pages through 600 P-units with pageSize 250: each exactly once, in one stable order', async () => {
    await put('companies', caseworker).send([{ cvr: BIG_CVR, name: 'Kæden A/S' }]).expect(200);
    const units = Array.from({ length: 600 }, (_, i) => ({ pNumber: String(4_000_000_000 + ((i * 7919) % 600)), cvr: BIG_CVR, name: `Butik ${String(i % 40).padStart(2, '0')}` }));
    await put('p-units', caseworker).send(units).expect(200);

    const pageThrough = async () => {
      const seen: { pNumber: string; name: string }[] = [];
      for (let page = 1; page <= 3; page++) {
        const { body } = await get(`companies/${BIG_CVR}/p-units?page=${page}&pageSize=250`, caseworker).expect(200);
        expect(body).toMatchObject({ totalCount: 600, page, pageSize: 250 });
        seen.push(...body.items);
      }
      return seen;
    };
    const first = await pageThrough();
    expect(first).toHaveLength(600);
    expect(new Set(first.map((p) => p.pNumber)).size).toBe(600);
    const expected = [...units].sort((a, b) => a.name.localeCompare(b.name) || a.pNumber.localeCompare(b.pNumber)).map((p) => p.pNumber);
    expect(first.map((p) => p.pNumber)).toEqual(expected); // name, then P-number among equal names
    expect((await pageThrough()).map((p) => p.pNumber)).toEqual(expected);
    expect((await get(`companies/${BIG_CVR}/p-units?page=4&pageSize=250`, caseworker).expect(200)).body).toMatchObject({ totalCount: 600, items: [] });
    expect((await get(`companies/${BIG_CVR}/p-units?query=butik 07`, caseworker).expect(200)).body.totalCount).toBe(15);
  });

  it('a company lists its own P-units and company only; another company is 403', async () => {
    const company = await auth('company', CVR);
    expect((await get(`companies/${CVR}/p-units`, company).expect(200)).body.totalCount).toBe(2);
    const other = await get(`companies/${OTHER_CVR}/p-units`, company).expect(403);
    expect(other.body).toMatchObject({ status: 403, rule: 'authorization' });
    expect((await get('companies', company).expect(200)).body).toMatchObject({ totalCount: 1, items: [{ cvr: CVR }] });
    await get('companies/11111111/p-units', caseworker).expect(404);
  });

  it('R12 R13 an AA sees a citizen only while assigned to it; otherwise the same 404 as for an unknown CPR', async () => {
    await put('citizens', caseworker).send([{ cpr: '0303031234', firstName: 'Ib', lastName: 'Ulf' }]).expect(200);
    // The assignment comes from DFDG, as an event; the lookup follows its read model.
    const dfdg = await auth('case-system', JOBCENTRE);
    // Issue 10: the assigning job centre must hold a case of the citizen for the AA to see the name.
    await t.http.post('/api/applications').set('Authorization', caseworker).send(draftBody({ citizen: { cpr: CPR } })).expect(201);
    await t.http.post('/api/dfdg/assignments').set('Authorization', dfdg).send({ records: [{ cpr: CPR, aaId: AA, effectiveAt: '2026-03-01T08:00:00Z' }] }).expect(200);
    await t.settle();
    const aa = await auth('anden-aktoer', AA);
    expect((await get(`citizens/${CPR}`, aa).expect(200)).body).toMatchObject({ cpr: CPR, firstName: 'Søren' });
    const unassigned = await get('citizens/0303031234', aa).expect(404);
    const unknown = await get('citizens/0404041234', aa).expect(404);
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
    expect(strip(unassigned.body)).toEqual(strip(unknown.body));
    expect(JSON.stringify(strip(unassigned.body))).not.toMatch(/Ib|Ulf|0303031234/); // instance is the requested path
    expect((await get('citizens/0303031234', await auth('anden-aktoer', 'aa-other')).expect(404)).body.rule).toBe('not-found');
  });

  it('wrong roles are 403: imports are job centre staff only, citizens not for companies, nothing for citizens', async () => {
    await put('companies', await auth('company', CVR)).send([{ cvr: CVR, name: 'Overtaget' }]).expect(403);
    await put('citizens', await auth('anden-aktoer', AA)).send([]).expect(403);
    await get(`citizens/${CPR}`, await auth('company', CVR)).expect(403);
    await get('companies', await auth('citizen', CPR)).expect(403);
    await get('jobcentres', await auth('employee-representative', P_NUMBER)).expect(403);
    await t.http.get('/api/reference-data/jobcentres').expect(401);
  });

  it('bad input is a 400 naming the field: unknown fields and columns, wrong types, media type, too many, bad path ids', async () => {
    const unknownField = await put('companies', caseworker).send([{ cvr: '30000009', name: 'X', colour: 'blue' }]).expect(400);
    expect(unknownField.body).toMatchObject({ rule: 'unknown-field', field: '[0].colour' });
    const unknownColumn = await putCsv('companies', caseworker, 'cvr,name,colour\n30000009,X,blue\n').expect(400);
    expect(unknownColumn.body).toMatchObject({ rule: 'unknown-column', field: 'row 1, column colour' });
    const missingColumn = await putCsv('p-units', caseworker, 'p_number,name\n3000000009,X\n').expect(400);
    expect(missingColumn.body).toMatchObject({ rule: 'missing-column', field: 'row 1, column cvr' });
    const wrongType = await put('p-units', caseworker).send([{ pNumber: '3000000009', cvr: CVR, name: 'X', hasEmployeeRepresentative: 'maybe' }]).expect(400);
    expect(wrongType.body).toMatchObject({ rule: 'isBoolean', field: '[0].hasEmployeeRepresentative' });
    // R12: the AA assignment is no longer reference data (POST /api/dfdg/assignments records it).
    expect((await put('citizens', caseworker).send([{ cpr: CPR, firstName: 'Søren', lastName: 'Ærø', assignedAa: AA }]).expect(400)).body).toMatchObject({ rule: 'unknown-field', field: '[0].assignedAa' });
    expect((await putCsv('citizens', caseworker, `cpr,first_name,last_name,assigned_aa\n${CPR},Søren,Ærø,${AA}\n`).expect(400)).body).toMatchObject({ rule: 'unknown-column', field: 'row 1, column assigned_aa' });
    expect((await put('companies', caseworker).send({ cvr: CVR, name: 'X' }).expect(400)).body).toMatchObject({ rule: 'isArray', field: 'body' });
    const tooMany = Array.from({ length: 10_001 }, (_, i) => ({ number: String(i % 10_000), name: 'J' }));
    expect((await put('jobcentres', caseworker).send(tooMany).expect(400)).body).toMatchObject({ rule: 'arrayMaxSize', field: 'body' });
    const xml = await put('companies', caseworker).set('Content-Type', 'application/xml').send('<companies/>').expect(415);
    expect(xml.body).toMatchObject({ rule: 'media-type', field: 'Content-Type' });
    const big = await putCsv('companies', caseworker, `cvr,name\n${'30000001,Meget stort firma\n'.repeat(4000)}`).expect(413);
    expect(big.body).toMatchObject({ rule: 'body-size-limit', limitBytes: 65536 });
    expect((await get('companies/1234/p-units', caseworker).expect(400)).body).toMatchObject({ rule: 'cvr-format', field: 'cvr' });
    expect((await get(`companies/${CVR}/p-units?pageSize=501`, caseworker).expect(400)).body).toMatchObject({ rule: 'max', field: 'pageSize' });
    expect((await get('citizens/12', caseworker).expect(400)).body).toMatchObject({ field: 'cpr' });
  });

  it('documents the endpoints in OpenAPI, with both media types on the imports', async () => {
    const { body } = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(body.paths['/api/reference-data/p-units'].put.requestBody.content)).toEqual(['application/json', 'text/csv']);
    expect(body.paths['/api/reference-data/companies/{cvr}/p-units'].get).toMatchObject({ tags: ['reference-data'], security: [{ bearer: [] }] });
  });
});
