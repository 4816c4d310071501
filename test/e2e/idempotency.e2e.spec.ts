/**
 * Idempotency-Key on commands (architecture.md "Write side"): a repeated key returns the first
 * answer and appends nothing; keys belong to one principal; a failed command stores nothing.
 */
import { uuidv7 } from '../../src/platform/events/uuidv7';
import { InstanceLiveness } from '../../src/platform/idempotency/instance-liveness';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp, whileInstanceLives } from '../support/test-app';
import { CVR, draftBody } from '../support/fixtures';

const draft = draftBody;

describe('Idempotency-Key on commands', () => {
  let t: TestApp;
  let company: string;

  beforeAll(async () => {
    t = await createTestApp();
    company = `Bearer ${await t.token('company', CVR)}`;
  });
  afterAll(() => t.close());

  /** Each test uses its own job centre, so counting its drafts counts only that test's. */
  const draftsOf = async (jobcentre: string): Promise<string[]> => {
    const rows = await t.app
      .get(DataSource)
      .query(`SELECT data->>'applicationId' AS id FROM events WHERE type = 'ApplicationDraftCreated' AND data->>'jobcentre' = $1`, [jobcentre]);
    return rows.map((r: { id: string }) => r.id);
  };
  const eventsOf = async (id: string) =>
    (await t.app.get(DataSource).query(`SELECT type FROM events WHERE stream_id = $1 ORDER BY revision`, [`application-${id}`])).map((r: { type: string }) => r.type);
  const caseworkerOf = async (jobcentre: string, sub?: string) => `Bearer ${await t.token('jobcentre', jobcentre, sub)}`;

  it('the same key twice: identical status, body, Location and ETag; the repeat is marked replayed and creates nothing', async () => {
    const caseworker = await caseworkerOf('201');
    const first = await t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'create-1').send(draft());
    const second = await t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'create-1').send(draft());

    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    expect(second.text).toBe(first.text); // byte for byte, not just the same JSON value
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await draftsOf('201')).toEqual([first.body.id]);

    await t.settle();
    const list = await t.http.get('/api/search/applications').set('Authorization', caseworker).expect(200);
    expect(list.body.totalCount).toBe(1);
  });

  it('replays an act too, and the act is appended once', async () => {
    const caseworker = await caseworkerOf('202');
    const { body } = await t.http.post('/api/applications').set('Authorization', caseworker).send(draft()).expect(201);
    const sign = () => t.http.post(`/api/applications/${body.id}/sign-as-company`).set('Authorization', company).set('Idempotency-Key', `sign-${body.id}`).send({});
    const first = await sign();
    const second = await sign();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await eventsOf(body.id)).toEqual(['ApplicationDraftCreated', 'DraftLinkEmailSent', 'ApplicationSignedByCompany', 'ApplicationReceivedByJobcentre']);
  });

  it('the same key with a different body is a 422 idempotency-key-reuse and creates nothing', async () => {
    const caseworker = await caseworkerOf('203');
    const first = await t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'reused').send(draft()).expect(201);
    const res = await t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'reused').send(draft({ scheme: 'flex-job' }));
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 422, rule: 'idempotency-key-reuse', field: 'Idempotency-Key' });
    expect(await draftsOf('203')).toEqual([first.body.id]);
  });

  it('keys are per principal: another user with the same key gets an independent answer', async () => {
    const alice = await caseworkerOf('204', 'alice');
    const bob = await caseworkerOf('204', 'bob');
    const a = await t.http.post('/api/applications').set('Authorization', alice).set('Idempotency-Key', 'shared-key').send(draft()).expect(201);
    const b = await t.http.post('/api/applications').set('Authorization', bob).set('Idempotency-Key', 'shared-key').send(draft()).expect(201);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.body.id).not.toBe(a.body.id);
    expect((await draftsOf('204')).sort()).toEqual([a.body.id, b.body.id].sort());

    const aliceAgain = await t.http.post('/api/applications').set('Authorization', alice).set('Idempotency-Key', 'shared-key').send(draft()).expect(201);
    expect(aliceAgain.body.id).toBe(a.body.id);
    expect(aliceAgain.headers['idempotent-replayed']).toBe('true');
  });

  it('a failed command (409) stores nothing under its key, so the retry after fixing runs', async () => {
    const caseworker = await caseworkerOf('205');
    const { body } = await t.http.post('/api/applications').set('Authorization', caseworker).send(draft()).expect(201);
    const approve = () => t.http.post(`/api/applications/${body.id}/approve`).set('Authorization', caseworker).set('Idempotency-Key', 'approve-once');

    const tooEarly = await approve();
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body).toMatchObject({ rule: 'application-lifecycle', field: 'status' });
    expect(await eventsOf(body.id)).toEqual(['ApplicationDraftCreated', 'DraftLinkEmailSent']);

    await t.http.post(`/api/applications/${body.id}/sign-as-company`).set('Authorization', company).send({}).expect(200);
    const retried = await approve();
    expect(retried.status).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(retried.body.status).toBe('approved');
    const replayed = await approve();
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toEqual(retried.body);
    expect((await eventsOf(body.id)).filter((type: string) => type === 'ApplicationApproved')).toHaveLength(1);
  });

  it('a stale If-Match (409) with a key stores nothing either', async () => {
    const caseworker = await caseworkerOf('206');
    const { body } = await t.http.post('/api/applications').set('Authorization', caseworker).send(draft()).expect(201);
    const sign = (revision: number) =>
      t.http.post(`/api/applications/${body.id}/sign-as-company`).set('Authorization', company).set('Idempotency-Key', `stale-${body.id}`).set('If-Match', `"${revision}"`).send({});
    const stale = await sign(0);
    expect(stale.status).toBe(409);
    expect(stale.body.currentRevision).toBe(body.revision);
    const fixed = await sign(stale.body.currentRevision);
    expect(fixed.status).toBe(200);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
  });

  it('a 400 with a key stores nothing, so the corrected request runs under the same key', async () => {
    const caseworker = await caseworkerOf('207');
    const bad = await t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'fix-me').send(draft({ scheme: 'nope' }));
    expect(bad.status).toBe(400);
    const good = await t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'fix-me').send(draft());
    expect(good.status).toBe(201);
    expect(good.headers['idempotent-replayed']).toBeUndefined();
    expect(await draftsOf('207')).toEqual([good.body.id]);
  });

  it('concurrent identical requests with one key create one application', async () => {
    const caseworker = await caseworkerOf('208');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'burst').send(draft())),
    );
    for (const res of answers) {
      if (res.status === 409) expect(res.body).toMatchObject({ rule: 'idempotency-key-in-progress', field: 'Idempotency-Key' });
      else expect(res.status).toBe(201);
    }
    const created = answers.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(created.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(await draftsOf('208')).toEqual([created[0].body.id]);

    const after = await t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'burst').send(draft()).expect(201);
    expect(after.body.id).toBe(created[0].body.id);
    expect(after.headers['idempotent-replayed']).toBe('true');
  });

  it('takes over a key whose request died mid-flight (a claim with no answer older than a minute)', async () => {
    const caseworker = await caseworkerOf('209', 'crashed-user');
    await t.app.get(DataSource).query(
      `INSERT INTO idempotency_keys (principal, key, request_hash, created_at) VALUES ('jobcentre:209:crashed-user', 'orphan', 'whatever', now() - interval '2 minutes')`,
    );
    const res = await t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'orphan').send(draft());
    expect(res.status).toBe(201);
    expect(await draftsOf('209')).toEqual([res.body.id]);
    const fresh = await t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'orphan').send(draft());
    expect(fresh.headers['idempotent-replayed']).toBe('true');
  });

  it('takes over at once a claim whose process is gone (its instance lock is free), and never one whose process runs', async () => {
    const caseworker = await caseworkerOf('209', 'killed-user');
    const db = t.app.get(DataSource);
    const claim = (owner: string | null, key: string) =>
      db.query(`INSERT INTO idempotency_keys (principal, key, request_hash, owner) VALUES ('jobcentre:209:killed-user', $1, 'whatever', $2)`, [key, owner]);
    await claim(uuidv7(), 'dead-owner');
    const takenOver = await t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'dead-owner').send(draft());
    expect(takenOver.status).toBe(201);
    // A request of this very request's shape whose answer is pending: by this live process, and by nobody named.
    const pending = async (owner: string | null, alive = false) => {
      await t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'pending').send(draft()).expect(201);
      await db.query(`UPDATE idempotency_keys SET status = NULL, body = NULL, headers = NULL, owner = $1, created_at = now() WHERE key = 'pending'`, [owner]);
      const retry = () => t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'pending').send(draft());
      const res = alive && owner ? await whileInstanceLives(t, owner, retry) : await retry();
      await db.query(`DELETE FROM idempotency_keys WHERE key = 'pending'`);
      return { status: res.status, rule: res.body.rule };
    };
    // Another process that runs holds it: in progress. A claim made before owners were recorded: the 60 s rule.
    expect(await pending(uuidv7(), true)).toEqual({ status: 409, rule: 'idempotency-key-in-progress' });
    expect(await pending(null)).toEqual({ status: 409, rule: 'idempotency-key-in-progress' });
    // This very process, with no request of that claim running here (its answer was lost with the database): taken over.
    expect(await pending(t.app.get(InstanceLiveness).instanceId)).toEqual({ status: 201, rule: undefined });
    expect(await draftsOf('209')).toContain(takenOver.body.id);
  });

  it('a key on a read is ignored', async () => {
    const caseworker = await caseworkerOf('209');
    const res = await t.http.get('/api/search/applications').set('Authorization', caseworker).set('Idempotency-Key', 'read').expect(200);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });
});
