/** The reference values the HTTP tests share: one job centre, one company with its P-unit, one citizen. */
export const JOBCENTRE = '101';
export const CVR = '12345678';
export const P_NUMBER = '1000000001';
export const CPR = '0101901234';

/** The body of POST /api/applications; tests override what they are about. */
export function draftBody(overrides: Record<string, unknown> = {}) {
  return { scheme: 'wage-subsidy', company: { cvr: CVR, pNumber: P_NUMBER }, citizen: { cpr: CPR }, pUnitHasEmployeeRepresentative: false, ...overrides };
}
