/**
 * Every connection the app holds is killed under it (what a PostgreSQL restart does to the
 * clients: 57P01 admin shutdown on idle and busy sessions alike, the LISTEN session included).
 * The process must survive (no unhandled 'error' event from a pg client: that kills a real
 * process), and once the database answers again a command succeeds and /health is back to 200.
 * Nothing here waits a fixed time: every wait is for a condition, with a generous deadline.
 */
import { Client } from 'pg';
import { CVR, draftBody } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { until } from '../support/wait';


describe('when PostgreSQL terminates every connection of the app', () => {
  let t: TestApp;
  let killer: Client;
  let caseworker: string;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);

  /** The app's sessions right now, from the killer's own session. */
  const appSessions = async () =>
    Number((await killer.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).rows[0].n);
  const terminateAll = async () =>
    (await killer.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).rowCount ?? 0;

  beforeAll(async () => {
    // Runners that failed while the sessions were dying retry within a second, not up to 30 s.
    t = await createTestApp({ PROJECTION_POLL_MS: '100', PROJECTION_RETRY_MAX_MS: '1000' });
    caseworker = `Bearer ${await t.token('jobcentre', '101')}`;
    killer = new Client({ connectionString: t.config.databaseUrl! });
    killer.on('error', () => undefined); // the test's own session is never terminated, but never crash the run
    await killer.connect();
    await t.http.post('/api/applications').set('Authorization', caseworker).send(draftBody()).expect(201);
    await t.settle();
    await t.http.get('/health').expect(200);
    process.on('uncaughtException', onUncaught);
  });

  afterAll(async () => {
    process.removeListener('uncaughtException', onUncaught);
    await killer?.end().catch(() => undefined);
    await t?.close();
  });

  it('survives, and a command and /health work again once the database answers', async () => {
    // Idle pool clients, the LISTEN session, the runners' lock sessions: all there before the kill.
    await until('the app holds several sessions (pools, LISTEN, runner locks)', async () => (await appSessions()) >= 3);
    await until('the event store LISTENs', async () =>
      Number((await killer.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN %'`)).rows[0].n) >= 1,
    );

    // Under load: commands and reads in flight while the sessions die, three times over.
    for (let round = 0; round < 3; round++) {
      const load = Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? t.http.get('/api/search/applications').set('Authorization', caseworker) : t.http.post('/api/applications').set('Authorization', caseworker).send(draftBody()))
          .then((res) => res.status, () => 0),
      );
      expect(await terminateAll()).toBeGreaterThan(0);
      const statuses = await Promise.all(load);
      // Each answers: success, or 503 (database unavailable); never a hang or a crash.
      for (const s of statuses) expect([200, 201, 503]).toContain(s);
      // The app reconnects: its sessions come back (the LISTEN one among them) before the next round.
      await until(`the app reconnected after kill ${round + 1}`, async () => (await appSessions()) >= 2);
    }

    await until('a command succeeds again', async () => (await t.http.post('/api/applications').set('Authorization', caseworker).send(draftBody())).status === 201);
    await until('/health answers 200 again', async () => (await t.http.get('/health')).status === 200);
    // The event store's LISTEN session is long-lived: it must have come back on its own.
    await until('the event store LISTENs again', async () =>
      Number((await killer.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN %'`)).rows[0].n) >= 1,
    );
    await t.settle(60_000);

    // The company can act on a case created after the kills: the write path fully works again.
    const company = `Bearer ${await t.token('company', CVR)}`;
    const created = await t.http.post('/api/applications').set('Authorization', caseworker).send(draftBody()).expect(201);
    await until('the company command succeeds', async () =>
      [200, 201].includes((await t.http.post(`/api/applications/${created.body.id}/sign-as-company`).set('Authorization', company).send({})).status),
    );

    expect(uncaught).toEqual([]);
  }, 240_000);
});
