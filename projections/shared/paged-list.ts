import { DataSource } from 'typeorm';
import { ident } from '../runner/projection-table';

/** WHERE conditions with bind parameters: `where.add((p) => \`jobcentre = ${p(org)}\`)`. */
export class Conditions {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  add(sql: (param: (value: unknown) => string) => string): this {
    this.clauses.push(
      sql((value) => {
        this.params.push(value);
        return `$${this.params.length}`;
      }),
    );
    return this;
  }

  /** A bind parameter used outside a clause (in a SELECT or ORDER BY expression): its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** `column = ANY(values)` when values are given (a multi-select filter, R6: OR within a filter). */
  anyOf(column: string, values: readonly unknown[] | undefined): this {
    return values?.length ? this.add((p) => `${ident(column)} = ANY(${p(values)})`) : this;
  }

  sql(): string {
    return this.clauses.length ? `WHERE ${this.clauses.map((c) => `(${c})`).join(' AND ')}` : '';
  }
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * One page of a read model's rows and the total they are taken from (R1: `totalCount`), newest
 * first by `created_at`, then by key so that paging never repeats or drops a row.
 */
export async function pagedRows<R>(db: DataSource, table: string, key: string, where: Conditions, page: PageRequest): Promise<{ totalCount: number; rows: R[] }> {
  const clause = where.sql();
  const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM ${ident(table)} t ${clause}`, where.params);
  const rows: { row: R }[] = await db.query(
    `SELECT to_jsonb(t) AS row FROM ${ident(table)} t ${clause} ORDER BY created_at DESC, ${ident(key)} DESC LIMIT $${where.params.length + 1} OFFSET $${where.params.length + 2}`,
    [...where.params, page.pageSize, (page.page - 1) * page.pageSize],
  );
  return { totalCount: total as number, rows: rows.map((r) => r.row) };
}

/** A `timestamptz` read through `to_jsonb` ("…+00:00") as the ISO instant the API uses everywhere ("…Z"). */
export function isoInstant(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
