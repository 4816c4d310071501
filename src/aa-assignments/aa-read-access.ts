import { DataSource } from 'typeorm';
import { Principal } from '../platform/auth/principal';

/**
 * Whether the caller is an Anden Aktør that the citizen is assigned ('udlagt') to now (R12): then
 * it may open the case its search lists link to (R32), as a caseworker-like reader. A formerly
 * assigned AA still sees the masked list row but may not open the case, whose view holds the CPR.
 */
export async function isAssignedAa(db: DataSource, principal: Principal, cpr: string | undefined): Promise<boolean> {
  if (principal.role !== 'anden-aktoer' || !cpr) return false;
  const rows: unknown[] = await db.query(`SELECT 1 FROM aa_assignments WHERE aa_id = $1 AND cpr = $2 AND assigned`, [principal.org, cpr]);
  return rows.length > 0;
}
