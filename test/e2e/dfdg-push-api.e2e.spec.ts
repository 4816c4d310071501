/** Issue 4, push: managing subscriptions over the API, and the bad input it refuses. */
import { DataSource } from 'typeorm';
import { DfdgPushWorker } from '../../src/dfdg/push/delivery/push-worker';
import { generateSecret, verifyWebhook } from '../../src/dfdg/push/webhook-signature';
import { JOBCENTRE, OTHER_JOBCENTRE } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { addMessages, createOutbox, Receiver, tryVerify } from './dfdg-push.e2e-support';

describe('DFDG push subscriptions over the API (issue 4)', () => {
  let t: TestApp;
  let db: DataSource;
  let caseSystem: string;
  let foreignCaseSystem: string;
  const URL = 'https://case-system.kk.dk/dfdg/push';

  beforeAll(async () => {
    // Allow-listed: the made-up case system (so no DNS is asked) and the local receivers.
    t = await createTestApp({ PUSH_ALLOWED_HOSTS: 'case-system.kk.dk, 127.0.0.1', DFDG_PUSH_INTERVAL_MS: '0', PROJECTIONS_ENABLED: 'false' }, { referenceData: false });
    db = t.app.get(DataSource);
    await createOutbox(db);
    caseSystem = `Bearer ${await t.token('case-system', JOBCENTRE)}`;
    foreignCaseSystem = `Bearer ${await t.token('case-system', OTHER_JOBCENTRE)}`;
  });
  // Independent tests, and no push ever goes to the made-up URLs below.
  afterEach(() => db.query(`DELETE FROM dfdg_push_subscriptions`));
  afterAll(() => t.close());

  const create = (body: object, who = caseSystem) => t.http.post('/api/dfdg/subscriptions').set('Authorization', who).send(body);

  it('creates a subscription with a generated whsec_ secret, answered once: never listed, never shown again', async () => {
    await addMessages(db, JOBCENTRE, ['case-1', 'case-2']);
    const res = await create({ url: URL }).expect(201);
    expect(res.body).toMatchObject({ id: expect.any(String), url: URL, startsAfterSequence: 2, enqueuedThrough: 2, deliveries: { pending: 0, dead: 0, delivered: 0 } });
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(res.headers.location).toBe(`/api/dfdg/subscriptions/${res.body.id}`);

    const list = await t.http.get('/api/dfdg/subscriptions').set('Authorization', caseSystem).expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(res.body.id);
    const one = await t.http.get(`/api/dfdg/subscriptions/${res.body.id}`).set('Authorization', caseSystem).expect(200);
    for (const text of [list.text, one.text]) {
      expect(text).not.toContain(res.body.secret);
      expect(text).not.toContain('whsec_');
    }
    expect(one.body.secret).toBeUndefined();
  });

  it('starts from the beginning with from: start, and keeps a secret the case system chose', async () => {
    const secret = generateSecret();
    const res = await create({ url: 'http://127.0.0.1:8080/hook', secret, from: 'start' }).expect(201);
    expect(res.body).toMatchObject({ startsAfterSequence: 0, secret });
  });

  it('lists only the own job centre’s subscriptions; another job centre’s is a 404 everywhere', async () => {
    const { body: own } = await create({ url: URL }).expect(201);
    const foreignList = await t.http.get('/api/dfdg/subscriptions').set('Authorization', foreignCaseSystem).expect(200);
    expect(foreignList.body.items).toEqual([]);
    const as = (req: { set: (h: string, v: string) => unknown }) => req.set('Authorization', foreignCaseSystem) as Promise<{ status: number; body: Record<string, unknown> }>;
    const base = `/api/dfdg/subscriptions/${own.id}`;
    const unknownId = `${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}`;
    const unknown = await as(t.http.get(`/api/dfdg/subscriptions/${unknownId}`));
    for (const res of [
      await as(t.http.get(base)),
      await as(t.http.delete(base)),
      await as(t.http.post(`${base}/rotate-secret`).send({})),
      await as(t.http.post(`${base}/redeliver`).send({})),
      await as(t.http.get(`${base}/deliveries`)),
    ]) {
      expect(res.status).toBe(404);
      // Exactly what an id that does not exist answers: nothing about the other job centre.
      expect({ ...res.body, instance: undefined, detail: String(res.body.detail).replace(own.id, unknownId), id: undefined }).toEqual({ ...unknown.body, instance: undefined, id: undefined });
    }
    // And nothing happened to it: still there, secret not rotated.
    const after = await t.http.get(base).set('Authorization', caseSystem).expect(200);
    expect(after.body).toMatchObject({ id: own.id, previousSecretValidUntil: null });
  });

  it('refuses an invalid URL, naming url (400)', async () => {
    for (const url of ['not a url', 'ftp://case-system.kk.dk/x', 'https://user:pw@case-system.kk.dk/x', '/relative/path', 42, undefined]) {
      const res = await create({ url }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.field).toBe('url');
    }
  });

  it('refuses a malformed secret, an unknown from and unknown fields (400 naming the field)', async () => {
    expect((await create({ url: URL, secret: 'hunter2' }).expect(400)).body.field).toBe('secret');
    expect((await create({ url: URL, secret: 'whsec_c2hvcnQ=' }).expect(400)).body.field).toBe('secret');
    expect((await create({ url: URL, from: 'yesterday' }).expect(400)).body.field).toBe('from');
    expect((await create({ url: URL, events: ['all'] }).expect(400)).body.errors[0]).toMatchObject({ field: 'events', rule: 'unknown-field' });
  });

  it('refuses every role but case-system (403) and a missing token (401)', async () => {
    for (const role of ['jobcentre', 'company-support', 'auditor', 'anden-aktoer'] as const) {
      const who = `Bearer ${await t.token(role, JOBCENTRE)}`;
      const res = await create({ url: URL }, who).expect(403);
      expect(res.body.rule).toBe('authorization');
      await t.http.get('/api/dfdg/subscriptions').set('Authorization', who).expect(403);
    }
    await t.http.post('/api/dfdg/subscriptions').send({ url: URL }).expect(401);
  });

  it('bad path ids and query values are 400s naming the field', async () => {
    expect((await t.http.get('/api/dfdg/subscriptions/abc').set('Authorization', caseSystem).expect(400)).body.field).toBe('id');
    const { body: own } = await create({ url: URL }).expect(201);
    const base = `/api/dfdg/subscriptions/${own.id}`;
    expect((await t.http.get(`${base}/deliveries?status=lost`).set('Authorization', caseSystem).expect(400)).body.field).toBe('status');
    expect((await t.http.post(`${base}/redeliver`).set('Authorization', caseSystem).send({ messageIds: [] }).expect(400)).body.field).toBe('messageIds');
    await t.http.get(`/api/dfdg/subscriptions/${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}`).set('Authorization', caseSystem).expect(404);
  });

  it('deletes a subscription: gone from the list, 404 afterwards, and nothing more is pushed to it', async () => {
    const receiver = await Receiver.start();
    try {
      const { body: own } = await create({ url: receiver.url }).expect(201);
      await t.http.delete(`/api/dfdg/subscriptions/${own.id}`).set('Authorization', caseSystem).expect(204);
      await t.http.get(`/api/dfdg/subscriptions/${own.id}`).set('Authorization', caseSystem).expect(404);
      await t.http.delete(`/api/dfdg/subscriptions/${own.id}`).set('Authorization', caseSystem).expect(404);
      const list = await t.http.get('/api/dfdg/subscriptions').set('Authorization', caseSystem).expect(200);
      expect(list.body.items.map((s: { id: string }) => s.id)).not.toContain(own.id);
      await addMessages(db, JOBCENTRE, ['case-3']);
      await t.app.get(DfdgPushWorker).runOnce(new Date());
      expect(receiver.pushes).toEqual([]);
    } finally {
      await receiver.down();
    }
  });

  it('a push verified with a wrong secret fails, as does a replay of an old one', async () => {
    const receiver = await Receiver.start();
    try {
      const { body: own } = await create({ url: receiver.url }).expect(201);
      await addMessages(db, JOBCENTRE, ['case-4']);
      await t.app.get(DfdgPushWorker).runOnce(new Date());
      const [push] = receiver.pushes;
      const headers = { 'webhook-id': push.id, 'webhook-timestamp': push.timestamp, 'webhook-signature': push.signature };
      expect(tryVerify(own.secret, headers, push.body)).toBe(true);
      expect(tryVerify(generateSecret(), headers, push.body)).toBe(false);
      expect(tryVerify(own.secret, headers, push.body.replace('case-4', 'case-5'))).toBe(false);
      expect(tryVerify(own.secret, { ...headers, 'webhook-id': 'another-id' }, push.body)).toBe(false);
      // The same push replayed ten minutes later: its signature is right, its timestamp too old.
      expect(() => verifyWebhook(own.secret, headers, push.body, 300, Date.now() + 600_000)).toThrow(/outside the tolerance/);
      expect(verifyWebhook(own.secret, headers, push.body)).toMatchObject({ messageId: push.id, caseId: 'case-4' });
    } finally {
      await receiver.down();
    }
  });
});
