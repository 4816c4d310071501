/** R32: every case's `links.self` is a real link to that very case, for every scheme. */
import { SCHEME_CODES, SCHEMES } from '../../src/registries/schemes';
import { JOBCENTRE, draftBody } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { grantBody } from './grants.e2e-support';

describe('links.self for every scheme (R32)', () => {
  let t: TestApp;
  let caseworker: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = `Bearer ${await t.token('jobcentre', JOBCENTRE)}`;
  });
  afterAll(() => t.close());

  const follow = async (self: string) => (await t.http.get(self).set('Authorization', caseworker).expect(200)).body;

  it.each(SCHEME_CODES)('R32 the application and the grant of scheme %s each link to themselves', async (scheme) => {
    const application = (await t.http.post('/api/applications').set('Authorization', caseworker).send(draftBody({ scheme })).expect(201)).body;
    expect(application.links.self).toBe(`/api/applications/${application.id}`);
    expect(await follow(application.links.self)).toMatchObject({ id: application.id, scheme });

    const compensating = SCHEMES[scheme].compensating;
    const grant = await t.http
      .post('/api/grants')
      .set('Authorization', caseworker)
      .send(grantBody({ scheme, hoursPerWeek: compensating ? undefined : 30, ...(scheme === 'flex-job' ? { fleksjob: { permanent: false, employedInOwnCompany: false } } : {}) }));
    expect(grant.status).toBe(201);
    expect(grant.body.links.self).toBe(`/api/grants/${grant.body.id}`);
    expect(await follow(grant.body.links.self)).toMatchObject({ id: grant.body.id, scheme });
  });
});
