/**
 * The pull feed itself (issue 4, item 3): paging with the cursor, the long poll, who may read it,
 * bad input, and the message schema endpoint (item 5).
 */
import schema from '../../docs/dfdg-message.schema.json';
import { encodeCursor } from '../../src/dfdg/dfdg-cursor';
import { JOBCENTRE, OTHER_JOBCENTRE } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { Feed, activeGrant, feedOf } from './dfdg.e2e-support';
import { Actors, act, actorsOf } from './grants.e2e-support';

describe('the DFDG pull feed', () => {
  let t: TestApp;
  let a: Actors;
  let feed: Feed;
  let id: string;

  beforeAll(async () => {
    t = await createTestApp({ ORDINARY_EXPIRY_INTERVAL_MS: '0' });
    a = await actorsOf(t);
    feed = await feedOf(t, JOBCENTRE);
    id = await activeGrant(t, a, 'wage-subsidy');
    await act(t, id, 'extend', a.caseworker, { newEndDate: '2030-09-30' }).expect(200);
    await t.settle();
  });
  afterAll(() => t.close());

  it('pages in sequence order with the opaque cursor; `next` stays put when nothing is new', async () => {
    const first = await feed.get({ limit: 2 }).expect(200);
    expect(first.body.messages.map((m: { sequence: number }) => m.sequence)).toEqual([1, 2]);
    expect(first.body.next).toBe(encodeCursor(JOBCENTRE, 2));
    const second = await feed.get({ after: first.body.next, limit: 2 }).expect(200);
    expect(second.body.messages.map((m: { sequence: number; kind: string }) => [m.sequence, m.kind])).toEqual([[3, 'approved'], [4, 'extended']]);
    const empty = await feed.get({ after: second.body.next }).expect(200);
    expect(empty.body).toEqual({ messages: [], next: second.body.next });
    expect((await feed.get().expect(200)).body.messages).toHaveLength(4); // default limit 100, from the beginning
    const other = await feedOf(t, OTHER_JOBCENTRE);
    expect((await other.get().expect(200)).body).toEqual({ messages: [], next: encodeCursor(OTHER_JOBCENTRE, 0) });
  });

  it('long poll: with `wait` it answers as soon as a message arrives, and with nothing after the wait', async () => {
    const { next } = (await feed.get({ limit: 1000 }).expect(200)).body;
    const started = Date.now();
    const waiting = feed.get({ after: next, wait: 30 }); // the longest wait: "as soon as" is well below it even on a loaded machine
    const answer = new Promise<{ status: number; body: { messages: { kind: string; vitasId: string }[] } }>((resolve, reject) => waiting.then(resolve, reject));
    await new Promise((r) => setTimeout(r, 300)); // a head start for the poll; the test passes whether or not it is already waiting
    await act(t, id, 'review', a.caseworker).expect(200);
    const res = await answer;
    expect(res.status).toBe(200);
    expect(res.body.messages.map((m) => [m.vitasId, m.kind])).toEqual([[id, 'changed']]);
    expect(Date.now() - started).toBeLessThan(20_000);

    const idle = Date.now();
    const nothing = await feed.get({ after: encodeCursor(JOBCENTRE, 5), wait: 1 }).expect(200);
    expect(nothing.body).toEqual({ messages: [], next: encodeCursor(JOBCENTRE, 5) });
    expect(Date.now() - idle).toBeGreaterThanOrEqual(950);
  });

  it.each([
    ['a cursor beyond the end', () => encodeCursor(JOBCENTRE, 999), 'unknown-cursor'],
    ["another job centre's cursor (its own feed never leaks)", () => encodeCursor(OTHER_JOBCENTRE, 1), 'invalid-cursor'],
    ['a garbled cursor', () => 'djE6MTAxOjE!x', 'invalid-cursor'],
    ['an empty cursor', () => '', 'invalid-cursor'],
  ])('400 naming `after`: %s', async (_what, cursor, rule) => {
    const res = await feed.get({ after: cursor() }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, field: 'after', rule });
    expect(JSON.stringify(res.body)).not.toContain(OTHER_JOBCENTRE);
  });

  it.each([
    [{ limit: 0 }, 'limit'], [{ limit: 1001 }, 'limit'], [{ limit: 'many' }, 'limit'], [{ wait: 31 }, 'wait'], [{ wait: -1 }, 'wait'], [{ page: 2 }, 'page'],
  ])('400 on %j', async (query, field) => {
    expect((await feed.get(query as Record<string, string | number>).expect(400)).body).toMatchObject({ field });
  });

  it('only a case system may pull (403 for every other role, 401 without a token)', async () => {
    for (const who of [a.caseworker, a.company, a.citizen, `Bearer ${await t.token('auditor', JOBCENTRE)}`, `Bearer ${await t.token('company-support', JOBCENTRE)}`]) {
      await t.http.get('/api/dfdg/messages').set('Authorization', who).expect(403);
    }
    await t.http.get('/api/dfdg/messages').expect(401);
  });

  it('serves the message schema (JSON Schema 2020-12) to anyone, and every message has exactly its fields', async () => {
    const res = await t.http.get('/api/dfdg/messages/schema').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/schema\+json/);
    expect(res.body).toEqual(schema);
    expect(res.body.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    for (const m of await feed.all()) expect(Object.keys(m).sort()).toEqual([...res.body.required].sort());
  });
});
