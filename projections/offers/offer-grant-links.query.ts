import { DataSource } from 'typeorm';

const UNDEFINED_TABLE = '42P01';

/** R44: the grants created on an offer, from the offers read model ([] before the projection has its table). */
export async function grantIdsOnOffer(db: DataSource, offerId: string): Promise<string[]> {
  try {
    const [row] = await db.query(`SELECT grant_ids FROM offers WHERE offer_id = $1`, [offerId]);
    return (row?.grant_ids as string[] | undefined) ?? [];
  } catch (error) {
    if ((error as { driverError?: { code?: string }; code?: string }).driverError?.code === UNDEFINED_TABLE || (error as { code?: string }).code === UNDEFINED_TABLE) return [];
    throw error;
  }
}
