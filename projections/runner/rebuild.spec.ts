import { searchProjection } from '../search/search.projection';
import {
  appendEvents, applicationEvents, counted, counterProjection, eventually, GivenEvent, openProjectionDatabase, ProjectionDatabase, readAllEvents,
  storedCheckpoint, tableRows,
} from '../../test/support/projection-spec';
import { definitionHash } from './apply-batch';
import { indexName } from './projection-table';
import { Row } from './projection';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjection } from './rebuild';

/** 30 applications at different points of their lifecycle. */
function applicationHistories(): GivenEvent[] {
  const events: GivenEvent[] = [];
  for (let i = 0; i < 30; i++) {
    const a = applicationEvents(`a-${String(i).padStart(2, '0')}`);
    const day = `2026-03-${String(1 + (i % 20)).padStart(2, '0')}`;
    events.push(a.draftCreated(`${day}T08:00:00.000Z`, { jobcentre: i % 3 ? '101' : '102' }), a.draftLinkEmailSent(`${day}T08:00:00.000Z`));
    if (i % 2) events.push(a.signedByCompany(`${day}T09:00:00.000Z`), a.sentToEmployeeRep(`${day}T09:00:00.000Z`));
    if (i % 4 === 1) events.push(a.signedByEmployeeRep(`${day}T15:00:00.000Z`), a.receivedByJobcentre(day, `${day}T15:00:00.000Z`));
    if (i % 8 === 1) events.push(a.approved(day, `${day}T16:00:00.000Z`));
    if (i % 4 === 3) events.push(a.rejectedByEmployeeRep(`${day}T15:00:00.000Z`));
  }
  return events;
}

describe('rebuildProjection (replay into a fresh table, then swap)', () => {
  let env: ProjectionDatabase;
  let started: ProjectionRunner | undefined;
  beforeEach(async () => {
    env = await openProjectionDatabase();
  });
  afterEach(async () => {
    await started?.stop();
    started = undefined;
    await env.close();
  });

  const tables = async (pattern: string): Promise<string[]> =>
    (await env.db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE $1 ORDER BY 1`, [pattern])).map((r: { tablename: string }) => r.tablename);
  const tableOid = async (table: string): Promise<number> => Number((await env.db.query(`SELECT $1::regclass::oid AS oid`, [table]))[0].oid);

  it('replays existing events into the same rows, swaps the table in under the live name with live index names, and sets the live checkpoint', async () => {
    await appendEvents(env.store, applicationHistories());
    const live = new ProjectionRunner(env.store, env.db, env.registry, searchProjection, { batchSize: 25, pollIntervalMs: 1000 });
    await live.prepare();
    await live.catchUp();
    const before = await tableRows(env.db, searchProjection);
    expect(before).toHaveLength(30);
    const oldTable = await tableOid('search_cases');

    let progress = 0;
    const result = await rebuildProjection(env.store, env.db, env.registry, searchProjection, { batchSize: 7, onProgress: (n) => (progress = n) });

    const all = await readAllEvents(env.store);
    expect(result).toEqual({ events: all.length, table: 'search_cases' });
    expect(progress).toBe(all.length);
    expect(await tableRows(env.db, searchProjection)).toEqual(before);
    expect(await tableOid('search_cases')).not.toBe(oldTable);
    expect(await tables('%\\_rb\\_%')).toEqual([]);
    const indexes = await env.db.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'search_cases' ORDER BY 1`);
    expect(indexes.map((r: { indexname: string }) => r.indexname)).toEqual(
      ['search_cases_pkey', ...searchProjection.indexes!.map((columns) => indexName('search_cases', columns))].sort(),
    );
    expect(await storedCheckpoint(env.db, 'search_cases')).toEqual({ checkpoint: all[all.length - 1].checkpoint, definitionHash: definitionHash(searchProjection) });
    expect(await storedCheckpoint(env.db, 'search_cases#rebuild')).toBeUndefined();
  });

  it('builds the table and checkpoint from scratch when the projection never ran', async () => {
    await appendEvents(env.store, applicationHistories());
    const result = await rebuildProjection(env.store, env.db, env.registry, searchProjection, { batchSize: 50 });
    expect(result.events).toBe((await readAllEvents(env.store)).length);
    const live = new ProjectionRunner(env.store, env.db, env.registry, searchProjection, { batchSize: 50, pollIntervalMs: 1000 });
    await live.prepare();
    expect(await live.runOnce()).toBe(0); // nothing left to fold after the rebuild's checkpoint
    expect(await tableRows(env.db, searchProjection)).toHaveLength(30);
  });

  it('neither loses nor doubles an effect while a live runner keeps running and events keep arriving during the rebuild', async () => {
    const projection = counterProjection();
    const keyOf = (n: number) => `k${n % 10}`;
    await appendEvents(env.store, Array.from({ length: 300 }, (_, i) => counted(keyOf(i + 1), i + 1)));
    const errors: unknown[] = [];
    const runner = new ProjectionRunner(env.store, env.db, env.registry, projection, { batchSize: 20, pollIntervalMs: 50, onError: (e) => errors.push(e) });
    started = runner;
    runner.start();
    await eventually('the live runner caught up', async () => (await runner.lag()) === 0 && runner.status().leader);

    let rebuilding = true;
    let appended = 300;
    let appendedDuringRebuild = 0;
    const appender = (async () => {
      while (rebuilding) {
        // Two concurrent writers, so commits interleave with the rebuild's reads and swap.
        const next = [appended + 1, appended + 2];
        appended += 2;
        await Promise.all(next.map((n) => appendEvents(env.store, [counted(keyOf(n), n)])));
        appendedDuringRebuild += 2;
      }
    })();
    const result = await rebuildProjection(env.store, env.db, env.registry, projection, { batchSize: 10 });
    rebuilding = false;
    await appender;
    expect(appendedDuringRebuild).toBeGreaterThan(0);
    expect(result.events).toBeGreaterThanOrEqual(300);

    const all = await readAllEvents(env.store);
    expect(all).toHaveLength(appended);
    await eventually('the live runner folded every event', async () => (await storedCheckpoint(env.db, 'counters'))?.checkpoint === all[all.length - 1].checkpoint);
    await runner.stop();

    // A fresh fold of every event, in global order.
    const fold = new Map<string, Row>();
    for (const e of all) {
      const key = String(e.data.key);
      fold.set(key, { id: key, count: Number(fold.get(key)?.count ?? 0) + 1, last_position: Number(e.data.n) });
    }
    expect(await tableRows(env.db, projection)).toEqual([...fold.values()].sort((x, y) => String(x.id).localeCompare(String(y.id))));
    expect(errors).toEqual([]);
    expect(await tables('counters%')).toEqual(['counters']);
  });
});
