import { DataSource } from 'typeorm';
import { Principal } from '../platform/auth/principal';

/** What a case says about whose it is: its owning job centre and its citizen. */
export interface AaVisibleCase {
  jobcentre?: string;
  citizen?: { cpr: string };
}

/**
 * Whether the caller is an Anden Aktør that the case's own job centre has the citizen assigned
 * ('udlagt') to now (R12, issue 10): then it may open the case its search lists link to (R32), as
 * a caseworker-like reader. Another job centre's assignment of the same citizen opens nothing
 * here. A formerly assigned AA still sees the masked list row but may not open the case, whose
 * view holds the CPR.
 */
export async function isAssignedAa(db: DataSource, principal: Principal, theCase: AaVisibleCase): Promise<boolean> {
  const cpr = theCase.citizen?.cpr;
  if (principal.role !== 'anden-aktoer' || !cpr || !theCase.jobcentre) return false;
  const rows: unknown[] = await db.query(`SELECT 1 FROM aa_assignments WHERE aa_id = $1 AND cpr = $2 AND jobcentre = $3 AND assigned`, [principal.org, cpr, theCase.jobcentre]);
  return rows.length > 0;
}

/**
 * How the case's own job centre has the citizen assigned to the calling AA: `assigned` now,
 * `formerly` (the assignment ended: the AA keeps its masked list rows, R12, D8), or null (never,
 * or the caller is no AA). The case history shows a formerly assigned AA the case masked.
 */
export async function aaAssignmentOf(db: DataSource, principal: Principal, theCase: AaVisibleCase): Promise<'assigned' | 'formerly' | null> {
  const cpr = theCase.citizen?.cpr;
  if (principal.role !== 'anden-aktoer' || !cpr || !theCase.jobcentre) return null;
  const rows: { assigned: boolean }[] = await db.query(`SELECT assigned FROM aa_assignments WHERE aa_id = $1 AND cpr = $2 AND jobcentre = $3`, [principal.org, cpr, theCase.jobcentre]);
  if (rows.length === 0) return null;
  return rows.some((r) => r.assigned) ? 'assigned' : 'formerly';
}
