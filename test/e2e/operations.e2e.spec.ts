/**
 * What operators rely on: /health, /metrics, the OpenAPI document and request/correlation ids.
 * These routes are public (no token), and nothing here is mocked.
 */
import { DataSource } from 'typeorm';
import { UUID_PATTERN } from '../../src/platform/events/uuidv7';
import { EVENT_STORE, EventStore } from '../../src/platform/event-store/event-store.port';
import { createTestApp, TestApp } from '../support/test-app';
import { JOBCENTRE, draftBody } from '../support/fixtures';

const draft = draftBody();


/** The value of one sample line of a Prometheus text exposition, or undefined. */
function sample(text: string, name: string, labels: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('operations endpoints', () => {
  let t: TestApp;
  let caseworker: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = `Bearer ${await t.token('jobcentre', JOBCENTRE)}`;
  });
  afterAll(() => t.close());

  it('GET /health: 200 with the database, the event store and the search projection lag', async () => {
    await t.http.post('/api/applications').set('Authorization', caseworker).send(draft).expect(201);
    await t.settle();
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'up', database: { status: 'up' }, eventStore: { status: 'up' } });
    const search = res.body.projections.find((p: { name: string }) => p.name === 'search_cases');
    expect(search).toMatchObject({ name: 'search_cases', lag: 0, leader: true, running: true });
    expect(search.lastError).toBeUndefined();
  });

  it('GET /metrics: Prometheus text with request durations, appended events and projection lag', async () => {
    const before = await t.http.get('/metrics').expect(200);
    const appendedBefore = sample(before.text, 'events_appended_total', 'type="ApplicationDraftCreated"') ?? 0;
    const { body } = await t.http.post('/api/applications').set('Authorization', caseworker).send(draft).expect(201);
    await t.http.get(`/api/applications/${body.id}`).set('Authorization', caseworker).expect(200);
    await t.settle();

    const res = await t.http.get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(sample(res.text, 'events_appended_total', 'type="ApplicationDraftCreated"')).toBe(appendedBefore + 1);
    expect(sample(res.text, 'events_appended_total', 'type="DraftLinkEmailSent"')).toBeGreaterThanOrEqual(1);
    expect(sample(res.text, 'projection_lag_events', 'projection="search_cases"')).toBe(0);
    // Requests are labelled by route pattern, never by the id in the path.
    expect(sample(res.text, 'http_request_duration_seconds_count', 'method="POST",route="/api/applications",status="201"')).toBeGreaterThanOrEqual(1);
    expect(sample(res.text, 'http_request_duration_seconds_count', 'method="GET",route="/api/applications/:id",status="200"')).toBeGreaterThanOrEqual(1);
    expect(res.text).not.toContain(body.id);
  });

  it('GET /metrics: a request that matched no route does not put its path in a label', async () => {
    const probe = `/probe-${Date.now()}`;
    await t.http.get(probe).expect(404);
    await t.http.post(`${probe}/x`).set('Content-Type', 'application/json').send('{oops').expect(400);
    await t.http.post(`${probe}/y`).set('Content-Type', 'application/json').send(JSON.stringify({ big: 'x'.repeat(t.config.bodyLimitBytes) })).expect(413);
    const res = await t.http.get('/metrics').expect(200);
    expect(res.text).not.toContain(probe);
    expect(sample(res.text, 'http_request_duration_seconds_count', 'method="GET",route="unmatched",status="404"')).toBeGreaterThanOrEqual(1);
  });

  it('GET /api/docs-json: the OpenAPI document with the applications paths and bearer security', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/applications',
        '/api/applications/{id}',
        '/api/applications/{id}/sign-as-company',
        '/api/applications/{id}/approve',
        '/api/applications/{id}/reject',
        '/health',
        '/metrics',
      ]),
    );
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/applications'].post.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/applications/{id}'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/applications'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/CreateApplicationDraftDto');
    expect(doc.components.schemas.CreateApplicationDraftDto.properties.scheme.enum).toContain('wage-subsidy');
  });

  it('GET /api/docs: the Swagger UI page', async () => {
    const res = await t.http.get('/api/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toMatch(/swagger/i);
  });

  describe('request and correlation ids', () => {
    it('every answer carries a UUIDv7 request id, and the correlation id defaults to it', async () => {
      const a = await t.http.get('/health');
      const b = await t.http.get('/health');
      expect(a.headers['x-request-id']).toMatch(UUID_PATTERN);
      expect(a.headers['x-request-id'].charAt(14)).toBe('7');
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
      expect(a.headers['x-correlation-id']).toBe(a.headers['x-request-id']);
    });

    it('a well-formed X-Correlation-Id is echoed and carried into the metadata of the appended events', async () => {
      const correlationId = 'order-2025:abc.123_x';
      const res = await t.http.post('/api/applications').set('Authorization', caseworker).set('X-Correlation-Id', correlationId).send(draft).expect(201);
      expect(res.headers['x-correlation-id']).toBe(correlationId);
      const events = await t.app.get<EventStore>(EVENT_STORE).readStream(`application-${res.body.id}`);
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) {
        expect(e.metadata).toMatchObject({ correlationId, causationId: res.headers['x-request-id'], principal: { role: 'jobcentre', org: JOBCENTRE } });
      }
    });

    it.each([
      ['spaces', 'has spaces in it'],
      ['too long', 'x'.repeat(129)],
      ['angle brackets', '<script>'],
    ])('a malformed X-Correlation-Id (%s) is replaced by the request id', async (_label, value) => {
      const res = await t.http.get('/health').set('X-Correlation-Id', value);
      expect(res.headers['x-correlation-id']).toBe(res.headers['x-request-id']);
    });

    it('problem answers carry the ids too', async () => {
      const res = await t.http.get('/api/search/applications').set('X-Correlation-Id', 'trace-401');
      expect(res.status).toBe(401);
      expect(res.headers['x-correlation-id']).toBe('trace-401');
      expect(res.headers['x-request-id']).toMatch(UUID_PATTERN);
    });
  });
});
