/**
 * Issue 4, push end to end: grants driven over HTTP, the real DFDG outbox projection, the push
 * worker, and a case system's receiver on 127.0.0.1 that fails at first and verifies every push.
 */
import { DataSource } from 'typeorm';
import { DfdgPushWorker } from '../../src/dfdg/push/delivery/push-worker';
import { JOBCENTRE } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { act, Actors, actorsOf, approvedGrant } from './grants.e2e-support';
import { leapingClock, Receiver } from './dfdg-push.e2e-support';

describe('DFDG push of a real grant’s messages (issue 4)', () => {
  let t: TestApp;
  let a: Actors;
  let receiver: Receiver;

  beforeAll(async () => {
    t = await createTestApp({ PUSH_ALLOWED_HOSTS: '127.0.0.1', DFDG_PUSH_INTERVAL_MS: '0', DFDG_PUSH_BACKOFF_MS: '60000' });
    a = await actorsOf(t);
    receiver = await Receiver.start((_push, i) => (i < 2 ? 503 : 204));
  });
  afterAll(async () => {
    await receiver.down();
    await t.close();
  });

  it('a case system subscribed over the API receives each grant’s messages by push: signed, in order, once each, exactly as in the outbox', async () => {
    const caseSystem = `Bearer ${await t.token('case-system', JOBCENTRE)}`;
    const sub = await t.http.post('/api/dfdg/subscriptions').set('Authorization', caseSystem).send({ url: receiver.url }).expect(201);

    const first = await approvedGrant(t, a);
    const second = await approvedGrant(t, a, { scheme: 'company-placement' });
    expect((await act(t, first.id, 'extend', a.caseworker, { newEndDate: '2030-09-30' })).status).toBe(200);
    expect((await act(t, second.id, 'withdraw', a.caseworker, { reason: 'Virksomheden lukker afdelingen' })).status).toBe(200);
    expect((await act(t, first.id, 'withdraw', a.company, {})).status).toBe(200);
    await t.settle();

    const db = t.app.get(DataSource);
    const outbox: { message_id: string; case_id: string; body: Record<string, unknown> }[] = await db.query(
      `SELECT message_id, case_id, body FROM dfdg_messages WHERE jobcentre = $1 ORDER BY sequence`,
      [JOBCENTRE],
    );
    expect(new Set(outbox.map((m) => m.case_id))).toEqual(new Set([first.id, second.id]));

    const worker = t.app.get(DfdgPushWorker);
    const now = leapingClock();
    for (let pass = 0; pass < 5 && new Set(receiver.accepted().map((p) => p.id)).size < outbox.length; pass++) await worker.runOnce(now());

    const accepted = receiver.accepted();
    expect(accepted.map((p) => p.id).sort()).toEqual(outbox.map((m) => m.message_id).sort());
    expect(receiver.uniqueIds()).toHaveLength(outbox.length);
    receiver.verifyAll([sub.body.secret]);
    for (const p of accepted) expect(JSON.parse(p.body)).toEqual(outbox.find((m) => m.message_id === p.id)!.body);
    // The very bytes the pull feed serves for the same message.
    const feed = await t.http.get('/api/dfdg/messages').query({ limit: 1000 }).set('Authorization', caseSystem).expect(200);
    const served = new Map<string, string>(feed.body.messages.map((m: { messageId: string }) => [m.messageId, JSON.stringify(m)]));
    for (const p of accepted) expect(p.body).toBe(served.get(p.id));
    for (const caseId of [first.id, second.id]) {
      const pushed = accepted.filter((p) => p.message.vitasId === caseId).map((p) => p.id);
      expect(pushed).toEqual(outbox.filter((m) => m.case_id === caseId).map((m) => m.message_id)); // in order per case
    }
    const lastOfFirst = accepted.filter((p) => p.message.vitasId === first.id).at(-1)!.message;
    expect(lastOfFirst).toMatchObject({ kind: 'withdrawn', status: 'withdrawn', cessation: { dfdgCode: 14, mapped: true } });
  });
});
