/**
 * Issue 13 item 3: the code lists. Each expected list is built here from the registries, in a
 * different way from the endpoint, so a list that drifts from its registry fails; the spot
 * checks pin a few Danish labels and DFDG codes as domain.md states them.
 */
import { createHash } from 'node:crypto';
import { CodeLists } from '../../src/code-lists/code-lists.service';
import { Role } from '../../src/platform/auth/principal';
import { CESSATION_REASONS } from '../../src/registries/cessation-reasons';
import { DFDG_CODES } from '../../src/registries/dfdg-codes';
import { SCHEMES, Scheme } from '../../src/registries/schemes';
import { CASE_TYPE_LABELS } from '../../src/registries/search-display';
import { SIGNING_METHODS } from '../../src/registries/signing-methods';
import { APPLICATION_STATUSES, GRANT_STATUSES, IGU_AGREEMENT_STATUSES, OFFER_STATUSES } from '../../src/registries/statuses';
import { SUPPLEMENTARY_GRANT_TYPES } from '../../src/registries/supplementary-grant-types';
import { ORG_OF_ROLE } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const NAMES = ['schemes', 'statuses', 'cessation-reasons', 'dfdg-cessation-codes', 'supplementary-grant-types', 'signing-methods'];
const dfdg = (code: keyof typeof DFDG_CODES | null) => ({ dfdgCode: code, dfdgLabel: code === null ? null : DFDG_CODES[code].text });
const statusesOf = (registry: Record<string, string>) => Object.entries(registry).map(([code, label]) => ({ code, label, listed: code !== 'closed-unused' }));

describe('code lists (issue 13 item 3)', () => {
  let t: TestApp;
  let caseworker: string;
  const get = (path: string) => t.http.get(`/api/code-lists${path}`).set('Authorization', caseworker);
  const items = async (name: string) => (await get(`/${name}`).expect(200)).body.items;

  beforeAll(async () => {
    t = await createTestApp({ FEATURE_MITID_ERHVERV: 'true' }, { referenceData: false });
    caseworker = `Bearer ${await t.token('jobcentre', ORG_OF_ROLE.jobcentre)}`;
  });
  afterAll(() => t.close());

  it('GET /api/code-lists names every list with its description and link', async () => {
    const index = (await get('').expect(200)).body;
    expect(index).toEqual(NAMES.map((name) => ({ name, description: expect.any(String), links: { self: `/api/code-lists/${name}` } })));
    for (const { name, description, links } of index) expect((await t.http.get(links.self).set('Authorization', caseworker).expect(200)).body).toMatchObject({ name, description, links });
  });

  it('every authenticated role may read them: public code lists, no personal data', async () => {
    for (const [role, org] of Object.entries(ORG_OF_ROLE)) {
      const who = `Bearer ${await t.token(role as Role, org)}`;
      await t.http.get('/api/code-lists').set('Authorization', who).expect(200);
      await t.http.get('/api/code-lists/cessation-reasons').set('Authorization', who).expect(200);
    }
  });

  it('schemes: every scheme of the registry with its Danish label; company-placement is Virksomhedspraktik (VP)', async () => {
    const schemes = await items('schemes');
    expect(schemes).toEqual(Object.entries(SCHEMES).map(([code, s]) => ({ code, label: s.label, abbreviation: s.abbreviation, compensating: s.compensating })));
    expect(schemes.find((s: { code: string }) => s.code === 'company-placement')).toEqual({ code: 'company-placement', label: 'Virksomhedspraktik', abbreviation: 'VP', compensating: false });
  });

  it("statuses per case type; a supplementary grant has the grant statuses it can reach; 'closed-unused' is not listed (R18, D7)", async () => {
    const { 'awaiting-citizen': _pa, terminated: _terminated, closed: _closed, ...supplementary } = GRANT_STATUSES; // domain.md §3.4
    expect(await items('statuses')).toEqual([
      { caseType: 'application', caseTypeLabel: CASE_TYPE_LABELS.application, statuses: statusesOf(APPLICATION_STATUSES) },
      { caseType: 'offer', caseTypeLabel: CASE_TYPE_LABELS.offer, statuses: statusesOf(OFFER_STATUSES) },
      { caseType: 'grant', caseTypeLabel: CASE_TYPE_LABELS.grant, statuses: statusesOf(GRANT_STATUSES) },
      { caseType: 'supplementary-grant', caseTypeLabel: CASE_TYPE_LABELS['supplementary-grant'], statuses: statusesOf(supplementary) },
      { caseType: 'igu-agreement', caseTypeLabel: CASE_TYPE_LABELS['igu-agreement'], statuses: statusesOf(IGU_AGREEMENT_STATUSES) },
    ]);
    const grant = (await items('statuses')).find((c: { caseType: string }) => c.caseType === 'grant');
    expect(grant.statuses).toContainEqual({ code: 'closed-unused', label: 'Lukket bevilling (ej brugt)', listed: false });
    expect(grant.statuses).toContainEqual({ code: 'active', label: 'Aktiv', listed: true });
  });

  it('cessation reasons per scheme, each registry entry exactly once, sub-reasons under their reason (D1)', async () => {
    const perScheme = await items('cessation-reasons');
    const expected = (Object.keys(SCHEMES) as Scheme[]).map((scheme) => {
      const own = CESSATION_REASONS.filter((r) => r.scheme === scheme);
      return {
        scheme,
        schemeLabel: SCHEMES[scheme].label,
        assumption: own.some((r) => r.assumption === true),
        reasons: own
          .filter((r) => r.subReasonId === null)
          .map((r) => ({
            id: r.reasonId, label: r.text, requiresSubReason: Boolean(r.requiresSubReason), ...dfdg(r.dfdgCode),
            subReasons: own.filter((s) => s.reasonId === r.reasonId && s.subReasonId !== null).map((s) => ({ id: s.subReasonId, label: s.text, ...dfdg(s.dfdgCode) })),
          })),
      };
    });
    expect(perScheme).toEqual(expected);
    const entries = perScheme.flatMap((s: { reasons: { subReasons: unknown[] }[] }) => s.reasons.flatMap((r) => [r, ...r.subReasons]));
    expect(entries).toHaveLength(CESSATION_REASONS.length);
  });

  it('D1 marks the reasons of the schemes the source does not list as an assumption, and only those', async () => {
    const marked = (await items('cessation-reasons')).filter((s: { assumption: boolean }) => s.assumption).map((s: { scheme: string }) => s.scheme);
    expect(marked.sort()).toEqual(['assistive-aid', 'flex-job', 'igu', 'job-rotation', 'mentor', 'personal-assistant', 'public-benefit-work']);
  });

  it('spot checks: LT reason 2 needs a sub-reason and maps to no code (R39); LT 0 is 15 (R63); 14 only by the rules (R41)', async () => {
    const lt = (await items('cessation-reasons')).find((s: { scheme: string }) => s.scheme === 'wage-subsidy');
    expect(lt.schemeLabel).toBe('Løntilskud');
    const reason = (id: number) => lt.reasons.find((r: { id: number }) => r.id === id);
    expect(reason(2)).toEqual({
      id: 2, label: 'Den ansatte er ophørt før tid', requiresSubReason: true, dfdgCode: null, dfdgLabel: null,
      subReasons: [
        { id: 10, label: 'Borgeren har opsagt sin ansættelse', dfdgCode: null, dfdgLabel: null },
        { id: 11, label: 'Borgeren er opsagt af virksomheden', dfdgCode: null, dfdgLabel: null },
        { id: 5, label: 'Borgeren er udeblevet fra aktivitet', dfdgCode: null, dfdgLabel: null },
        { id: 4, label: 'Borgeren har ikke fulgt aktiviteten', dfdgCode: null, dfdgLabel: null },
      ],
    });
    expect(reason(0)).toEqual({
      id: 0, label: 'Den ansatte stopper, da løntilskudsperioden er udløbet', requiresSubReason: false, dfdgCode: 15, dfdgLabel: 'Aktivitetsperioden er afsluttet ordinært', subReasons: [],
    });
    expect(reason(4)).toMatchObject({ label: 'Aflyst af jobcenter eller anden aktør', dfdgCode: 3, dfdgLabel: 'Aflyst af jobcenter/AA/A-kasse/Kursusudbyder' });
    const codes = await items('dfdg-cessation-codes');
    expect(codes).toEqual(Object.entries(DFDG_CODES).map(([code, c]) => ({ code: Number(code), label: c.text, selectableByCaseworker: c.selectableByCaseworker })));
    expect(codes).toContainEqual({ code: 14, label: 'Bevilling ikke godkendt', selectableByCaseworker: false });
    expect(JSON.stringify(await items('cessation-reasons'))).not.toContain('"dfdgCode":14');
  });

  it('supplementary grant types and signing methods; MitID Erhverv is enabled only with its feature flag (R37, D14)', async () => {
    expect(await items('supplementary-grant-types')).toEqual(Object.entries(SUPPLEMENTARY_GRANT_TYPES).map(([code, s]) => ({ code, label: s.label })));
    const methods = (enabled: boolean) => Object.entries(SIGNING_METHODS).map(([code, m]) => ({ code, label: m.label, featureFlag: m.featureFlag, enabled: m.featureFlag === null || enabled }));
    expect(await items('signing-methods')).toEqual(methods(true));
    const flagOff = new CodeLists({ ...t.config, features: { mitidErhverv: false } });
    expect(flagOff.get('signing-methods').body.items).toEqual(methods(false));
    expect(methods(false)).toContainEqual({ code: 'mitid-business', label: 'MitID Erhverv', featureFlag: 'mitidErhverv', enabled: false });
  });

  it('ETag is the SHA-256 of the body; If-None-Match answers 304; shared caches may keep a list for an hour', async () => {
    for (const path of ['', '/schemes']) {
      const res = await get(path).expect(200);
      expect(res.headers.etag).toBe(`"${createHash('sha256').update(res.text).digest('base64url')}"`);
      expect(res.headers['cache-control']).toBe('public, max-age=3600');
      await get(path).set('If-None-Match', res.headers.etag).expect(304);
      await get(path).set('If-None-Match', '"something-else"').expect(200);
    }
    expect((await get('/schemes')).headers.etag).not.toBe((await get('/statuses')).headers.etag);
  });

  it('an unknown name is a 404 naming name (rule code-list); a malformed one a 400 naming name', async () => {
    const unknown = await get('/nope').expect(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toMatchObject({ status: 404, rule: 'code-list', field: 'name' });
    for (const bad of ['Schemes', 'scheme_s', 'a'.repeat(41), '%20']) {
      const res = await get(`/${bad}`).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, rule: 'code-list-name-format', field: 'name' });
    }
  });

  it('401 without a token', async () => {
    for (const path of ['/api/code-lists', '/api/code-lists/schemes', '/api/code-lists/nope']) {
      expect((await t.http.get(path).expect(401)).body).toMatchObject({ status: 401, rule: 'authentication' });
    }
  });

  it('OpenAPI: the name parameter with its enum, the list schemas, and the 400 and 404 problems', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const one = doc.paths['/api/code-lists/{name}'].get;
    expect(one.parameters.filter((p: { in: string }) => p.in === 'path')).toEqual([expect.objectContaining({ name: 'name', required: true, schema: expect.objectContaining({ enum: NAMES }) })]);
    expect(Object.keys(one.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
    expect(one.responses['200'].content['application/json'].schema.oneOf).toHaveLength(NAMES.length);
    expect(one.responses['404'].content).toHaveProperty(['application/problem+json']);
    expect(doc.components.schemas).toHaveProperty('SchemeCessationReasonsModel');
    expect(doc.paths['/api/code-lists'].get.responses['200'].content['application/json'].schema).toEqual({ type: 'array', items: { $ref: '#/components/schemas/CodeListSummaryModel' } });
  });
});
