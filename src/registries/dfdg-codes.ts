/**
 * DFDG cessation codes and their texts, defined once (D5). 14 and 15 exist for the job
 * centres' case systems only: caseworkers never pick them (R43).
 */
export const DFDG_CODES = {
  1: { text: 'Fejloprettet', selectableByCaseworker: true },
  3: { text: 'Aflyst af jobcenter/AA/A-kasse/Kursusudbyder', selectableByCaseworker: true },
  /** R41, D6: explicit refusal or withdrawal by the job centre, the company or the citizen. */
  14: { text: 'Bevilling ikke godkendt', selectableByCaseworker: false },
  /** R42, D2, D5: closed after ordinary expiry (and VP/LT reasons 0 and 1, R63). */
  15: { text: 'Aktivitetsperioden er afsluttet ordinært', selectableByCaseworker: false },
} as const;

export type DfdgCode = keyof typeof DFDG_CODES;
export const GRANT_NOT_APPROVED: DfdgCode = 14;
export const ORDINARY_EXPIRY: DfdgCode = 15;

export function dfdgText(code: DfdgCode): string {
  return DFDG_CODES[code].text;
}
