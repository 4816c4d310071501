import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { AnyProjection as Projection, Row } from './projection';
import { createTableSql, loadRows, writeRows } from './projection-table';

/**
 * Folds one batch of events into a projection's table inside the caller's transaction:
 * one load of the touched rows, the pure folds in memory, one upsert and one delete.
 */
export async function applyBatch(m: EntityManager, p: Projection, table: string, events: RecordedEvent[]): Promise<number> {
  const handled = events.filter((e) => p.handles.includes(e.type));
  if (handled.length === 0) return 0;
  if (p.applyBatch) {
    await p.applyBatch(m, table, handled);
    return handled.length;
  }
  const keys = [...new Set(handled.map((e) => p.keyOf(e)))];
  const existing = await loadRows(m, p, table, keys);
  const current = new Map<string, Row | null>(keys.map((k) => [k, existing.get(k) ?? null]));
  for (const event of handled) {
    const key = p.keyOf(event);
    current.set(key, p.evolve(current.get(key) ?? null, event));
  }
  const upserts: Row[] = [];
  const deletes: string[] = [];
  current.forEach((row, key) => (row ? upserts.push(row) : existing.has(key) && deletes.push(key)));
  await writeRows(m, p, table, upserts, deletes);
  if (p.afterBatch) await p.afterBatch(m, table, handled);
  return handled.length;
}

export async function ensureTable(m: EntityManager, p: Projection, table: string, options = { indexes: true }): Promise<void> {
  for (const sql of createTableSql(p, table, options)) await m.query(sql);
}

/** Changes when the table shape or handled events change; a changed hash triggers a rebuild. */
export function definitionHash(p: Projection): string {
  return createHash('sha256')
    .update(JSON.stringify({ columns: p.columns, indexes: p.indexes ?? [], unique: p.uniqueIndexes ?? [], handles: p.handles, key: p.key, v: p.version ?? 1 }))
    .digest('hex')
    .slice(0, 16);
}
