import { DataSource, EntityManager } from 'typeorm';
import { EventStore } from '../../src/platform/event-store/event-store.port';
import { EventRegistry } from '../../src/platform/events/event-registry';
import { applyBatch, definitionHash } from './apply-batch';
import { readCheckpoint, saveCheckpoint } from './checkpoints';
import { AnyProjection as Projection } from './projection';
import { createIndexesSql, ident, indexName } from './projection-table';
import { ProjectionRunner } from './projection-runner';

export interface RebuildResult {
  events: number;
  table: string;
}

/**
 * Replays every event into a fresh table while the live one keeps answering, then swaps
 * them in one short transaction. The swap locks the live checkpoint row, so a live runner's
 * batch either commits before it or notices the moved checkpoint and reloads.
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
  await runner.prepare();
  await runner.catchUp();
  for (const sql of createIndexesSql(projection, fresh)) await db.query(sql);

  await db.transaction(async (m) => {
    await m.query(
      `INSERT INTO projection_checkpoints (name, checkpoint, definition_hash) VALUES ($1, NULL, '') ON CONFLICT (name) DO NOTHING`,
      [projection.name],
    );
    await readCheckpoint(m, projection.name, true);
    // Events appended since the catch-up go in under the lock, so nothing falls between.
    let checkpoint = runner.status().checkpoint;
    for (;;) {
      const batch = await store.readAll(checkpoint, options.batchSize);
      if (!batch.events.length) break;
      await applyBatch(m, projection, fresh, batch.events.map((e) => registry.upcast(e)));
      events += batch.events.length;
      checkpoint = batch.checkpoint;
    }
    await swapTables(m, projection, fresh);
    await saveCheckpoint(m, projection.name, checkpoint, definitionHash(projection));
    await m.query(`DELETE FROM projection_checkpoints WHERE name = $1`, [rebuildName]);
  });
  return { events, table: projection.table };
}

async function swapTables(m: EntityManager, p: Projection, fresh: string): Promise<void> {
  await m.query(`DROP TABLE IF EXISTS ${ident(p.table)}`);
  await m.query(`ALTER TABLE ${ident(fresh)} RENAME TO ${ident(p.table)}`);
  await m.query(`ALTER TABLE ${ident(p.table)} RENAME CONSTRAINT ${ident(`${fresh}_pkey`)} TO ${ident(`${p.table}_pkey`)}`);
  for (const columns of [...(p.uniqueIndexes ?? []), ...(p.indexes ?? [])]) {
    await m.query(`ALTER INDEX ${ident(indexName(fresh, columns))} RENAME TO ${ident(indexName(p.table, columns))}`);
  }
}
