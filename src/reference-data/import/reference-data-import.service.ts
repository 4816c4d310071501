import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ProblemFieldError } from '../../platform/http/problems';
import { ImportKind, P_UNITS } from './import-kinds';
import { ImportRecords, duplicateKeyErrors, inInputOrder, invalidImport, validationErrors } from './import-records';

/** Rows per INSERT … SELECT FROM unnest(…): one round trip each, well under the bind-size limits. */
const UPSERT_BATCH = 5_000;

/**
 * Upserts a whole import in one transaction: every record is validated first, and any bad
 * record (or a P-unit of an unknown company) means nothing is written.
 */
@Injectable()
export class ReferenceDataImport {
  constructor(private readonly db: DataSource) {}

  async import(kind: ImportKind, records: ImportRecords): Promise<{ imported: number }> {
    const errors = [...records.errors, ...validationErrors(kind, records), ...duplicateKeyErrors(kind, records)];
    if (errors.length) throw invalidImport(inInputOrder(errors));
    const key = kind.columns[0].property;
    // Key order: concurrent imports lock shared rows in the same order and cannot deadlock.
    const items = [...records.items].sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : 1));

    await this.db.transaction(async (m) => {
      if (kind === P_UNITS) {
        const unknown = await unknownCompanies(m, records);
        if (unknown.length) throw invalidImport(unknown);
      }
      for (let i = 0; i < items.length; i += UPSERT_BATCH) {
        const batch = items.slice(i, i + UPSERT_BATCH);
        await m.query(upsertSql(kind), kind.columns.map((c) => batch.map((item) => item[c.property] ?? (c.pgType === 'boolean' ? false : null))));
      }
    });
    return { imported: items.length };
  }
}

/** A P-unit must belong to a known company: the foreign key would refuse it, but without naming the row. */
async function unknownCompanies(m: EntityManager, records: ImportRecords): Promise<ProblemFieldError[]> {
  const cvrs = [...new Set(records.items.map((item) => String(item.cvr)))];
  const known = new Set((await m.query(`SELECT cvr FROM companies WHERE cvr = ANY($1::text[])`, [cvrs])).map((r: { cvr: string }) => r.cvr));
  return records.items.flatMap((item, i) => {
    if (known.has(String(item.cvr))) return [];
    const field = records.fieldOf(i, 'cvr');
    return [{ field, rule: 'unknown-company', message: `${field}: no company with CVR ${item.cvr} (import the company first)` }];
  });
}

/**
 * Inserts new rows and updates changed ones. Unchanged rows are left alone so `updated_at`
 * says when the register last changed the row, not when it was last re-imported.
 */
function upsertSql(kind: ImportKind): string {
  const names = kind.columns.map((c) => c.column);
  const [key, ...rest] = names;
  return `
    INSERT INTO ${kind.table} (${names.join(', ')})
    SELECT * FROM unnest(${kind.columns.map((c, i) => `$${i + 1}::${c.pgType}[]`).join(', ')})
    ON CONFLICT (${key}) DO UPDATE SET ${rest.map((n) => `${n} = excluded.${n}`).join(', ')}, updated_at = now()
    WHERE (${rest.map((n) => `${kind.table}.${n}`).join(', ')}) IS DISTINCT FROM (${rest.map((n) => `excluded.${n}`).join(', ')})`;
}
