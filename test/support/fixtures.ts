/**
 * The reference values the HTTP tests share: job centres, a company with two P-units (one with
 * an employee representative, one without, D23), another company, and citizens. createTestApp
 * imports them through the reference-data API unless told not to.
 */
export const JOBCENTRE = '101';
export const OTHER_JOBCENTRE = '147';
export const CVR = '12345678';
/** The P-unit with an employee representative. */
export const P_NUMBER = '1000000001';
/** The P-unit without one. */
export const P_NUMBER_NO_REP = '1000000002';
export const OTHER_CVR = '87654321';
export const OTHER_P_NUMBER = '2000000001';
export const CPR = '0101901234';

export const STANDARD_REFERENCE_DATA = {
  jobcentres: [
    { number: JOBCENTRE, name: 'Jobcenter København' },
    { number: OTHER_JOBCENTRE, name: 'Jobcenter Frederiksberg' },
  ],
  companies: [
    { cvr: CVR, name: 'Østergaard Smede ApS' },
    { cvr: OTHER_CVR, name: 'Bæk & Søn A/S' },
  ],
  'p-units': [
    { pNumber: P_NUMBER, cvr: CVR, name: 'Østergaard Smede, Aarhus', address: 'Åboulevarden 1, 8000 Aarhus C', hasEmployeeRepresentative: true },
    { pNumber: P_NUMBER_NO_REP, cvr: CVR, name: 'Østergaard Smede, Vejle', address: 'Søndergade 4, 7100 Vejle', hasEmployeeRepresentative: false },
    { pNumber: OTHER_P_NUMBER, cvr: OTHER_CVR, name: 'Bæk & Søn, Odense', address: 'Vestergade 9, 5000 Odense C', hasEmployeeRepresentative: false },
  ],
  citizens: [{ cpr: CPR, firstName: 'Søren', lastName: 'Ærø' }],
} as const;

/**
 * The body of POST /api/applications; tests override what they are about. Whether the
 * representative step applies follows from the P-unit (D23): `employeeRep: true` picks the
 * P-unit that has one.
 */
export function draftBody(overrides: Record<string, unknown> & { employeeRep?: boolean } = {}) {
  const { employeeRep, ...rest } = overrides;
  return { scheme: 'wage-subsidy', company: { cvr: CVR, pNumber: employeeRep ? P_NUMBER : P_NUMBER_NO_REP }, citizen: { cpr: CPR }, ...rest };
}

/**
 * An organisation of each role's kind in the standard world, for tests about roles: the token
 * verifier refuses a token whose `org` is not of its role's kind (a CVR for a company, …).
 */
export const ORG_OF_ROLE = {
  jobcentre: JOBCENTRE,
  'company-support': JOBCENTRE,
  'case-system': JOBCENTRE,
  company: CVR,
  'employee-representative': P_NUMBER,
  citizen: CPR,
  'anden-aktoer': 'aa-1',
  auditor: 'auditor',
} as const;
