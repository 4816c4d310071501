/**
 * Which grants the demo makes (domain.md §3.3): every status of every scheme, reached by each
 * party, on each kind of origin, with every valid cessation reason of the registry (D1, R43).
 */
import { CessationReason, cessationReasonsFor } from '../../src/registries/cessation-reasons';
import { SCHEME_CODES, SCHEMES, Scheme } from '../../src/registries/schemes';
import { NATIONAL_LIST_SCHEMES } from './seed-offers';

/** The outcome a grant is carried to; 'expired' is an active grant whose period has ended (closed by the API's scheduler, R42). */
export type GrantTarget =
  | 'drafted' | 'awaiting-company' | 'awaiting-citizen' | 'active' | 'extended' | 'reviewed'
  | 'refused' | 'withdrawn' | 'terminated' | 'expired' | 'closed-unused';
export type GrantParty = 'jobcentre' | 'company' | 'citizen';
/** What the grant is made on: nothing, an approved application, an offer to its job centre, or a VP/LT offer on the national list (R44). */
export type GrantOrigin = 'direct' | 'application' | 'offer' | 'national-list-offer';
/** How far the approval goes before the target's own act. */
export type GrantStage = 'drafted' | 'awaiting-company' | 'awaiting-citizen' | 'active';

export interface GrantUnit {
  scheme: Scheme;
  target: GrantTarget;
  origin: GrantOrigin;
  /** Who refuses or withdraws. */
  party: GrantParty;
  /** The stage the grant reaches before the target's act. */
  stage: GrantStage;
  /** When the period lies: before today, around today, or after it. */
  period: 'past' | 'running' | 'future';
  /** For 'terminated': the registry's reason (never one that needs a sub-reason, D1). */
  reason?: CessationReason;
  /** §3.7, R54, D20: required for fleksjob. */
  fleksjob?: { permanent: boolean; employedInOwnCompany: boolean };
  /** D24: the offer is cancelled after the grant was made on it; the grant is unaffected. */
  cancelOfferAfterwards: boolean;
}

const PA: Scheme = 'personal-assistant';
/** §3.7, D20: permanent, and not permanent (also in one's own company, which R54 forbids only for permanent ones). */
const FLEKSJOB_VARIANTS = [
  { permanent: true, employedInOwnCompany: false },
  { permanent: false, employedInOwnCompany: false },
  { permanent: false, employedInOwnCompany: true },
];

/** The reasons a caseworker can register for a scheme: sub-reasons instead of their parent (D1). */
export const terminationReasons = (scheme: Scheme): CessationReason[] => cessationReasonsFor(scheme).filter((r) => !r.requiresSubReason);

type Entry = Pick<GrantUnit, 'scheme' | 'target'> & { party?: GrantParty; slot?: number };

function entriesFor(scheme: Scheme): Entry[] {
  const e = (target: GrantTarget, more: Partial<Entry> = {}): Entry => ({ scheme, target, ...more });
  const reasons = terminationReasons(scheme).length;
  // Enough termination entries that the first rounds register every reason of the scheme.
  const terminations = Math.min(reasons, reasons > 5 ? 3 : reasons > 3 ? 2 : 1);
  return [
    e('drafted'), e('awaiting-company'), ...(scheme === PA ? [e('awaiting-citizen')] : []), e('active'), e('extended'), e('reviewed'),
    e('refused', { party: 'jobcentre' }), e('refused', { party: 'company' }), ...(scheme === PA ? [e('refused', { party: 'citizen' })] : []),
    e('withdrawn'), ...Array.from({ length: terminations }, (_, slot) => e('terminated', { slot })), e('expired'), e('closed-unused'),
  ];
}

const PLAN: Entry[] = SCHEME_CODES.flatMap(entriesFor);

function originsFor(scheme: Scheme): GrantOrigin[] {
  if (SCHEMES[scheme].compensating) return ['direct', 'application'];
  return NATIONAL_LIST_SCHEMES.includes(scheme) ? ['direct', 'application', 'offer', 'national-list-offer'] : ['direct', 'application', 'offer'];
}

/** Unit `i` of the plan; round `k` varies the origin, party, reason and fleksjob facts. */
export function planGrant(i: number): GrantUnit {
  const entry = PLAN[i % PLAN.length];
  const k = Math.floor(i / PLAN.length);
  const { scheme, target } = entry;
  const party: GrantParty = entry.party ?? (['jobcentre', 'company', 'citizen'] as const)[(k + 2 * i) % 3];
  const stage = stageFor(target, party, scheme, k);
  const origins = originsFor(scheme);
  let origin = origins[(k + i) % origins.length];
  // R44: a national-list VP/LT grant is never 'Bevilling udarbejdet'.
  if (origin === 'national-list-offer' && stage === 'drafted') origin = 'offer';
  const reasons = terminationReasons(scheme);
  const slots = PLAN.filter((p) => p.scheme === scheme && p.target === 'terminated').length;
  return {
    scheme, target, origin, party, stage,
    period: target === 'expired' ? 'past' : stage === 'active' && target !== 'closed-unused' ? 'running' : 'future',
    reason: target === 'terminated' ? reasons[((entry.slot ?? 0) + k * slots) % reasons.length] : undefined,
    // Strides other than the origin's, so the variants do not move in step with it.
    fleksjob: scheme === 'flex-job' ? FLEKSJOB_VARIANTS[(k + 2 * i) % FLEKSJOB_VARIANTS.length] : undefined,
    cancelOfferAfterwards: (origin === 'offer' || origin === 'national-list-offer') && (k + 2 * i) % 3 === 2,
  };
}

/** The stage a target needs: R41 (who refuses when), D7 (not started), the approval order of PA (1.13). */
function stageFor(target: GrantTarget, party: GrantParty, scheme: Scheme, k: number): GrantStage {
  switch (target) {
    case 'drafted':
    case 'awaiting-company':
    case 'awaiting-citizen':
      return target;
    case 'refused':
      if (party === 'citizen') return 'awaiting-citizen';
      return party === 'jobcentre' && scheme === PA && k % 2 === 1 ? 'awaiting-citizen' : 'awaiting-company';
    case 'withdrawn':
      return party === 'jobcentre' ? 'drafted' : party === 'company' ? 'awaiting-company' : 'active';
    case 'closed-unused':
      // D7: never active, or active before its period starts.
      return k % 2 === 0 ? 'drafted' : 'active';
    default:
      return 'active';
  }
}

export const GRANT_PLAN_LENGTH = PLAN.length;
