/**
 * Issue 11: a published DFDG message never changes. A change of the outbox projection's
 * definition is recorded and applies from the checkpoint on, instead of a rebuild that would
 * renumber what case systems already hold; a pull consumer mid-way sees every message once, in
 * order, without a gap; and a rebuild verifies the outbox against a replay instead of swapping it.
 */
import { DataSource } from 'typeorm';
import { dfdgMessagesProjection } from '../../projections/dfdg/dfdg-messages.projection';
import { definitionHash } from '../../projections/runner/apply-batch';
import { rebuildProjection } from '../../projections/runner/rebuild';
import { DfdgMessage } from '../../src/dfdg/dfdg-message';
import { EVENT_STORE, EventStore } from '../../src/platform/event-store/event-store.port';
import { EventRegistry } from '../../src/platform/events/event-registry';
import { JOBCENTRE } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { createEmptyDatabase } from '../support/test-database';
import { activeGrant, feedOf } from './dfdg.e2e-support';
import { actorsOf } from './grants.e2e-support';

/** Pages the feed from `after` to its end, as a case system does. */
async function pullFrom(t: TestApp, after: string | undefined): Promise<{ messages: DfdgMessage[]; next: string }> {
  const feed = await feedOf(t, JOBCENTRE);
  await t.settle();
  const messages: DfdgMessage[] = [];
  for (let cursor = after; ; ) {
    const res = await feed.get({ limit: 2, ...(cursor ? { after: cursor } : {}) }).expect(200);
    messages.push(...res.body.messages);
    cursor = res.body.next;
    if (res.body.messages.length < 2) return { messages, next: cursor! };
  }
}

const publishedRows = (db: DataSource) => db.query(`SELECT message_id, sequence, body::text FROM dfdg_messages WHERE jobcentre = $1 ORDER BY sequence`, [JOBCENTRE]);

it('a changed outbox definition keeps every published message and applies from its checkpoint; a consumer mid-way misses nothing', async () => {
  const databaseUrl = await createEmptyDatabase('dfdgpublished');
  const first = await createTestApp({ ORDINARY_EXPIRY_INTERVAL_MS: '0' }, { databaseUrl });
  let consumed: DfdgMessage[];
  let cursor: string;
  let published: { message_id: string; sequence: string; body: string }[];
  try {
    const a = await actorsOf(first);
    await activeGrant(first, a, 'wage-subsidy');
    await activeGrant(first, a, 'company-placement');
    const firstPull = await pullFrom(first, undefined);
    // The consumer stops mid-way: it has taken the first three messages and holds their cursor.
    const feed = await feedOf(first, JOBCENTRE);
    const page = (await feed.get({ limit: 3 }).expect(200)).body;
    consumed = page.messages;
    cursor = page.next;
    expect(firstPull.messages.length).toBeGreaterThan(3);
    // A message as an older definition published it: a replay today would write it differently.
    const db = first.app.get(DataSource);
    await db.query(`UPDATE dfdg_messages SET body = body || '{"publishedBy": "an older definition"}' WHERE message_id = $1`, [consumed[0].messageId]);
    await db.query(`UPDATE projection_checkpoints SET definition_hash = 'older-definition' WHERE name = 'dfdg_messages'`);
    published = await publishedRows(db);
  } finally {
    await first.close();
  }

  const second = await createTestApp({ ORDINARY_EXPIRY_INTERVAL_MS: '0' }, { databaseUrl });
  try {
    await second.settle();
    const db = second.app.get(DataSource);
    expect(await publishedRows(db)).toEqual(published); // nothing rebuilt, renumbered or rewritten
    const changes = await db.query(`SELECT from_hash, to_hash, from_checkpoint FROM projection_definition_changes WHERE name = 'dfdg_messages'`);
    const [{ checkpoint }] = await db.query(`SELECT checkpoint FROM projection_checkpoints WHERE name = 'dfdg_messages'`);
    expect(changes).toEqual([{ from_hash: 'older-definition', to_hash: definitionHash(dfdgMessagesProjection), from_checkpoint: checkpoint }]);

    const a = await actorsOf(second);
    await activeGrant(second, a, 'mentor');
    const rest = await pullFrom(second, cursor);
    const all = [...consumed, ...rest.messages];
    expect(all.map((m) => m.sequence)).toEqual(all.map((_, i) => i + 1)); // once each, in order, no gap
    expect(new Set(all.map((m) => m.messageId)).size).toBe(all.length);
    expect(rest.messages.length).toBe(published.length - consumed.length + 3); // the mentor grant's three new messages

    // A rebuild verifies instead of swapping: the one message of the older definition differs, as recorded.
    const result = await rebuildProjection(second.app.get<EventStore>(EVENT_STORE), db, second.app.get(EventRegistry), dfdgMessagesProjection, { batchSize: 4 });
    expect(result.verification).toEqual({ identical: all.length - 1, differing: 1, missing: 0, extra: 0, definitionChanges: 1 });
    expect((await publishedRows(db)).slice(0, published.length)).toEqual(published);
  } finally {
    await second.close();
  }
});
