import { Principal } from '../../platform/auth/principal';
import { ForbiddenError } from '../../platform/http/problems';

/** The parties a case names; who may read it follows from them. */
export interface CaseParties {
  jobcentre?: string;
  company?: { cvr: string; pNumber: string };
  citizen?: { cpr: string };
}

/** What a case type adds to the common rule (its own job centre's staff, its company, auditors). */
export interface ReadRules {
  /** The P-unit's (or company's) employee representative may read it. */
  employeeRepresentative?: boolean;
  /** The citizen may read it (false: never; a function: only when it holds). */
  citizen?: boolean | (() => boolean);
  /** Every job centre may read it (a national-list offer, read-only). */
  anyJobcentre?: boolean;
  /** The reader is an AA the case's citizen is assigned to now (R12, R32: it opens what its lists link to). */
  assignedAa?: boolean;
}

/** Who may read a case: its job centre (staff, company support, case system), company, the parties the rules add (an assigned AA among them), and auditors. */
export function assertMayReadCase(principal: Principal, what: string, parties: CaseParties, rules: ReadRules): void {
  const { role, org } = principal;
  const citizen = typeof rules.citizen === 'function' ? rules.citizen() : rules.citizen === true;
  const allowed =
    role === 'auditor' ||
    ((role === 'jobcentre' || role === 'case-system' || role === 'company-support') && org === parties.jobcentre) ||
    (role === 'jobcentre' && rules.anyJobcentre === true) ||
    (role === 'company' && org === parties.company?.cvr) ||
    (role === 'employee-representative' && rules.employeeRepresentative === true && (org === parties.company?.pNumber || org === parties.company?.cvr)) ||
    (role === 'citizen' && citizen && org === parties.citizen?.cpr) ||
    (role === 'anden-aktoer' && rules.assignedAa === true);
  if (!allowed) throw new ForbiddenError(`A ${role} of ${org} may not see this ${what}`);
}
