/**
 * Issue 10, push subscriptions cannot reach inside (SSRF): the real app on a real PostgreSQL.
 * Only one local receiver is allow-listed (PUSH_ALLOWED_HOSTS=127.0.0.1:<its port>); every
 * other inside address is refused when subscribing, and again at each push. Nothing here
 * connects beyond 127.0.0.1: the refusals come before any connection, and no test URL needs DNS
 * except `localhost`, which is refused by name.
 */
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { DfdgPushWorker } from '../../src/dfdg/push/delivery/push-worker';
import { JOBCENTRE } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { addMessages, createOutbox, Receiver } from './dfdg-push.e2e-support';

describe('DFDG push subscriptions cannot reach inside (issue 10)', () => {
  let t: TestApp;
  let db: DataSource;
  let receiver: Receiver;
  let caseSystem: string;
  let appPort: number;

  beforeAll(async () => {
    receiver = await Receiver.start();
    const env = { PUSH_ALLOWED_HOSTS: new URL(receiver.url).host, DFDG_PUSH_INTERVAL_MS: '0', PROJECTIONS_ENABLED: 'false', DFDG_PUSH_BACKOFF_MS: '60000' };
    t = await createTestApp(env, { referenceData: false });
    db = t.app.get(DataSource);
    await createOutbox(db);
    // The app itself listens on loopback, as it would in production: a push must not call it.
    await t.app.listen(0, '127.0.0.1');
    appPort = (t.app.getHttpServer().address() as AddressInfo).port;
    caseSystem = `Bearer ${await t.token('case-system', JOBCENTRE)}`;
  });
  afterEach(async () => {
    await db.query(`DELETE FROM dfdg_push_subscriptions`);
    receiver.answer = () => 204;
    receiver.pushes.length = 0;
  });
  afterAll(async () => {
    await receiver.down();
    await t.close();
  });

  const create = (url: string) => t.http.post('/api/dfdg/subscriptions').set('Authorization', caseSystem).send({ url });
  const deliveries = async (id: string) => (await t.http.get(`/api/dfdg/subscriptions/${id}/deliveries`).set('Authorization', caseSystem).expect(200)).body;

  it.each([
    ['the cloud metadata address', 'https://169.254.169.254/latest/meta-data/iam/security-credentials/', /cloud metadata/],
    ['the metadata address over http', 'http://169.254.169.254/latest/meta-data/', /cloud metadata/],
    ['the metadata service by name', 'https://metadata.google.internal/computeMetadata/v1/', /cloud metadata/],
    ['the app’s own port on loopback (https)', 'https://127.0.0.1:{appPort}/api/dfdg/messages', /127\.0\.0\.1 is a loopback address/],
    ['the app’s own port on loopback (http)', 'http://127.0.0.1:{appPort}/api/dfdg/messages', /http is allowed only for hosts in PUSH_ALLOWED_HOSTS/],
    ['IPv6 loopback', 'https://[::1]:{appPort}/', /is a loopback address/],
    ['IPv4-mapped IPv6 loopback', 'https://[::ffff:127.0.0.1]:{appPort}/', /is a loopback address/],
    ['loopback spelled as a decimal number', 'https://2130706433:{appPort}/', /127\.0\.0\.1 is a loopback address/],
    ['loopback spelled in hex', 'https://0x7f000001:{appPort}/', /is a loopback address/],
    ['a private address', 'https://10.1.2.3/dfdg/push', /10\.1\.2\.3 is a private address/],
    ['a link-local IPv6 address', 'https://[fe80::1]/dfdg/push', /is a link-local address/],
    ['a public-looking name over http', 'http://sag.jobcenter101.example/dfdg/push', /url must use https/],
    ['a name for loopback', 'https://localhost:{appPort}/api/dfdg/messages', /localhost is loopback/],
    ['another port of the allow-listed receiver host', 'http://127.0.0.1:{appPort}/dfdg/push', /PUSH_ALLOWED_HOSTS/],
  ])('refuses %s with a 422 naming url and the rule', async (_what, template, why) => {
    const res = await create(template.replace('{appPort}', String(appPort))).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 422, field: 'url', rule: 'push-url-policy' });
    expect(res.body.detail).toMatch(why);
    const list = await t.http.get('/api/dfdg/subscriptions').set('Authorization', caseSystem).expect(200);
    expect(list.body.items).toEqual([]);
  });

  it('echoes no more than a bounded excerpt of a long URL', async () => {
    const path = `/${'secret-path-segment/'.repeat(40)}`;
    const res = await create(`https://10.9.8.7${path}`).expect(422);
    expect(res.body.detail).not.toContain('secret-path-segment');
    expect(JSON.stringify(res.body).length).toBeLessThan(600);
  });

  it('a URL the parser cannot read is a 400 naming url', async () => {
    for (const url of ['https://exa mple.org/', 'https://[::1/', 'https://999.1.1.1.1/']) {
      const res = await create(url).expect(400);
      expect(res.body.field).toBe('url');
    }
  });

  it('the allow-listed local receiver works end to end: subscribed over http, pushed, verified', async () => {
    const sub = await create(receiver.url).expect(201);
    const [m] = await addMessages(db, JOBCENTRE, ['case-allowed']);
    await t.app.get(DfdgPushWorker).runOnce(new Date());
    expect(receiver.uniqueIds()).toEqual([m.messageId]);
    receiver.verifyAll([sub.body.secret]);
    expect((await deliveries(sub.body.id)).items[0]).toMatchObject({ status: 'delivered', lastStatus: 204, lastError: null });
  });

  it('lastError keeps the receiver’s status and never its body', async () => {
    receiver.refusalBody = 'upstream said: password=hunter2-SECRET-body';
    receiver.answer = () => 500;
    try {
      const sub = await create(receiver.url).expect(201);
      await addMessages(db, JOBCENTRE, ['case-500']);
      await t.app.get(DfdgPushWorker).runOnce(new Date());
      expect(receiver.pushes).toHaveLength(1);
      const res = await t.http.get(`/api/dfdg/subscriptions/${sub.body.id}/deliveries`).set('Authorization', caseSystem).expect(200);
      expect(res.body.items[0]).toMatchObject({ status: 'pending', lastStatus: 500, lastError: 'HTTP 500 from receiver' });
      expect(res.text).not.toContain('hunter2');
      expect(res.text).not.toContain('upstream said');

      // A row recorded before this rule (status, then the body's start) is shown without the body.
      await db.query(`UPDATE dfdg_push_deliveries SET last_error = 'HTTP 503: <html>db password=hunter2</html>' WHERE subscription_id = $1`, [sub.body.id]);
      const legacy = await t.http.get(`/api/dfdg/subscriptions/${sub.body.id}/deliveries`).set('Authorization', caseSystem).expect(200);
      expect(legacy.body.items[0].lastError).toBe('HTTP 503 from receiver');
      expect(legacy.text).not.toContain('hunter2');
    } finally {
      receiver.refusalBody = 'receiver says no';
    }
  });

  it('checked again at each push: a process whose allow-list no longer holds the receiver refuses, records why, and never connects', async () => {
    const sub = await create(receiver.url).expect(201);
    // A second process on the same database, started without the allow-list.
    // The same backoff of a minute: a refused try is not tried again within this pass, however slow the machine.
    const strict = await createTestApp({ DFDG_PUSH_INTERVAL_MS: '0', PROJECTIONS_ENABLED: 'false', DFDG_PUSH_BACKOFF_MS: '60000' }, { referenceData: false, databaseUrl: t.config.databaseUrl });
    try {
      await addMessages(db, JOBCENTRE, ['case-strict']);
      expect(await strict.app.get(DfdgPushWorker).runOnce(new Date())).toMatchObject({ attempted: 1, failed: 1, delivered: 0 });
      expect(receiver.pushes).toEqual([]);
      expect((await deliveries(sub.body.id)).items[0]).toMatchObject({
        status: 'pending', attempts: 1, lastStatus: null, lastError: 'refused: http to a host not in PUSH_ALLOWED_HOSTS',
      });
    } finally {
      await strict.close();
    }
    // Back in a process that allows it, the same delivery goes through.
    await t.app.get(DfdgPushWorker).runOnce(new Date(Date.now() + 120_000)); // past the first backoff (at most 60 s)
    expect((await deliveries(sub.body.id)).items[0]).toMatchObject({ status: 'delivered', attempts: 2, lastError: null });
  });
});
