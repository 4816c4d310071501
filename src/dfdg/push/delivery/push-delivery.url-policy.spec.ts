/**
 * Issue 10 at push time, on a real PostgreSQL with real listeners on 127.0.0.1: the URL policy
 * is applied again at every push and pins the connection to the addresses it checked, and a
 * failed try records a short reason of our own, never what the receiver said. Host names go
 * through a fake resolver (the policy's port); nothing connects beyond the loopback interface.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { addMessages, createOutbox, leapingClock, Receiver } from '../../../../test/e2e/dfdg-push.e2e-support';
import { createEmptyDatabase } from '../../../../test/support/test-database';
import { runMigrations } from '../../../platform/database/migrate';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { PushUrlPolicy, Resolver } from '../url-policy/push-url-policy';
import { generateSecret } from '../webhook-signature';
import { PushDelivery, PushPolicy } from './push-delivery';

/**
 * A failed try waits 15 minutes (a fixed jitter of 0.5 of 30 minutes, see NO_JITTER): far longer
 * than a pass, so no pass tries one delivery twice however slow the machine, and shorter than the
 * hour leapingClock moves between passes, so the next pass tries it again.
 */
const POLICY: PushPolicy = { maxAttempts: 3, timeoutMs: 30_000, backoffBaseMs: 1_800_000, backoffMaxMs: 1_800_000, concurrency: 4 };
const NO_JITTER = () => 0.5;
/** Looks like a secret an internal service would leak in an error page. */
const SECRET_BODY = 'internal error: AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** A TCP listener on 127.0.0.1 that only counts connections: proof that a refused push never connected. */
async function tripwire(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, connections: () => connections, close: () => new Promise((r) => server.close(() => r())) };
}

/** An HTTP server on 127.0.0.1 answering every request with `status`, `body` and `headers`. */
async function answering(status: number, body: string, headers: Record<string, string> = {}): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    req.resume();
    req.on('end', () => res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/dfdg/push`, requests: () => requests, close: () => new Promise((r) => server.close(() => r())) };
}

describe('DFDG push: the URL policy at every push, and what a failed try records (issue 10)', () => {
  let db: DataSource;
  let jobcentreNo = 700;
  const cleanups: (() => Promise<void>)[] = [];

  /** A subscription stored as it stands (as if made before the policy, or allowed at the time). */
  const subscribe = async (url: string) => {
    const jobcentre = String(jobcentreNo++);
    const sub = await new SubscriptionsRepository(db).create({ jobcentre, url, secret: generateSecret(), from: 'start', createdBy: 'test' });
    const [message] = await addMessages(db, jobcentre, ['case-1']);
    return { id: sub.id, messageId: message.messageId };
  };
  const delivery = async (subscriptionId: string) =>
    (await db.query(`SELECT status, attempts, last_status, last_error FROM dfdg_push_deliveries WHERE subscription_id = $1`, [subscriptionId]))[0];

  beforeAll(async () => {
    const url = await createEmptyDatabase('pushpolicy');
    await runMigrations(url);
    db = await new DataSource({ type: 'postgres', url, extra: { max: 10 } }).initialize();
    await createOutbox(db);
  });
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((c) => c()));
    await db.query(`DELETE FROM dfdg_push_subscriptions`);
  });
  afterAll(() => db.destroy());

  it('a name that passed at subscription but now resolves to loopback (rebinding) is refused at push time, never connected, retried and dead-lettered', async () => {
    const listener = await tripwire();
    cleanups.push(listener.close);
    let answer = '93.184.215.14'; // public: only ever classified, never connected to
    const rebinding: Resolver = async () => [{ address: answer, family: 4 }];
    const urls = new PushUrlPolicy([], rebinding);
    const url = `https://rebind.example:${listener.port}/dfdg/push`;
    await urls.checkNewSubscription(url); // passes at subscription
    const sub = await subscribe(url);

    answer = '127.0.0.1';
    const now = leapingClock();
    expect(await new PushDelivery(db, POLICY, urls, NO_JITTER).pass(now())).toMatchObject({ attempted: 1, failed: 1, delivered: 0 });
    expect(await delivery(sub.id)).toEqual({ status: 'pending', attempts: 1, last_status: null, last_error: 'refused: resolves to a loopback address' });
    for (let i = 1; i < POLICY.maxAttempts; i++) await new PushDelivery(db, POLICY, urls, NO_JITTER).pass(now());
    expect(await delivery(sub.id)).toMatchObject({ status: 'dead', attempts: POLICY.maxAttempts, last_error: 'refused: resolves to a loopback address' });
    expect(listener.connections()).toBe(0);
  });

  it('stored URLs the policy now refuses outright fail without a connection: loopback literal, mapped loopback, http without the allow-list', async () => {
    const listener = await tripwire();
    cleanups.push(listener.close);
    const cases = [
      [`https://127.0.0.1:${listener.port}/x`, 'refused: a loopback address'],
      [`https://[::ffff:127.0.0.1]:${listener.port}/x`, 'refused: a loopback address'],
      [`https://2130706433:${listener.port}/x`, 'refused: a loopback address'],
      [`http://127.0.0.1:${listener.port}/x`, 'refused: http to a host not in PUSH_ALLOWED_HOSTS'],
    ];
    const subs = [];
    for (const [url] of cases) subs.push(await subscribe(url));
    await new PushDelivery(db, POLICY, new PushUrlPolicy([]), NO_JITTER).pass();
    for (const [i, [, error]] of cases.entries()) expect(await delivery(subs[i].id)).toMatchObject({ attempts: 1, last_status: null, last_error: error });
    expect(listener.connections()).toBe(0);
  });

  it('an allow-listed name is delivered to the address the policy looked up (pinned), through the fake resolver only', async () => {
    const receiver = await Receiver.start();
    cleanups.push(() => receiver.down());
    const port = new URL(receiver.url).port;
    const resolver: Resolver = async (name) => (name === 'receiver.example' ? [{ address: '127.0.0.1', family: 4 }] : []);
    const sub = await subscribe(`http://receiver.example:${port}/dfdg/push`);
    await new PushDelivery(db, POLICY, new PushUrlPolicy([`receiver.example:${port}`], resolver), NO_JITTER).pass();
    expect(await delivery(sub.id)).toMatchObject({ status: 'delivered', last_status: 204, last_error: null });
    expect(receiver.uniqueIds()).toEqual([sub.messageId]);
  });

  it('a receiver answering 500 with a secret-looking body: lastError keeps the status, never the body', async () => {
    const server = await answering(500, SECRET_BODY);
    cleanups.push(server.close);
    const sub = await subscribe(server.url);
    await new PushDelivery(db, POLICY, new PushUrlPolicy(['127.0.0.1']), NO_JITTER).pass();
    const row = await delivery(sub.id);
    expect(row).toMatchObject({ status: 'pending', last_status: 500, last_error: 'HTTP 500 from receiver' });
    expect(row.last_error).not.toContain('AWS_SECRET');
    expect(server.requests()).toBe(1);
  });

  it('a redirect, even to a place the allow-list would let through, is not followed', async () => {
    const target = await tripwire();
    cleanups.push(target.close);
    const server = await answering(307, SECRET_BODY, { location: `http://127.0.0.1:${target.port}/latest/meta-data` });
    cleanups.push(server.close);
    const sub = await subscribe(server.url);
    await new PushDelivery(db, POLICY, new PushUrlPolicy(['127.0.0.1']), NO_JITTER).pass();
    expect(await delivery(sub.id)).toMatchObject({ last_status: 307, last_error: 'HTTP 307 from receiver: redirect not followed' });
    expect(server.requests()).toBe(1);
    expect(target.connections()).toBe(0);
  });

  it('connection failures are named in our words: connection refused, TLS error', async () => {
    const gone = await tripwire();
    await gone.close(); // nothing listens on this port any more
    const plain = await answering(204, '');
    cleanups.push(plain.close);
    const refused = await subscribe(`http://127.0.0.1:${gone.port}/x`);
    const tls = await subscribe(plain.url.replace('http:', 'https:')); // TLS to a plain-HTTP server
    await new PushDelivery(db, POLICY, new PushUrlPolicy(['127.0.0.1']), NO_JITTER).pass();
    expect(await delivery(refused.id)).toMatchObject({ last_status: null, last_error: 'connection refused (ECONNREFUSED)' });
    expect((await delivery(tls.id)).last_error).toMatch(/^TLS error \([A-Z0-9_]+\)$/);
  });
});
