/**
 * The linked cases a case's view lists (R44, D7), from the search read model `search_cases`
 * (eventually consistent; [] before the projection has its table).
 */
import { DataSource } from 'typeorm';

const UNDEFINED_TABLE = '42P01';

async function caseIds(db: DataSource, sql: string, params: unknown[]): Promise<string[]> {
  try {
    const rows: { case_id: string }[] = await db.query(sql, params);
    return rows.map((r) => r.case_id);
  } catch (error) {
    const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
    if (code === UNDEFINED_TABLE) return [];
    throw error;
  }
}

/** R44: the grants made on an offer, oldest first (by its `offer_id` index). */
export function grantIdsOnOffer(db: DataSource, offerId: string): Promise<string[]> {
  return caseIds(db, `SELECT case_id FROM search_cases WHERE offer_id = $1 AND case_type = 'grant' ORDER BY created_at, case_id`, [offerId]);
}

/** A grant's supplementary grants, oldest first (by its `parent_grant_id` index); D7: none 'Lukket bevilling (ej brugt)'. */
export function supplementaryGrantIdsOf(db: DataSource, grantId: string): Promise<string[]> {
  return caseIds(
    db,
    `SELECT case_id FROM search_cases WHERE parent_grant_id = $1 AND case_type = 'supplementary-grant' AND status <> 'closed-unused' ORDER BY created_at, case_id`,
    [grantId],
  );
}
