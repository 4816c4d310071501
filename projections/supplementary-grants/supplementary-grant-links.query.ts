import { DataSource } from 'typeorm';
import { HIDDEN_STATUS } from './list-supplementary-grants.query';

const UNDEFINED_TABLE = '42P01';

/**
 * The supplementary grants attached to a grant, oldest first, from the `supplementary_grants`
 * read model (eventually consistent); D7: none 'Lukket bevilling (ej brugt)'. [] before the
 * projection has its table.
 */
export async function supplementaryGrantIdsOf(db: DataSource, grantId: string): Promise<string[]> {
  try {
    const rows: { supplementary_grant_id: string }[] = await db.query(
      `SELECT supplementary_grant_id FROM supplementary_grants WHERE parent_grant_id = $1 AND status <> $2 ORDER BY created_at, supplementary_grant_id`,
      [grantId, HIDDEN_STATUS],
    );
    return rows.map((r) => r.supplementary_grant_id);
  } catch (error) {
    const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
    if (code === UNDEFINED_TABLE) return [];
    throw error;
  }
}
