/**
 * Issue 4, push: real app, real PostgreSQL, real HTTP receivers on 127.0.0.1 (allow-listed). The outbox is
 * filled by hand (the projection's columns), so these specs are about delivery only; the
 * worker's timer is off and each pass is driven with `runOnce(now)`, `now` leaping past backoff.
 */
import { DataSource } from 'typeorm';
import { DfdgPushWorker } from '../../src/dfdg/push/delivery/push-worker';
import { JOBCENTRE, OTHER_JOBCENTRE } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { addMessages, createOutbox, expectInOrderPerCase, leapingClock, Receiver } from './dfdg-push.e2e-support';

const MAX_ATTEMPTS = 3;

describe('DFDG push delivery (issue 4)', () => {
  let t: TestApp;
  let db: DataSource;
  let worker: DfdgPushWorker;
  let caseSystem: string;
  let otherCaseSystem: string;
  const receivers: Receiver[] = [];
  const now = leapingClock();

  beforeAll(async () => {
    t = await createTestApp(
      { PUSH_ALLOWED_HOSTS: '127.0.0.1', DFDG_PUSH_INTERVAL_MS: '0', PROJECTIONS_ENABLED: 'false', DFDG_PUSH_MAX_ATTEMPTS: String(MAX_ATTEMPTS), DFDG_PUSH_BACKOFF_MS: '60000', DFDG_PUSH_BACKOFF_MAX_MS: '600000', DFDG_PUSH_TIMEOUT_MS: '30000' },
      { referenceData: false },
    );
    db = t.app.get(DataSource);
    worker = t.app.get(DfdgPushWorker);
    await createOutbox(db);
    caseSystem = `Bearer ${await t.token('case-system', JOBCENTRE)}`;
    otherCaseSystem = `Bearer ${await t.token('case-system', OTHER_JOBCENTRE)}`;
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.down()));
    await t.close();
  });

  const subscribe = async (who: string, url: string, body: object = {}) => {
    const res = await t.http.post('/api/dfdg/subscriptions').set('Authorization', who).send({ url, ...body }).expect(201);
    return { id: res.body.id as string, secret: res.body.secret as string };
  };
  const deliveries = async (who: string, id: string, status?: string) =>
    (await t.http.get(`/api/dfdg/subscriptions/${id}/deliveries`).query(status ? { status, pageSize: 500 } : { pageSize: 500 }).set('Authorization', who).expect(200)).body;

  it('a receiver that fails the first 3 pushes gets every message, in order per case, once by webhook-id, each signed', async () => {
    const early = await addMessages(db, JOBCENTRE, ['case-a', 'case-b', 'case-a']);
    const receiver = await Receiver.start((_push, i) => (i < 3 ? 500 : 204));
    receivers.push(receiver);
    const sub = await subscribe(caseSystem, receiver.url, { from: 'start' });
    const late = await addMessages(db, JOBCENTRE, ['case-c', 'case-b', 'case-a', 'case-c']);
    const foreign = await addMessages(db, OTHER_JOBCENTRE, ['case-x']);
    const expected = [...early, ...late].map((m) => m.messageId);

    for (let pass = 0; pass < 6 && (await deliveries(caseSystem, sub.id, 'delivered')).totalCount < expected.length; pass++) await worker.runOnce(now());

    expect(new Set(receiver.accepted().map((p) => p.id))).toEqual(new Set(expected));
    expect(receiver.accepted()).toHaveLength(expected.length); // accepted once each
    expect(receiver.uniqueIds().sort()).toEqual([...expected].sort()); // a deduplicating receiver counts each once
    expect(receiver.pushes.length).toBeGreaterThanOrEqual(expected.length + 3);
    expect(receiver.pushes.map((p) => p.id)).not.toContain(foreign[0].messageId);
    expectInOrderPerCase(receiver.accepted());
    receiver.verifyAll([sub.secret]);
    for (const p of receiver.pushes) expect(p.message.messageId).toBe(p.id);

    const state = await deliveries(caseSystem, sub.id);
    expect(state.totalCount).toBe(expected.length);
    expect(state.items.every((d: { status: string }) => d.status === 'delivered')).toBe(true);
    expect(state.items.reduce((n: number, d: { attempts: number }) => n + d.attempts, 0)).toBe(receiver.pushes.length);
  });

  it('a receiver down beyond the tries: dead-lettered, the case’s later message waits, other cases go on; redelivered once it is back', async () => {
    const receiver = await Receiver.start();
    receivers.push(receiver);
    await addMessages(db, OTHER_JOBCENTRE, ['case-y']); // before the subscription: not pushed (it starts at the end)
    const sub = await subscribe(otherCaseSystem, receiver.url);
    await receiver.down();
    const [d1, e1] = await addMessages(db, OTHER_JOBCENTRE, ['case-d', 'case-e']);

    for (let pass = 0; pass < MAX_ATTEMPTS; pass++) await worker.runOnce(now());
    const dead = await deliveries(otherCaseSystem, sub.id, 'dead');
    expect(dead.items.map((d: { messageId: string }) => d.messageId)).toEqual([d1.messageId, e1.messageId]);
    expect(dead.items[0]).toMatchObject({ attempts: MAX_ATTEMPTS, lastStatus: null, lastError: 'connection refused (ECONNREFUSED)', nextAttemptAt: null });

    await receiver.up();
    const [d2, f1] = await addMessages(db, OTHER_JOBCENTRE, ['case-d', 'case-f']);
    await worker.runOnce(now());
    expect(receiver.accepted().map((p) => p.id)).toEqual([f1.messageId]); // another case goes on
    const pending = await deliveries(otherCaseSystem, sub.id, 'pending');
    expect(pending.items).toEqual([expect.objectContaining({ messageId: d2.messageId, attempts: 0 })]); // waits behind dead d1

    const one = await t.http.post(`/api/dfdg/subscriptions/${sub.id}/redeliver`).set('Authorization', otherCaseSystem).send({ messageIds: [d1.messageId, f1.messageId] }).expect(200);
    expect(one.body).toEqual({ redelivered: 1, messageIds: [d1.messageId], notDead: [f1.messageId] });
    await worker.runOnce(now());
    expect(receiver.accepted().map((p) => p.id)).toEqual([f1.messageId, d1.messageId, d2.messageId]);
    expect((await deliveries(otherCaseSystem, sub.id, 'dead')).items.map((d: { messageId: string }) => d.messageId)).toEqual([e1.messageId]);

    const all = await t.http.post(`/api/dfdg/subscriptions/${sub.id}/redeliver`).set('Authorization', otherCaseSystem).send({}).expect(200);
    expect(all.body).toMatchObject({ redelivered: 1, messageIds: [e1.messageId] });
    await worker.runOnce(now());
    expect(receiver.uniqueIds()).toEqual([f1.messageId, d1.messageId, d2.messageId, e1.messageId]);
    expectInOrderPerCase(receiver.accepted());
    receiver.verifyAll([sub.secret]);
    expect((await deliveries(otherCaseSystem, sub.id)).items.map((d: { status: string }) => d.status)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
  });

  it('a rotated secret signs at once, and the previous one still signs during the grace period', async () => {
    const receiver = await Receiver.start();
    receivers.push(receiver);
    const sub = await subscribe(caseSystem, receiver.url);
    const rotated = await t.http.post(`/api/dfdg/subscriptions/${sub.id}/rotate-secret`).set('Authorization', caseSystem).send({}).expect(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(sub.secret);
    expect(Date.parse(rotated.body.previousSecretValidUntil)).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    await addMessages(db, JOBCENTRE, ['case-r']);
    await worker.runOnce(new Date());
    expect(receiver.pushes).toHaveLength(1);
    expect(receiver.pushes[0].signature.split(' ')).toHaveLength(2);
    receiver.verifyAll([rotated.body.secret]);
    receiver.verifyAll([sub.secret]);
  });
});
