/**
 * Exactly-once commands over HTTP (issue 11): the Idempotency-Key answer is stored after the
 * append, in a step of its own. These tests open that window by hand: after the first call the
 * stored answer is taken away (the claim left to a process that is gone, or the row gone), as
 * if the process had died between the append and storing the answer. The retry then runs the
 * handler again, and must neither create a second case nor append a second event, and must
 * answer as the first call did.
 */
import { uuidv7 } from '../../src/platform/events/uuidv7';
import { DataSource } from 'typeorm';
import { aaAssignmentStreamId } from '../../src/aa-assignments/aa-assignment.events';
import { CVR, draftBody, JOBCENTRE } from '../support/fixtures';
import { createTestApp, TestApp, whileInstanceLives } from '../support/test-app';

describe('Exactly-once commands: a retry after the stored answer was lost', () => {
  let t: TestApp;
  let db: DataSource;
  let company: string;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    company = `Bearer ${await t.token('company', CVR)}`;
  });
  afterAll(() => t.close());

  const caseworkerOf = async (jobcentre: string, sub: string) => `Bearer ${await t.token('jobcentre', jobcentre, sub)}`;
  const draftsOf = async (jobcentre: string): Promise<string[]> =>
    (await db.query(`SELECT data->>'applicationId' AS id FROM events WHERE type = 'ApplicationDraftCreated' AND data->>'jobcentre' = $1`, [jobcentre])).map((r: { id: string }) => r.id);
  const eventsOf = async (id: string): Promise<string[]> =>
    (await db.query(`SELECT type FROM events WHERE stream_id = $1 ORDER BY revision`, [`application-${id}`])).map((r: { type: string }) => r.type);

  /** The process died after the append, before the answer was stored: its claim is left pending, owned by a process no longer running. */
  const loseAnswerAsAbandonedClaim = async (principal: string, key: string) => {
    const [, count] = await db.query(
      `UPDATE idempotency_keys SET status = NULL, headers = NULL, body = NULL, owner = $3 WHERE principal = $1 AND key = $2`,
      [principal, key, uuidv7()],
    );
    expect(count).toBe(1);
  };
  /** The stored answer is gone altogether. */
  const loseAnswerRow = async (principal: string, key: string) => {
    const [, count] = await db.query(`DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2`, [principal, key]);
    expect(count).toBe(1);
  };

  it('a create retried after its process died before storing the answer creates one case and answers as the first call', async () => {
    const caseworker = await caseworkerOf('301', 'cw-301');
    const create = () => t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'create-crash').send(draftBody());
    const first = await create();
    expect(first.status).toBe(201);

    await loseAnswerAsAbandonedClaim('jobcentre:301:cw-301', 'create-crash');
    const retry = await create();
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined(); // the handler ran again…
    expect(retry.text).toBe(first.text); // …and answered from the stream, byte for byte
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(await draftsOf('301')).toEqual([first.body.id]);

    // The retry's answer is the one stored now.
    const replay = await create();
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.text).toBe(first.text);
    await t.settle();
    const list = await t.http.get('/api/search/applications').set('Authorization', caseworker).expect(200);
    expect(list.body.totalCount).toBe(1);
  });

  it('a state-changing command retried after its answer was lost appends its event once and answers as the first call', async () => {
    const caseworker = await caseworkerOf('302', 'cw-302');
    const { body: draft } = await t.http.post('/api/applications').set('Authorization', caseworker).send(draftBody()).expect(201);
    const principal = `company:${CVR}:company-${CVR}`;
    const sign = () => t.http.post(`/api/applications/${draft.id}/sign-as-company`).set('Authorization', company).set('Idempotency-Key', `sign-crash-${draft.id}`).send({});
    const first = await sign();
    expect(first.status).toBe(200);
    const after = await eventsOf(draft.id);
    expect(after.filter((type) => type === 'ApplicationSignedByCompany')).toHaveLength(1);

    await loseAnswerRow(principal, `sign-crash-${draft.id}`);
    // Someone else acts on the case meanwhile: the retry's answer is still the first call's.
    await t.http.post(`/api/applications/${draft.id}/set-responsible`).set('Authorization', caseworker).send({ caseworkerId: 'cw-302' }).expect(200);
    const retry = await sign();
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.text).toBe(first.text);
    expect(retry.headers.etag).toBe(first.headers.etag);
    const now = await eventsOf(draft.id);
    expect(now.filter((type) => type === 'ApplicationSignedByCompany')).toHaveLength(1);
    expect(now.slice(0, after.length)).toEqual(after);
    expect(now.length).toBe(after.length + 1); // only the set-responsible event was added
  });

  it('keeps the guards: the same key with another body is a 422 while the answer is stored, and a live pending claim is a 409', async () => {
    const caseworker = await caseworkerOf('303', 'cw-303');
    await t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'guarded').send(draftBody()).expect(201);
    const reuse = await t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'guarded').send(draftBody({ scheme: 'flex-job' }));
    expect(reuse.status).toBe(422);
    expect(reuse.body).toMatchObject({ rule: 'idempotency-key-reuse' });
    // A claim whose process still runs (another app process, holding its instance lock) is not taken over.
    const other = uuidv7();
    await db.query(`UPDATE idempotency_keys SET status = NULL, headers = NULL, body = NULL, owner = $1 WHERE principal = 'jobcentre:303:cw-303' AND key = 'guarded'`, [other]);
    const busy = await whileInstanceLives(t, other, () => t.http.post('/api/applications').set('Authorization', caseworker).set('Idempotency-Key', 'guarded').send(draftBody()));
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ rule: 'idempotency-key-in-progress' });
    expect(await draftsOf('303')).toHaveLength(1);
  });

  it('a multi-stream command (DFDG assignments) retried after its answer was lost records each citizen once and answers as the first call', async () => {
    const dfdg = `Bearer ${await t.token('case-system', JOBCENTRE)}`;
    const records = [
      { cpr: '1212121234', aaId: 'aa-42', effectiveAt: '2026-03-01T08:00:00.000Z' },
      { cpr: '1313131234', aaId: 'aa-7', effectiveAt: '2026-03-01T08:00:00.000Z' },
    ];
    const post = () => t.http.post('/api/dfdg/assignments').set('Authorization', dfdg).set('Idempotency-Key', 'assign-crash').send({ records });
    const first = await post();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ recorded: 2, unchanged: 0 });

    await loseAnswerAsAbandonedClaim(`case-system:${JOBCENTRE}:case-system-${JOBCENTRE}`, 'assign-crash');
    const retry = await post();
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    // Not 'unchanged': each record's events are found in its stream and answered as recorded.
    expect(retry.text).toBe(first.text);
    for (const { cpr } of records) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [aaAssignmentStreamId(JOBCENTRE, cpr)]);
      expect(n).toBe(1);
    }
  });
});
