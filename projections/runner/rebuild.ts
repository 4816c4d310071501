import { DataSource, EntityManager } from 'typeorm';
import { Checkpoint, EventStore } from '../../src/platform/event-store/event-store.port';
import { EventRegistry } from '../../src/platform/events/event-registry';
import { applyBatch, definitionHash } from './apply-batch';
import { readCheckpoint, saveCheckpoint } from './checkpoints';
import { definitionChangeCount } from './definition-changes';
import { AnyProjection as Projection } from './projection';
import { createIndexesSql, ident, indexName } from './projection-table';
import { ProjectionRunner } from './projection-runner';

export interface RebuildResult {
  events: number;
  table: string;
  /** Set for a published projection that already held rows: it was verified against the replay, not swapped. */
  verification?: Verification;
}

/** A published table compared row by row with a replay of the same events (issue 11). */
export interface Verification {
  identical: number;
  /** Rows under the same key whose columns differ. */
  differing: number;
  /** Rows the replay makes that the table lacks. */
  missing: number;
  /** Rows the table holds that the replay does not make. */
  extra: number;
  /** Definition changes recorded for it: with any, rows made before them may rightly differ from a replay under today's definition. */
  definitionChanges: number;
}

/**
 * Replays every event into a fresh table while the live one keeps answering, then swaps
 * them in one short transaction. The swap locks the live checkpoint row, so a live runner's
 * batch either commits before it or notices the moved checkpoint and reloads.
 *
 * A published projection that already holds rows is never swapped (its consumers hold cursors
 * into its ids and sequences): under the same lock the live table is brought to the replay's
 * position, the two are compared row by row, and the replay is dropped.
 */
export async function rebuildProjection(
  store: EventStore,
  db: DataSource,
  registry: EventRegistry,
  projection: Projection,
  options: { batchSize: number; onProgress?: (events: number) => void },
): Promise<RebuildResult> {
  const fresh = `${projection.table}_rb_${Date.now().toString(36)}`;
  const rebuildName = `${projection.name}#rebuild`;
  await db.query(`DELETE FROM projection_checkpoints WHERE name = $1`, [rebuildName]);
  let events = 0;
  const runner = new ProjectionRunner(store, db, registry, projection, {
    batchSize: options.batchSize,
    pollIntervalMs: 0,
    table: fresh,
    checkpointName: rebuildName,
    // A custom writer may query its own table while it writes (an outbox's sequence, say).
    deferIndexes: !projection.applyBatch,
    onBatch: (n) => {
      events += n; // outside the optional call, which would skip it when there is no onProgress
      options.onProgress?.(events);
    },
  });
  let verification: Verification | undefined;
  await runner.prepare();
  await runner.catchUp();
  for (const sql of createIndexesSql(projection, fresh)) await db.query(sql);

  await db.transaction(async (m) => {
    await m.query(
      `INSERT INTO projection_checkpoints (name, checkpoint, definition_hash) VALUES ($1, NULL, '') ON CONFLICT (name) DO NOTHING`,
      [projection.name],
    );
    const live = await readCheckpoint(m, projection.name, true);
    // Events appended since the catch-up go in under the lock, so nothing falls between.
    let checkpoint = runner.status().checkpoint;
    for (;;) {
      const batch = await store.readAll(checkpoint, options.batchSize);
      if (!batch.events.length) break;
      await applyBatch(m, projection, fresh, batch.events.map((e) => registry.upcast(e)));
      events += batch.events.length;
      checkpoint = batch.checkpoint;
    }
    if (projection.published && (await holdsRows(m, projection.table))) {
      await catchUpLiveTo(m, store, registry, projection, live.checkpoint, checkpoint, options.batchSize);
      verification = { ...(await compareTables(m, projection, fresh)), definitionChanges: await definitionChangeCount(m, projection) };
      await m.query(`DROP TABLE ${ident(fresh)}`);
    } else {
      await swapTables(m, projection, fresh);
      await saveCheckpoint(m, projection.name, checkpoint, definitionHash(projection));
    }
    await m.query(`DELETE FROM projection_checkpoints WHERE name = $1`, [rebuildName]);
  });
  return { events, table: projection.table, ...(verification ? { verification } : {}) };
}

async function holdsRows(m: EntityManager, table: string): Promise<boolean> {
  const [{ exists }] = await m.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [table]);
  return exists && (await m.query(`SELECT 1 FROM ${ident(table)} LIMIT 1`)).length > 0;
}

/** Applies to the live table what its runner has not yet applied, up to and including `target`, as the runner would. */
async function catchUpLiveTo(m: EntityManager, store: EventStore, registry: EventRegistry, p: Projection, from: Checkpoint | null, target: Checkpoint | null, batchSize: number): Promise<void> {
  let checkpoint = from;
  while (checkpoint !== target) {
    const batch = await store.readAll(checkpoint, batchSize);
    const end = batch.events.findIndex((e) => e.checkpoint === target);
    const events = end === -1 ? batch.events : batch.events.slice(0, end + 1);
    if (!events.length) break;
    await applyBatch(m, p, p.table, events.map((e) => registry.upcast(e)));
    checkpoint = events[events.length - 1].checkpoint;
  }
  await saveCheckpoint(m, p.name, checkpoint);
}

async function compareTables(m: EntityManager, p: Projection, fresh: string): Promise<Omit<Verification, 'definitionChanges'>> {
  const key = ident(p.key);
  const [row] = await m.query(`
    SELECT count(*) FILTER (WHERE f.k IS NOT NULL AND l.k IS NOT NULL AND f.r = l.r)::int AS identical,
           count(*) FILTER (WHERE f.k IS NOT NULL AND l.k IS NOT NULL AND f.r <> l.r)::int AS differing,
           count(*) FILTER (WHERE l.k IS NULL)::int AS missing,
           count(*) FILTER (WHERE f.k IS NULL)::int AS extra
    FROM (SELECT ${key} AS k, to_jsonb(t) AS r FROM ${ident(fresh)} t) f
    FULL JOIN (SELECT ${key} AS k, to_jsonb(t) AS r FROM ${ident(p.table)} t) l ON f.k = l.k`);
  return row;
}

async function swapTables(m: EntityManager, p: Projection, fresh: string): Promise<void> {
  await m.query(`DROP TABLE IF EXISTS ${ident(p.table)}`);
  await m.query(`ALTER TABLE ${ident(fresh)} RENAME TO ${ident(p.table)}`);
  await m.query(`ALTER TABLE ${ident(p.table)} RENAME CONSTRAINT ${ident(`${fresh}_pkey`)} TO ${ident(`${p.table}_pkey`)}`);
  for (const columns of [...(p.uniqueIndexes ?? []), ...(p.indexes ?? [])]) {
    await m.query(`ALTER INDEX ${ident(indexName(fresh, columns))} RENAME TO ${ident(indexName(p.table, columns))}`);
  }
}
