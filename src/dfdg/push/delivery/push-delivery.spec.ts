/**
 * The delivery worker's mechanics on a real PostgreSQL with real receivers: timeouts, backoff,
 * the cluster-wide lock, a process dying mid-push, and order per case under random failures.
 */
import { DataSource } from 'typeorm';
import { addMessages, createOutbox, expectInOrderPerCase, leapingClock, Receiver } from '../../../../test/e2e/dfdg-push.e2e-support';
import { createEmptyDatabase } from '../../../../test/support/test-database';
import { loadConfig } from '../../../platform/config/config';
import { runMigrations } from '../../../platform/database/migrate';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { PushUrlPolicy } from '../url-policy/push-url-policy';
import { generateSecret } from '../webhook-signature';
import { backoffDelayMs } from './backoff';
import { PushDelivery, PushPolicy } from './push-delivery';
import { DfdgPushWorker } from './push-worker';
import { until } from '../../../../test/support/wait';

const POLICY: PushPolicy = { maxAttempts: 5, timeoutMs: 300, backoffBaseMs: 1000, backoffMaxMs: 60_000, concurrency: 8 };
/**
 * For pushes that must succeed or carry the receiver's own answer: a timeout no loaded machine
 * reaches, so a slow answer is never mistaken for a failed try (and pushed again). POLICY's short
 * timeout is only for pushes to a receiver that never answers, which time out at any speed.
 */
const PATIENT: PushPolicy = { ...POLICY, timeoutMs: 30_000 };
/** The receivers listen on 127.0.0.1, which only the allow-list lets pushes reach. */
const LOCAL = new PushUrlPolicy(['127.0.0.1']);

describe('DFDG push delivery worker', () => {
  let url: string;
  const sources: DataSource[] = [];
  const receivers: Receiver[] = [];
  let jobcentreNo = 500;

  /** A fresh "process": its own connection pool on the shared database. */
  const connect = async () => {
    const db = await new DataSource({ type: 'postgres', url, extra: { max: 10 } }).initialize();
    sources.push(db);
    return db;
  };
  const receiver = async (...args: Parameters<typeof Receiver.start>) => {
    const r = await Receiver.start(...args);
    receivers.push(r);
    return r;
  };
  /** A subscription of a job centre of its own, so tests do not see each other's messages. */
  const subscribe = async (db: DataSource, target: string) => {
    const jobcentre = String(jobcentreNo++);
    const sub = await new SubscriptionsRepository(db).create({ jobcentre, url: target, secret: generateSecret(), from: 'start', createdBy: 'test' });
    return { jobcentre, id: sub.id };
  };
  const state = async (db: DataSource, subscriptionId: string) =>
    db.query(`SELECT message_id, status, attempts, next_attempt_at, last_attempt_at, last_status, last_error FROM dfdg_push_deliveries WHERE subscription_id = $1 ORDER BY sequence`, [subscriptionId]);
  const waitFor = (what: string, condition: () => boolean, timeoutMs = 30_000) => until(what, condition, timeoutMs, 10);

  beforeAll(async () => {
    url = await createEmptyDatabase('push');
    await runMigrations(url);
    await createOutbox(await connect());
  });
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.down()));
    await sources[0].query(`DELETE FROM dfdg_push_subscriptions`);
  });
  afterAll(() => Promise.all(sources.map((s) => s.destroy())));

  it('does nothing before the outbox projection has created its table', async () => {
    const db = await connect();
    await db.query(`ALTER TABLE dfdg_messages RENAME TO dfdg_messages_hidden`);
    try {
      expect(await new PushDelivery(db, POLICY, LOCAL).pass()).toEqual({ enqueued: 0, attempted: 0, delivered: 0, failed: 0, dead: 0 });
    } finally {
      await db.query(`ALTER TABLE dfdg_messages_hidden RENAME TO dfdg_messages`);
    }
  });

  it('a receiver slower than the timeout is a failed try, retried after a backoff with full jitter', async () => {
    const db = sources[0];
    // It hangs until the first pass is over (whenever the push reached it), then answers at once.
    let hang = true;
    const slow = await receiver(() => (hang ? 'hang' : 204));
    const sub = await subscribe(db, slow.url);
    const [m] = await addMessages(db, sub.jobcentre, ['case-1']);
    const now = new Date();
    const run = await new PushDelivery(db, POLICY, LOCAL, () => 0.5).pass(now);
    expect(run).toMatchObject({ enqueued: 1, attempted: 1, failed: 1, delivered: 0 });
    hang = false;
    const [row] = await state(db, sub.id);
    expect(row).toMatchObject({ message_id: m.messageId, status: 'pending', attempts: 1, last_status: null, last_error: 'timeout after 300 ms' });
    // Half (the jitter) of the first cap (the base).
    expect(row.next_attempt_at.getTime() - row.last_attempt_at.getTime()).toBe(500);

    expect(await new PushDelivery(db, POLICY, LOCAL).pass(new Date(now.getTime() + 100))).toMatchObject({ attempted: 0 }); // not due yet
    expect(await new PushDelivery(db, PATIENT, LOCAL).pass(new Date(now.getTime() + 60_000))).toMatchObject({ attempted: 1, delivered: 1 });
    expect((await state(db, sub.id))[0]).toMatchObject({ status: 'delivered', attempts: 2, last_status: 204, last_error: null });
  });

  it('full jitter: a random wait up to min(max, base · 2^(tries − 1))', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffDelayMs(n, 1000, 300_000, () => 0.999999))).toEqual([999, 1999, 3999, 7999, 299_999]);
    expect(backoffDelayMs(7, 1000, 300_000, () => 0)).toBe(0);
    expect(backoffDelayMs(1000, 1000, 300_000, () => 0.5)).toBe(150_000);
  });

  it('a redirect or any non-2xx answer is a failed try with its status; the last try dead-letters', async () => {
    const db = sources[0];
    const moved = await receiver(() => 307);
    const sub = await subscribe(db, moved.url);
    await addMessages(db, sub.jobcentre, ['case-1']);
    const now = leapingClock();
    for (let i = 0; i < PATIENT.maxAttempts; i++) await new PushDelivery(db, PATIENT, LOCAL).pass(now());
    expect((await state(db, sub.id))[0]).toMatchObject({ status: 'dead', attempts: PATIENT.maxAttempts, last_status: 307, last_error: 'HTTP 307 from receiver: redirect not followed' });
    expect(await new PushDelivery(db, PATIENT, LOCAL).pass(now())).toMatchObject({ attempted: 0 });
    expect(moved.pushes).toHaveLength(POLICY.maxAttempts);
  });

  it('one worker at a time across processes: the other one’s pass answers null', async () => {
    // The first worker's push hangs (and holds the lock) for as long as the test wants, not 300 ms.
    const config = { ...loadConfig({}), dfdgPush: { ...PATIENT, intervalMs: 0, allowedHosts: ['127.0.0.1'] } };
    const clock = { now: () => new Date() };
    const hanging = await receiver(() => 'hang');
    const sub = await subscribe(sources[0], hanging.url);
    await addMessages(sources[0], sub.jobcentre, ['case-1']);
    const one = new DfdgPushWorker(await connect(), clock, config);
    const two = new DfdgPushWorker(await connect(), clock, config);
    const first = one.runOnce();
    await waitFor('the first worker’s push reached the receiver', () => hanging.pushes.length > 0);
    expect(await two.runOnce()).toBeNull();
    await hanging.down(); // the hanging push now fails: the first worker's pass ends and frees the lock
    expect(await first).toMatchObject({ attempted: 1, failed: 1 });
    expect(await two.runOnce()).not.toBeNull(); // the lock is free again
  });

  it('a process that dies mid-push loses nothing: the push is made again by the next worker (at least once)', async () => {
    const hanging = await receiver((_p, i) => (i === 0 ? 'hang' : 204));
    const sub = await subscribe(sources[0], hanging.url);
    const [m] = await addMessages(sources[0], sub.jobcentre, ['case-1']);
    const dying = new PushDelivery(await connect(), { ...POLICY, timeoutMs: 60_000 }, LOCAL);
    const pass = dying.pass();
    await waitFor('the dying worker’s push reached the receiver', () => hanging.pushes.length > 0);
    dying.stop();
    expect(await pass).toMatchObject({ attempted: 0 });
    expect((await state(sources[0], sub.id))[0]).toMatchObject({ status: 'pending', attempts: 0 });

    expect(await new PushDelivery(await connect(), PATIENT, LOCAL).pass()).toMatchObject({ delivered: 1 });
    expect(hanging.pushes.map((p) => p.id)).toEqual([m.messageId, m.messageId]);
    expect(hanging.uniqueIds()).toEqual([m.messageId]);
  });

  it('many cases and random failures: every message delivered, each case in order, other cases not held up', async () => {
    const db = sources[0];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const flaky = await receiver(() => (random() < 0.3 ? 503 : 200));
    const sub = await subscribe(db, flaky.url);
    const cases = Array.from({ length: 400 }, (_, i) => `case-${Math.floor(random() * 25)}-${i % 3}`);
    const messages = await addMessages(db, sub.jobcentre, cases);
    const now = leapingClock();
    // Each pass delivers every case's head until its first refusal: passes go on until every
    // message has been accepted once (counted by message id), however long the machine takes.
    const acceptedIds = () => new Set(flaky.accepted().map((p) => p.id));
    const deadline = Date.now() + 120_000;
    while (acceptedIds().size < messages.length) {
      if (Date.now() > deadline) throw new Error(`after 120 s only ${acceptedIds().size} of ${messages.length} messages were accepted`);
      await new PushDelivery(db, { ...PATIENT, maxAttempts: 100 }, LOCAL).pass(now());
    }
    expect([...acceptedIds()].sort()).toEqual(messages.map((m) => m.messageId).sort());
    // In order per case, by each message's first acceptance (the next one is pushed only after it).
    const firstAcceptances = flaky.accepted().filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
    expectInOrderPerCase(firstAcceptances);
    // With a timeout no answer comes near, an accepted message is never pushed again.
    expect(flaky.accepted()).toHaveLength(messages.length);
  });
});
