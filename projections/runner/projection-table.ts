/**
 * The thin persistence adapter of a projection: DDL from its column list, and one
 * set-based load and upsert per batch (the rows travel as one jsonb parameter).
 */
import { EntityManager } from 'typeorm';
import { AnyProjection as Projection, Row } from './projection';

const IDENT = /^[a-z_][a-z0-9_]*$/;

export function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Unsafe SQL identifier '${name}'`);
  return `"${name}"`;
}

export function createTableSql(p: Projection, table: string, options: { indexes: boolean } = { indexes: true }): string[] {
  const cols = p.columns.map((c) => `${ident(c.name)} ${c.type}${c.name === p.key ? ' PRIMARY KEY' : c.nullable === false ? ' NOT NULL' : ''}`);
  const statements = [`CREATE TABLE IF NOT EXISTS ${ident(table)} (${cols.join(', ')})`];
  return options.indexes ? [...statements, ...createIndexesSql(p, table)] : statements;
}

/** Secondary indexes; a rebuild creates them after its bulk load, which is faster than maintaining them. */
export function createIndexesSql(p: Projection, table: string): string[] {
  const create = (unique: boolean) => (columns: string[]) =>
    `CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${ident(indexName(table, columns))} ON ${ident(table)} (${columns.map(ident).join(', ')})`;
  return [...(p.uniqueIndexes ?? []).map(create(true)), ...(p.indexes ?? []).map(create(false))];
}

export function indexName(table: string, columns: string[]): string {
  return `${table}_${columns.join('_')}_idx`.slice(0, 63);
}

export async function loadRows(m: EntityManager, p: Projection, table: string, keys: string[]): Promise<Map<string, Row>> {
  const rows: Row[] = await m.query(`SELECT to_jsonb(t) AS row FROM ${ident(table)} t WHERE ${ident(p.key)} = ANY($1)`, [keys]).then((r: { row: Row }[]) => r.map((x) => x.row));
  return new Map(rows.map((r) => [String(r[p.key]), r]));
}

export async function writeRows(m: EntityManager, p: Projection, table: string, upserts: Row[], deletes: string[]): Promise<void> {
  if (upserts.length) {
    const cols = p.columns.map((c) => ident(c.name));
    const updates = p.columns.filter((c) => c.name !== p.key).map((c) => `${ident(c.name)} = EXCLUDED.${ident(c.name)}`);
    await m.query(
      `INSERT INTO ${ident(table)} (${cols.join(', ')})
       SELECT ${cols.join(', ')} FROM jsonb_populate_recordset(NULL::${ident(table)}, $1::jsonb)
       ON CONFLICT (${ident(p.key)}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
      [JSON.stringify(upserts)],
    );
  }
  if (deletes.length) await m.query(`DELETE FROM ${ident(table)} WHERE ${ident(p.key)} = ANY($1)`, [deletes]);
}
