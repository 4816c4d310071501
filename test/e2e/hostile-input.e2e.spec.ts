/**
 * Issue 10's reproductions of hostile input, each a regression test named for what it guards:
 * every one answers a 4xx problem+json naming the field and the rule (or 201 for what is
 * valid), appends nothing when refused, and leaves /health up with every projection caught up.
 */
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../support/test-app';
import { CPR, CVR, JOBCENTRE, P_NUMBER, P_NUMBER_NO_REP, draftBody } from '../support/fixtures';
import { grantBody } from './grants.e2e-support';

const REGEX_SOURCE = /\/\^|\$\/|\\d\{/;

function expectRefused(res: Response, status: number, field?: string): void {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { status, rule: expect.any(String) } });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (field !== undefined) expect(res.body.field).toBe(field);
  expect(res.text).not.toMatch(REGEX_SOURCE);
}

/** `[[[ … ]]]` nested `depth` deep: a few kB that once overflowed the validators' stacks. */
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('hostile input (issue 10): refused at the boundary, never a 500, never a stalled read model', () => {
  let t: TestApp;
  let caseworker: string;
  let company: string;
  let caseSystem: string;
  const eventCount = async () => (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM events'))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = `Bearer ${await t.token('jobcentre', JOBCENTRE)}`;
    company = `Bearer ${await t.token('company', CVR)}`;
    caseSystem = `Bearer ${await t.token('case-system', JOBCENTRE)}`;
  });
  afterAll(() => t.close());

  /** After each test: nothing stalled. */
  afterEach(async () => {
    await t.settle();
    const health = await t.http.get('/health');
    expect({ status: health.status, body: health.body }).toMatchObject({ status: 200, body: { status: 'up' } });
  });

  const post = (path: string, body: unknown, who = caseworker) => t.http.post(path).set('Authorization', who).set('Content-Type', 'application/json').send(JSON.stringify(body));

  describe('an array or an empty object where a nested object belongs stalls nothing', () => {
    it.each([
      ['/api/igu-agreements', { company: { cvr: CVR, pNumber: P_NUMBER }, citizen: [] }],
      ['/api/grants', grantBody({ citizen: [] })],
      ['/api/applications', draftBody({ citizen: [] })],
      ['/api/igu-agreements', { company: { cvr: CVR, pNumber: P_NUMBER }, citizen: {} }],
      ['/api/grants', grantBody({ company: [] })],
      ['/api/grants', grantBody({ period: [] })],
    ])('POST %s with %j is a 400 naming the nested object and appends nothing', async (path, body) => {
      const before = await eventCount();
      const res = await post(path, body);
      expectRefused(res, 400);
      expect(res.body.field).toMatch(/^(citizen|company|period)/);
      expect(await eventCount()).toBe(before);
    });
  });

  describe('a missing nested object is a 400, not a 500', () => {
    it.each([
      ['/api/grants', (({ company: _, ...rest }) => rest)(grantBody()), 'company'],
      ['/api/grants', (({ period: _, ...rest }) => rest)(grantBody()), 'period'],
      ['/api/igu-agreements', {}, 'company'],
      ['/api/applications', (({ citizen: _, ...rest }) => rest)(draftBody()), 'citizen'],
    ])('POST %s without it names the field', async (path, body, field) => {
      const res = await post(path, body);
      expectRefused(res, 400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  it('a value of the wrong kind is refused by the kind it should be ("must be a number"), never by a range it cannot be in (issue 13)', async () => {
    for (const [body, field, rule, says] of [
      [grantBody({ hoursPerWeek: 'many' }), 'hoursPerWeek', 'isNumber', /must be a number/],
      [grantBody({ hoursPerWeek: [30] }), 'hoursPerWeek', 'isNumber', /must be a number/],
    ] as const) {
      const res = await post('/api/grants', body);
      expectRefused(res, 400, field);
      expect(res.body.errors.filter((e: { field: string }) => e.field === field)).toEqual([{ field, rule, message: expect.stringMatching(says) }]);
      expect(res.body.detail).not.toMatch(/greater than|less than|positive|168/);
    }
  });

  it('JSON nested deeper than the limit is refused while it is parsed (json-depth), on every validated POST', async () => {
    for (const path of ['/api/applications', '/api/grants', '/api/igu-agreements', '/api/dfdg/assignments']) {
      const res = await t.http.post(path).set('Authorization', path.includes('dfdg') ? caseSystem : caseworker).set('Content-Type', 'application/json').send(nested(3000));
      expectRefused(res, 400, 'body');
      expect(res.body.rule).toBe('json-depth');
    }
    // Within the limit, the body reaches the validator (an array is not an object).
    expectRefused(await t.http.post('/api/applications').set('Authorization', caseworker).set('Content-Type', 'application/json').send(nested(10)), 400);
  });

  it('a lone surrogate in a text field is a 400 naming the field (well-formed Unicode), not a database error', async () => {
    const before = await eventCount();
    const grant = await t.http.post('/api/grants').set('Authorization', caseworker).set('Content-Type', 'application/json').send(JSON.stringify(grantBody()).replace('"Lagerarbejde"', '"\\ud800"'));
    expectRefused(grant, 400, 'jobContent');
    expect(grant.body.rule).toBe('well-formed-unicode');
    expect(await eventCount()).toBe(before);
    const offer = await post('/api/offers', { scheme: 'wage-subsidy', pNumber: P_NUMBER, jobcentre: JOBCENTRE, onNationalList: false, hoursPerWeek: 30, workTasks: 'Lager' }, company).expect(201);
    const afterOffer = await eventCount();
    const reject = await t.http
      .post(`/api/offers/${offer.body.id}/reject-as-employee-representative`)
      .set('Authorization', `Bearer ${await t.token('employee-representative', P_NUMBER)}`)
      .set('Content-Type', 'application/json')
      .send('{"reason":"a\\udfffb"}');
    expectRefused(reject, 400, 'reason');
    expect(reject.body.rule).toBe('well-formed-unicode');
    expect(await eventCount()).toBe(afterOffer);
  });

  describe('a NUL character (U+0000) is a 400 naming the field (no-nul), not a PostgreSQL error (found by the fuzz suite)', () => {
    it.each([
      ['POST', '/api/offers', { scheme: 'company-placement', pNumber: P_NUMBER, jobcentre: JOBCENTRE, onNationalList: false, hoursPerWeek: 20, workTasks: '\u0000' }, 'workTasks'],
      ['POST', '/api/grants', grantBody({ jobContent: 'Lager\u0000arbejde' }), 'jobContent'],
      ['PUT', '/api/reference-data/citizens', [{ cpr: CPR, firstName: '\u0000', lastName: 'Ærø' }], '[0].firstName'],
      ['PUT', '/api/reference-data/companies', [{ cvr: CVR, name: 'a\u0000b' }], '[0].name'],
      ['PUT', '/api/reference-data/jobcentres', [{ number: JOBCENTRE, name: 'Job\u0000center' }], '[0].name'],
    ])('%s %s', async (method, path, body, field) => {
      const before = await eventCount();
      const who = path === '/api/offers' ? company : caseworker;
      const res = await t.http[method === 'PUT' ? 'put' : 'post'](path).set('Authorization', who).set('Content-Type', 'application/json').send(JSON.stringify(body));
      expectRefused(res, 400, field);
      expect(res.body.rule).toBe('no-nul');
      expect(await eventCount()).toBe(before);
    });

    it('in a field name, a query value and a CSV import alike', async () => {
      const key = await post('/api/applications', JSON.parse(`{"scheme":"wage-subsidy","company":{"cvr":"${CVR}","pNumber":"${P_NUMBER}"},"citizen":{"cpr":"${CPR}"},"a\\u0000b":1}`));
      expectRefused(key, 400, 'body');
      expect(key.body.rule).toBe('no-nul');
      const query = await t.http.get('/api/search/grants?cpr=a%00b').set('Authorization', caseworker);
      expectRefused(query, 400, 'cpr');
      expect(query.body.rule).toBe('no-nul');
      const csv = await t.http.put('/api/reference-data/companies').set('Authorization', caseworker).set('Content-Type', 'text/csv').send(`cvr,name\n${CVR},"a\u0000b"\n`);
      expectRefused(csv, 400);
      expect(csv.body.rule).toBe('no-nul');
    });
  });

  it('an array where a DFDG assignment record belongs is a 400 naming the record (found by the fuzz suite)', async () => {
    const before = await eventCount();
    for (const records of ['[[]]', `[${nested(20)}]`]) {
      const res = await t.http.post('/api/dfdg/assignments').set('Authorization', caseSystem).set('Content-Type', 'application/json').send(`{"records":${records}}`);
      expectRefused(res, 400, 'records[0]');
      expect(res.body.rule).toBe('isObject');
    }
    expect(await eventCount()).toBe(before);
  });

  describe('prototype keys are harmless', () => {
    it.each([
      ['/api/dfdg/assignments', { records: [], extra: { constructor: 1 } }],
      ['/api/dfdg/assignments', { records: { nested: { records: { constructor: 'x' } } } }],
      ['/api/dfdg/assignments', JSON.parse('{"records":[{"cpr":"0101901234","aaId":"aa-1","effectiveAt":"2026-03-01T08:00:00Z","__proto__":{"admin":true}}]}')],
      ['/api/applications', { ...draftBody(), prototype: { x: 1 } }],
    ])('POST %s with %j is a 400', async (path, body) => {
      const res = await t.http.post(path).set('Authorization', path.includes('dfdg') ? caseSystem : caseworker).set('Content-Type', 'application/json').send(JSON.stringify(body));
      expectRefused(res, 400);
    });

    it('PUT /api/reference-data/companies with a constructor key in a name is a 400', async () => {
      const res = await t.http.put('/api/reference-data/companies').set('Authorization', caseworker).send([{ cvr: '12345678', name: { constructor: 1 } }]);
      expectRefused(res, 400);
      expect(res.body.errors?.[0]?.field ?? res.body.field).toMatch(/name/);
    });
  });

  describe('impossible calendar dates in query strings', () => {
    it.each([
      ['periodFrom', '2026-02-30'],
      ['periodFrom', '2026-02-29'],
      ['periodTo', '2026-13-01'],
    ])('?%s=%s on the search list and its export is a 400 naming the parameter', async (param, value) => {
      expectRefused(await t.http.get(`/api/search/grants?${param}=${value}`).set('Authorization', caseworker), 400, param);
      expectRefused(await t.http.get(`/api/search/grants/export?${param}=${value}`).set('Authorization', caseworker), 400, param);
    });

    it('a leap day that exists is accepted', async () => {
      await t.http.get('/api/search/grants?periodFrom=2028-02-29').set('Authorization', caseworker).expect(200);
    });
  });

  it('the IGU create sent as text/plain is a 415 naming Content-Type, and appends nothing', async () => {
    const before = await eventCount();
    const res = await t.http.post('/api/igu-agreements').set('Authorization', caseworker).set('Content-Type', 'text/plain').send(JSON.stringify({ company: { cvr: CVR, pNumber: P_NUMBER }, citizen: { cpr: CPR } }));
    expectRefused(res, 415, 'Content-Type');
    expect(await eventCount()).toBe(before);
  });

  it('one pattern per identifier kind: a 4-digit job centre filter is valid in search, and a bad one is refused in words', async () => {
    await t.http.get('/api/search/grants?jobcentre=5574').set('Authorization', caseworker).expect(200);
    const bad = await t.http.get('/api/search/grants?jobcentre=55745').set('Authorization', caseworker);
    expectRefused(bad, 400, 'jobcentre');
    expect(bad.body.detail).toMatch(/job centre number \(1–4 digits\)/);
  });

  it('every path parameter has its shape: a file address that is not a SHA-256 is a 400 naming sha256', async () => {
    const { body } = await post('/api/applications', draftBody()).expect(201);
    const res = await t.http.get(`/api/applications/${body.id}/attachments/..%2F..%2Fetc%2Fpasswd`).set('Authorization', caseworker);
    expectRefused(res, 400, 'sha256');
    expect(res.body.rule).toBe('sha256-format');
  });

  it('a number beyond its range is a 400 naming the field', async () => {
    expectRefused(await post('/api/grants', grantBody({ hoursPerWeek: 2 ** 60 })), 400, 'hoursPerWeek');
    expectRefused(await t.http.get('/api/search/grants?page=9007199254740993').set('Authorization', caseworker), 400, 'page');
  });

  describe('nothing personal or unbounded is echoed', () => {
    it('a 14,000-character id does not come back whole', async () => {
      const id = 'x'.repeat(14_000);
      const res = await t.http.get(`/api/grants/${id}`).set('Authorization', caseworker);
      expectRefused(res, 400, 'id');
      expect(res.text.length).toBeLessThan(2_000);
      expect(res.text).not.toContain('x'.repeat(201));
    });

    it.each(['/api/reference-data/citizens/0705983267', '/api/dfdg/assignments/0705983267'])('the problem for %s never carries the CPR', async (path) => {
      for (const who of [caseworker, company, caseSystem]) {
        const res = await t.http.get(path).set('Authorization', who);
        expect(res.status).toBeGreaterThanOrEqual(200);
        if (res.status >= 400) {
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(res.text).not.toContain('0705983267');
        }
      }
    });

    it('a CPR in a search filter is not echoed in the instance', async () => {
      const res = await t.http.get('/api/search/grants?cpr=0705983267&pageSize=0').set('Authorization', caseworker);
      expectRefused(res, 400, 'pageSize');
      expect(res.text).not.toContain('0705983267');
    });
  });

  it('a valid request still answers 201 (control)', async () => {
    await post('/api/applications', draftBody({ company: { cvr: CVR, pNumber: P_NUMBER_NO_REP } })).expect(201);
  });
});
