/**
 * The free-text fields under the 2,000-character limit (R27, D18), defined once. Characters
 * are Unicode code points. The limit applies to cases created on or after the configured
 * effective date (FREE_TEXT_LIMIT_EFFECTIVE_DATE); older data is returned unchanged (R30),
 * except that extending a VP or LT grant validates 'Jobindhold' even on old cases (R30).
 * Formatted communication fields ('Godkend', 'Afvis') are not free text and are exempt (R29).
 */
export const FREE_TEXT_FIELDS = {
  jobContent: { label: 'Jobindhold', maxCodePoints: 2000 },
  workTasks: { label: 'Arbejdsopgaver', maxCodePoints: 2000 },
  remarks: { label: 'Bemærkninger', maxCodePoints: 2000 },
  justification: { label: 'Begrundelse', maxCodePoints: 2000 },
} as const satisfies Record<string, { label: string; maxCodePoints: number }>;

export type FreeTextField = keyof typeof FREE_TEXT_FIELDS;

export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The first field over its limit, or null. `applies` is false for cases created before the effective date. */
export function freeTextViolation(values: Partial<Record<FreeTextField, string | undefined>>, applies: boolean): { field: FreeTextField; label: string; max: number; length: number } | null {
  if (!applies) return null;
  for (const [field, value] of Object.entries(values) as [FreeTextField, string | undefined][]) {
    if (value === undefined) continue;
    const { label, maxCodePoints } = FREE_TEXT_FIELDS[field];
    const length = codePointLength(value);
    if (length > maxCodePoints) return { field, label, max: maxCodePoints, length };
  }
  return null;
}
