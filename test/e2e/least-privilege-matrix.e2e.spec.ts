/**
 * Issue 10, part 4: the role × endpoint × own-or-foreign-organisation matrix, generated from the
 * served OpenAPI document so a new endpoint joins it by being served. A second job centre (461)
 * with its own company, citizen and one resource of every kind is the foreign world; every role
 * acts for its own organisation in job centre 101's world (and without a token). Each operation
 * that names a resource in its path is called with the foreign resource's id:
 * - a read answers 401, 403 or 404, except where the README's access table says the data is
 *   national (reference data);
 * - a command answers 4xx without reaching the foreign case's decider (never 2xx, 409 or 422)
 *   and appends nothing anywhere;
 * - no body ever holds the foreign citizen's CPR or name, or a foreign case id, except what the
 *   caller itself sent in the path.
 * Every list a role can read is then checked for the same foreign values. Auditors read every
 * organisation by design (they replay any case), so they are not part of the foreign matrix.
 */
import { DataSource } from 'typeorm';
import { Role } from '../../src/platform/auth/principal';
import { SEARCH_LISTS } from '../../projections/search/engine/search-lists';
import { CPR, CVR, draftBody, JOBCENTRE, OTHER_CVR, OTHER_P_NUMBER, P_NUMBER } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { act } from './grants.e2e-support';
import { schemeGrantBody } from './dfdg.e2e-support';

const FOREIGN_JOBCENTRE = '461';
const FOREIGN_CPR = '0705983267';
const FOREIGN_NAME = ['Ingrid', 'Kjærsgaard'];
const OWN_AA = 'aa-own';

/** The roles that act for an organisation, each with its own one in job centre 101's world. */
const OWN_ORG: Record<Exclude<Role, 'auditor'>, string> = {
  jobcentre: JOBCENTRE, 'company-support': JOBCENTRE, 'case-system': JOBCENTRE, company: CVR, 'employee-representative': P_NUMBER, citizen: CPR, 'anden-aktoer': OWN_AA,
};
const ROLES = Object.keys(OWN_ORG) as (keyof typeof OWN_ORG)[];

/**
 * Reads of national reference data (README, "Who may see what"): job centre staff in every job
 * centre draft cases for any company and any citizen of the country, and a company's P-units are
 * public (the CVR register) to every role that works with companies.
 */
const NATIONAL: Record<string, readonly Role[]> = {
  'GET /api/reference-data/companies/{cvr}/p-units': ['jobcentre', 'company-support', 'anden-aktoer'],
  'GET /api/reference-data/citizens/{cpr}': ['jobcentre', 'company-support'],
};

interface Operation { method: string; path: string; multipart: boolean }

describe('issue 10: least privilege, role × endpoint × foreign organisation (from /api/docs-json)', () => {
  let t: TestApp;
  let operations: Operation[];
  const foreign: Record<string, string> = {};
  const bearer = async (role: Role, org: string) => `Bearer ${await t.token(role, org)}`;
  const eventCount = async () => (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM events`))[0].n as number;

  beforeAll(async () => {
    // Every export becomes a job, so a foreign export job exists to be asked for.
    t = await createTestApp({ EXPORT_STREAM_MAX_ROWS: '0', PUSH_ALLOWED_HOSTS: '127.0.0.1' });
    const importer = await bearer('jobcentre', JOBCENTRE);
    await t.http.put('/api/reference-data/jobcentres').set('Authorization', importer).send([{ number: FOREIGN_JOBCENTRE, name: 'Jobcenter Vest' }]).expect(200);
    await t.http.put('/api/reference-data/citizens').set('Authorization', importer).send([{ cpr: FOREIGN_CPR, firstName: FOREIGN_NAME[0], lastName: FOREIGN_NAME[1] }]).expect(200);

    const them = {
      caseworker: await bearer('jobcentre', FOREIGN_JOBCENTRE), otherCaseworker: '', company: await bearer('company', OTHER_CVR),
      citizen: await bearer('citizen', FOREIGN_CPR), caseSystem: await bearer('case-system', FOREIGN_JOBCENTRE),
    };
    const theirs = { company: { cvr: OTHER_CVR, pNumber: OTHER_P_NUMBER }, citizen: { cpr: FOREIGN_CPR } };
    const created = async (path: string, who: string, body: object) => (await t.http.post(path).set('Authorization', who).send(body).expect(201)).body.id as string;
    foreign.application = await created('/api/applications', them.caseworker, draftBody({ scheme: 'company-placement', ...theirs }));
    foreign.grant = await created('/api/grants', them.caseworker, schemeGrantBody('public-benefit-work', theirs));
    await act(t, foreign.grant, 'send-for-approval', them.caseworker).expect(200);
    await act(t, foreign.grant, 'approve-as-company', them.company).expect(200);
    foreign.supplementaryGrant = await created('/api/supplementary-grants', them.caseworker, { parentGrantId: foreign.grant, type: 'mentor', justification: 'Mentor' });
    foreign.offer = await created('/api/offers', them.company, {
      scheme: 'wage-subsidy', pNumber: OTHER_P_NUMBER, jobcentre: FOREIGN_JOBCENTRE, onNationalList: false, hoursPerWeek: 37, workTasks: 'Montage',
    });
    foreign.iguAgreement = await created('/api/igu-agreements', them.caseworker, theirs);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 'x')]);
    const uploaded = await t.http.post(`/api/applications/${foreign.application}/attachments`).set('Authorization', them.company).attach('file', pdf, 'aftale.pdf').expect(201);
    foreign.sha256 = uploaded.body.attachments[0].sha256;
    foreign.exportJob = (await t.http.get('/api/search/grants/export').set('Authorization', them.caseworker).expect(202)).body.id;
    foreign.subscription = await created('/api/dfdg/subscriptions', them.caseSystem, { url: 'http://127.0.0.1:9/hook' });
    // The reproduction: job centre 101's case system assigns the 461 citizen to its own AA.
    await t.http.post('/api/dfdg/assignments').set('Authorization', await bearer('case-system', JOBCENTRE))
      .send({ records: [{ cpr: FOREIGN_CPR, aaId: OWN_AA, effectiveAt: '2026-03-01T08:00:00Z' }] }).expect(200);
    await t.settle();

    const { body } = await t.http.get('/api/docs-json').expect(200);
    operations = Object.entries<Record<string, { requestBody?: { content?: Record<string, unknown> } }>>(body.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, multipart: !!op.requestBody?.content?.['multipart/form-data'] || /attachments$|approve-with-file$/.test(path) })));
  });
  afterAll(() => t.close());

  /** The foreign resource an operation's path names, or null when it names none (lists, imports). */
  function foreignPath({ path }: Operation): string | null {
    if (!/\{(id|cpr|cvr|sha256)\}/.test(path)) return null;
    const caseType = path.match(/^\/api\/(applications|offers|grants|supplementary-grants|igu-agreements)\//)?.[1];
    const idOf: Record<string, string> = {
      applications: foreign.application, offers: foreign.offer, grants: foreign.grant, 'supplementary-grants': foreign.supplementaryGrant, 'igu-agreements': foreign.iguAgreement,
    };
    const id = caseType ? idOf[caseType] : path.startsWith('/api/exports/') ? foreign.exportJob : path.startsWith('/api/dfdg/subscriptions/') ? foreign.subscription : undefined;
    return path
      .replace('{id}', id ?? 'unmapped')
      .replace('{cpr}', FOREIGN_CPR)
      .replace('{cvr}', OTHER_CVR)
      // A grant's stored file: the foreign application's attachment (no grant carries one).
      .replace('{sha256}', foreign.sha256);
  }

  /** The body without `instance` (the path the caller sent) and without what the caller sent in the path. */
  function leaks(text: string, sentPath: string): string[] {
    const secrets = [FOREIGN_CPR, ...FOREIGN_NAME, foreign.application, foreign.grant, foreign.supplementaryGrant, foreign.offer, foreign.iguAgreement, foreign.exportJob, foreign.subscription];
    return secrets.filter((s) => !sentPath.includes(s) && text.includes(s));
  }

  function send(op: Operation, path: string, who: string | null) {
    const req = t.http[op.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](path);
    if (who) req.set('Authorization', who);
    if (op.method === 'GET' || op.method === 'DELETE') return req;
    return op.multipart ? req.attach('file', Buffer.from('%PDF-1.4\nx'), 'x.pdf') : req.send({});
  }

  it('every operation that names a foreign resource answers 401/403/404 (commands: a 4xx short of the decider), appends nothing and leaks nothing', async () => {
    const targeted = operations.filter((op) => foreignPath(op) !== null);
    expect(targeted.length).toBeGreaterThan(50); // the document is served whole
    expect(targeted.filter((op) => foreignPath(op)!.includes('unmapped'))).toEqual([]);
    const before = await eventCount();
    const failures: string[] = [];
    for (const op of targeted) {
      const path = foreignPath(op)!;
      for (const role of [...ROLES, null]) {
        const res = await send(op, path, role && (await bearer(role, OWN_ORG[role])));
        const where = `${op.method} ${op.path} as ${role ?? 'nobody'}: ${res.status}`;
        const national = role !== null && NATIONAL[`${op.method} ${op.path}`]?.includes(role);
        const { instance: _sentPath, ...rest } = (res.body ?? {}) as Record<string, unknown>;
        const text = /json/.test(String(res.headers['content-type'])) ? JSON.stringify(rest) : String(res.text ?? '');
        const leaked = national ? [] : leaks(text, path);
        if (leaked.length) failures.push(`${where} leaks ${leaked.join(', ')}`);
        if (op.method === 'GET') {
          if (!national && ![401, 403, 404].includes(res.status) && !(op.path === '/api/dfdg/assignments/{cpr}' && res.body?.jobcentre === OWN_ORG[role as keyof typeof OWN_ORG])) failures.push(where);
        } else if (res.status < 400 || res.status >= 500 || [409, 422].includes(res.status)) {
          failures.push(where);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await eventCount()).toBe(before);
  });

  it("a job centre's case system and staff reading a foreign citizen's assignments see their own job centre's only", async () => {
    for (const role of ['case-system', 'jobcentre'] as const) {
      const res = await t.http.get(`/api/dfdg/assignments/${FOREIGN_CPR}`).set('Authorization', await bearer(role, JOBCENTRE)).expect(200);
      expect(res.body).toMatchObject({ jobcentre: JOBCENTRE, aaId: OWN_AA });
      const asked = await t.http.get(`/api/dfdg/assignments/${FOREIGN_CPR}?jobcentre=${FOREIGN_JOBCENTRE}`).set('Authorization', await bearer(role, JOBCENTRE));
      expect(asked.status).toBe(403);
    }
  });

  it('every list, bubble, task list and message feed a role reads holds nothing of the foreign world', async () => {
    const lists = [
      ...SEARCH_LISTS.map((l) => `/api/search/${l.id}?pageSize=200`), '/api/bubbles', '/api/employer-tasks', '/api/dfdg/messages', '/api/dfdg/subscriptions',
      '/api/reference-data/companies',
    ];
    const failures: string[] = [];
    let read = 0;
    for (const role of ROLES) {
      const who = await bearer(role, OWN_ORG[role]);
      for (const path of lists) {
        const res = await t.http.get(path).set('Authorization', who);
        if (res.status >= 500) failures.push(`${path} as ${role}: ${res.status}`);
        if (res.status !== 200) continue;
        read++;
        // Company reference data is national (README): the foreign company may be listed, never the foreign world's people or cases.
        const leaked = leaks(JSON.stringify(res.body), '');
        if (leaked.length) failures.push(`${path} as ${role} leaks ${leaked.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(read).toBeGreaterThan(20);
  });

  it('the foreign world is visible to its own job centre: the matrix tests access, not missing data', async () => {
    const theirs = await bearer('jobcentre', FOREIGN_JOBCENTRE);
    for (const [type, id] of [['applications', foreign.application], ['grants', foreign.grant], ['supplementary-grants', foreign.supplementaryGrant], ['offers', foreign.offer], ['igu-agreements', foreign.iguAgreement]]) {
      await t.http.get(`/api/${type}/${id}`).set('Authorization', theirs).expect(200);
    }
    const grants = await t.http.get('/api/search/grants?pageSize=200').set('Authorization', theirs).expect(200);
    expect(JSON.stringify(grants.body)).toContain(FOREIGN_CPR);
    await t.http.get(`/api/exports/${foreign.exportJob}`).set('Authorization', theirs).expect(200);
    await t.http.get(`/api/dfdg/subscriptions/${foreign.subscription}`).set('Authorization', await bearer('case-system', FOREIGN_JOBCENTRE)).expect(200);
  });
});
