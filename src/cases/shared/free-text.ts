/**
 * R27/D18 for deciders: whether a case falls under the 2,000-character limit (created on or
 * after the configured effective date; recorded on the creating event), and the check itself.
 */
import { DomainError } from '../../platform/http/problems';
import { FreeTextField, freeTextViolation } from '../../registries/free-text-fields';

export function freeTextLimitApplies(createdAt: Date, effectiveDate: Date): boolean {
  return createdAt.getTime() >= effectiveDate.getTime();
}

/** A 422 naming R27, the field and its Danish label when a free-text field is over its limit. */
export function requireFreeTextWithinLimit(values: Partial<Record<FreeTextField, string | null | undefined>>, applies: boolean): void {
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string')) as Partial<Record<FreeTextField, string>>;
  const violation = freeTextViolation(defined, applies);
  if (violation) {
    throw new DomainError(`'${violation.label}' is ${violation.length} characters; at most ${violation.max} are allowed`, 'R27', { field: violation.field });
  }
}
