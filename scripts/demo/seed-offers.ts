/**
 * Offers ('Tilbud', domain.md §3.2): made by a company at one of its P-units to a job centre,
 * some on the national list (VP/LT); the representative step where the P-unit decides it (D23);
 * some cancelled by the company ('Annulleret af virksomhed', a flag, not a status: R15, D24).
 */
import { OfferStatus } from '../../src/registries/statuses';
import { SCHEME_CODES, SCHEMES, SCHEMES_WITH_EMPLOYEE_REP_STEP, Scheme } from '../../src/registries/schemes';
import { Random } from './danish-data';
import { CaseSeeder, SeedContext } from './seed-context';
import { representativeRejection, workTasks } from './texts';

/** Offers are job offers: every scheme but the compensating ones (Mentor, Hjælpemiddel, PA). */
export const OFFER_SCHEMES: readonly Scheme[] = SCHEME_CODES.filter((s) => !SCHEMES[s].compensating);
/** 2.2: 'Den nationale liste' holds VP and LT offers. */
export const NATIONAL_LIST_SCHEMES: readonly Scheme[] = ['company-placement', 'wage-subsidy'];

/** 'Oprettet' is never an outcome: the create answer is already 'Sendt til medarbejder-rep' or 'Aktiv'. */
type OfferTarget = Exclude<OfferStatus, 'created'>;

export interface OfferUnit {
  scheme: Scheme;
  target: OfferTarget;
  /** D23: at a P-unit with an employee representative. */
  atRepresentedPUnit: boolean;
  onNationalList: boolean;
  cancel: boolean;
}

const PLAN: Omit<OfferUnit, 'onNationalList' | 'cancel'>[] = OFFER_SCHEMES.flatMap((scheme) =>
  SCHEMES_WITH_EMPLOYEE_REP_STEP.includes(scheme)
    ? [
        { scheme, target: 'sent-to-employee-rep' as const, atRepresentedPUnit: true },
        { scheme, target: 'rejected-by-employee-rep' as const, atRepresentedPUnit: true },
        { scheme, target: 'active' as const, atRepresentedPUnit: true },
        { scheme, target: 'active' as const, atRepresentedPUnit: false },
      ]
    : // D23: a P-unit's representative does not matter for these schemes.
      [{ scheme, target: 'active' as const, atRepresentedPUnit: true }, { scheme, target: 'active' as const, atRepresentedPUnit: false }],
);

export const offerSeeder: CaseSeeder<OfferUnit> = {
  caseType: 'offers',
  plan(i) {
    const k = Math.floor(i / PLAN.length);
    const base = PLAN[i % PLAN.length];
    return { ...base, onNationalList: NATIONAL_LIST_SCHEMES.includes(base.scheme) && (k + i) % 2 === 0, cancel: (k + i) % 4 === 3 };
  },
  size: () => 1,
  async run(ctx, unit, r) {
    const { offer, company } = await seedOffer(ctx, r, unit);
    let last = offer;
    if (unit.cancel) last = await ctx.api.post(`/api/offers/${offer.id}/cancel`, await ctx.companyToken(company.cvr));
    tallyOffer(ctx, unit.scheme, last);
  },
};

/** Records an offer's status and flags as the API answered them. */
export function tallyOffer(ctx: SeedContext, scheme: Scheme, offer: { status: string; onNationalList?: boolean; cancelledByCompany: unknown }): void {
  ctx.count('offers', scheme, offer.status);
  if (offer.cancelledByCompany) ctx.detail('offers', 'cancelledByCompany');
  if (offer.onNationalList) ctx.detail('offers', 'onNationalList');
}

/** Creates one offer and carries it to `unit.target` (the grant seeder makes grants on active ones). */
export async function seedOffer(ctx: SeedContext, r: Random, unit: Omit<OfferUnit, 'cancel'>, jobcentre = ctx.jobcentre(r)) {
  const { company, pUnit } = ctx.placement(r, unit.atRepresentedPUnit);
  const hoursPerWeek = unit.scheme === 'flex-job' ? r.int(8, 20) : unit.scheme === 'public-benefit-work' ? r.int(15, 25) : r.pick([25, 30, 32, 37]);
  let offer = await ctx.api.post('/api/offers', await ctx.companyToken(company.cvr), {
    scheme: unit.scheme, pNumber: pUnit.pNumber, jobcentre, onNationalList: unit.onNationalList, hoursPerWeek, workTasks: workTasks(r, unit.scheme),
  });
  if (offer.status === 'sent-to-employee-rep' && unit.target !== 'sent-to-employee-rep') {
    const rep = await ctx.representative(pUnit.pNumber);
    offer = unit.target === 'rejected-by-employee-rep'
      ? await ctx.api.post(`/api/offers/${offer.id}/reject-as-employee-representative`, rep, { reason: representativeRejection(r) })
      : await ctx.api.post(`/api/offers/${offer.id}/approve-as-employee-representative`, rep);
  }
  if (offer.status !== unit.target) throw new Error(`offer ${offer.id} is '${offer.status}', not '${unit.target}'`);
  if (r.next() < 0.2) offer = await ctx.api.post(`/api/offers/${offer.id}/set-responsible`, await ctx.caseworker(jobcentre), { caseworkerId: `cw-${jobcentre}-${r.int(1, 12)}` });
  return { offer, company, pUnit, jobcentre };
}
