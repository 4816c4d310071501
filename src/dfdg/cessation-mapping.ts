/**
 * The one place a DFDG code is chosen for a grant message (domain.md §5, R38–R43, R61–R63, D1–D6).
 * Pure. Codes and texts come from the one registry (D5); VITAS reasons from cessation-reasons.ts,
 * looked up on their exact key (scheme, reasonId, subReasonId | null) (D1).
 */
import { findCessationReason } from '../registries/cessation-reasons';
import { DfdgCode, GRANT_NOT_APPROVED, ORDINARY_EXPIRY, dfdgText } from '../registries/dfdg-codes';
import { Scheme } from '../registries/schemes';
import { DfdgCessation } from './dfdg-message';

/** §5 row 3: 'Den ansatte er ophørt før tid'. R39: it and all its sub-reasons are never mapped (they trigger a NUPH). */
export const EARLY_TERMINATION_REASON_ID = 2;

function coded(code: DfdgCode): DfdgCessation {
  return { vitasReasonId: null, vitasSubReasonId: null, vitasText: null, dfdgCode: code, dfdgText: dfdgText(code), mapped: true };
}

/** R41, D6, D3: refused ('Afvist') or withdrawn ('Trukket tilbage') by the job centre, the company or the citizen, any scheme: 14. */
export function notApprovedCessation(): DfdgCessation {
  return coded(GRANT_NOT_APPROVED);
}

/** R42, D2, D3: closed after ordinary expiry, every scheme, Voksenlærling included: 15. */
export function ordinaryExpiryCessation(): DfdgCessation {
  return coded(ORDINARY_EXPIRY);
}

/**
 * R38, R40, D1, D4: a cessation the caseworker registered. The message always carries the VITAS
 * reason; the DFDG code only when §5 maps it (R63: VP/LT reasons 0 and 1 give 15). A key the
 * registry does not know is never guessed (D1): the message still goes, unmapped (D4).
 * Guards that hold whatever the registry says: early termination and every sub-reason are
 * never mapped (R39, D1), and a caseworker's reason never yields 14 (R43), so no event
 * yields both 14 and 15, or 14 from a cessation (R62).
 */
export function terminationCessation(scheme: Scheme, reasonId: number, subReasonId: number | null, reasonText: string): DfdgCessation {
  const reason = findCessationReason(scheme, reasonId, subReasonId);
  const neverMapped = reasonId === EARLY_TERMINATION_REASON_ID || subReasonId !== null;
  const code = !reason || neverMapped || reason.dfdgCode === GRANT_NOT_APPROVED ? null : reason.dfdgCode;
  return {
    vitasReasonId: reasonId,
    vitasSubReasonId: subReasonId,
    vitasText: reason?.text ?? reasonText,
    dfdgCode: code,
    dfdgText: code === null ? null : dfdgText(code),
    mapped: code !== null,
  };
}
