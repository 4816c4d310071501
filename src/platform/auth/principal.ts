/** The roles of the system; a verified token's `role` claim must be one of these. */
export const ROLES = [
  'jobcentre',
  'company',
  'citizen',
  'employee-representative',
  'anden-aktoer',
  'company-support',
  'auditor',
  'case-system',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The acting user, taken only from a verified bearer token.
 * `org` is the organisation the role acts for: job centre number (jobcentre, company-support,
 * case-system), CVR or P-number (company, employee-representative), CPR (citizen), AA id (anden-aktoer).
 */
export interface Principal {
  userId: string;
  role: Role;
  org: string;
  name?: string;
}
