/**
 * VITAS cessation reasons ('ophørsårsager'), keyed by (scheme, reasonId, subReasonId | null)
 * as D1 decides, with their DFDG code where the source maps one (domain.md §5, in source order).
 * A lookup that misses its exact key is an error, never a guess: a lookup on (scheme, 4) alone
 * would send code 3 for the NUPH-relevant "Borgeren har ikke fulgt aktiviteten" (R39).
 */
import { DfdgCode } from './dfdg-codes';
import { Scheme } from './schemes';

export interface CessationReason {
  scheme: Scheme;
  reasonId: number;
  subReasonId: number | null;
  /** Danish VITAS text, sent as-is in messages (D4). */
  text: string;
  /** null: never mapped (R39, D1). */
  dfdgCode: DfdgCode | null;
  /** A parent reason that needs one of its sub-reasons ("undervalg") to be registered. */
  requiresSubReason?: boolean;
  /** D1: not in the source (which lists VP, LT and VL only): an assumption to confirm with STAR. */
  assumption?: boolean;
}

const VP: Scheme = 'company-placement';
const LT: Scheme = 'wage-subsidy';
const VL: Scheme = 'adult-apprentice';
const OTHER_SCHEMES: Scheme[] = ['public-benefit-work', 'flex-job', 'job-rotation', 'mentor', 'assistive-aid', 'personal-assistant', 'igu'];

const EARLY_TERMINATION = 'Den ansatte er ophørt før tid';
/** D1: the sub-reasons of reason 2 for VP and LT (rows 11–14); never mapped. */
const EARLY_TERMINATION_SUB_REASONS: [number, string][] = [
  [10, 'Borgeren har opsagt sin ansættelse'],
  [11, 'Borgeren er opsagt af virksomheden'],
  [5, 'Borgeren er udeblevet fra aktivitet'],
  [4, 'Borgeren har ikke fulgt aktiviteten'],
];

const reason = (scheme: Scheme, reasonId: number, subReasonId: number | null, text: string, dfdgCode: DfdgCode | null, requiresSubReason = false): CessationReason => ({
  scheme, reasonId, subReasonId, text, dfdgCode, ...(requiresSubReason ? { requiresSubReason } : {}),
});

export const CESSATION_REASONS: readonly CessationReason[] = [
  reason(VP, 0, null, 'Den ansatte stopper, da praktikperioden er udløbet', 15), // row 1
  reason(VP, 1, null, 'Den ansatte vil fortsætte i virksomheden uden praktik', 15), // row 2
  ...[VP, LT].map((s) => reason(s, 2, null, EARLY_TERMINATION, null, true)), // row 3
  ...[VP, LT, VL].map((s) => reason(s, 3, null, 'Fejlregistrering', 1)), // row 4
  ...[VP, LT, VL].map((s) => reason(s, 4, null, 'Aflyst af jobcenter eller anden aktør', 3)), // row 5
  reason(LT, 0, null, 'Den ansatte stopper, da løntilskudsperioden er udløbet', 15), // row 6
  reason(LT, 1, null, 'Den ansatte vil fortsætte i virksomheden uden løntilskud', 15), // row 7
  reason(VL, 5, null, 'Voksenlærlingen er udeblevet fra uddannelsen', null), // row 8
  reason(VL, 6, null, 'Voksenlærlingen har afbrudt uddannelsen', null), // row 9
  reason(VL, 11, null, 'Virksomheden har afbrudt voksenlærlingeforløbet', null), // row 10
  ...[VP, LT].flatMap((s) => EARLY_TERMINATION_SUB_REASONS.map(([id, text]) => reason(s, 2, id, text, null))), // rows 11–14
  // ASSUMPTION (not in the source, which lists VP, LT and VL only): the other schemes can be
  // ceased for the same three general reasons, none of them mapped to a DFDG code (D4: the
  // message still carries the VITAS reason). Confirm with STAR together with Q3.
  ...OTHER_SCHEMES.flatMap((s) => [
    reason(s, 2, null, EARLY_TERMINATION, null),
    reason(s, 3, null, 'Fejlregistrering', null),
    reason(s, 4, null, 'Aflyst af jobcenter eller anden aktør', null),
  ].map((r) => ({ ...r, assumption: true }))),
];

function keyOf(scheme: Scheme, reasonId: number, subReasonId: number | null): string {
  return `${scheme}|${reasonId}|${subReasonId ?? '-'}`;
}

const BY_KEY = new Map(CESSATION_REASONS.map((r) => [keyOf(r.scheme, r.reasonId, r.subReasonId), r]));

/** The exact reason, or undefined: callers turn a miss into an error naming the key (D1). */
export function findCessationReason(scheme: Scheme, reasonId: number, subReasonId: number | null): CessationReason | undefined {
  return BY_KEY.get(keyOf(scheme, reasonId, subReasonId));
}

/** D1: whether a scheme's reasons are an assumption (the source lists none for it). */
export const cessationReasonsAreAssumed = (scheme: Scheme): boolean => OTHER_SCHEMES.includes(scheme);

/** The reasons a caseworker may pick for a scheme (R43: codes 14 and 15 are never offered as such). */
export function cessationReasonsFor(scheme: Scheme): CessationReason[] {
  return CESSATION_REASONS.filter((r) => r.scheme === scheme);
}
