/** Grants ('Bevillinger', domain.md §3.3) as planned in grant-plan.ts, through their commands. */
import { SCHEMES, Scheme } from '../../src/registries/schemes';
import { Random } from './danish-data';
import { GrantStage, GrantUnit, planGrant } from './grant-plan';
import { seedApplication } from './seed-applications';
import { CaseSeeder, Placement, SeedContext } from './seed-context';
import { seedOffer, tallyOffer } from './seed-offers';
import { jobContent, refusalReason, remarks } from './texts';

const STAGES: readonly GrantStage[] = ['drafted', 'awaiting-company', 'awaiting-citizen', 'active'];

export const grantSeeder: CaseSeeder<GrantUnit> = {
  caseType: 'grants',
  plan: planGrant,
  size: (unit) => (unit.origin === 'direct' ? 1 : 2),
  async run(ctx, unit, r) {
    const grant = await seedGrant(ctx, r, unit);
    ctx.count('grants', unit.scheme, grant.status);
  },
};

function periodOf(ctx: SeedContext, r: Random, period: GrantUnit['period']): { start: string; end: string } {
  const start = period === 'past' ? ctx.day(-r.int(200, 400)) : period === 'running' ? ctx.day(-r.int(14, 150)) : ctx.day(r.int(7, 60));
  // A past period ends at least two days ago, so the ordinary-expiry check (R42, D2) closes it on its next run.
  const end = period === 'past' ? ctx.day(-r.int(2, 45)) : SeedContext.addDays(start, r.int(120, 360));
  return { start, end: period === 'running' && end <= ctx.today ? ctx.day(30) : end };
}

function hoursPerWeek(r: Random, scheme: Scheme): number | undefined {
  if (SCHEMES[scheme].compensating) return undefined; // D13
  return scheme === 'flex-job' ? r.int(8, 20) : scheme === 'public-benefit-work' ? r.int(15, 25) : r.pick([20, 25, 30, 32, 37]);
}

interface Origin {
  placement: Placement;
  citizen: { cpr: string };
  /** The job centre whose caseworker drafts the grant. */
  jobcentre: string;
  link: { applicationId?: string; offerId?: string };
  offer?: { id: string; status: string; onNationalList?: boolean; cancelledByCompany: unknown };
}

/** Makes the case the grant is made on (if any), and returns the parties and the caseworker's job centre. */
async function origin(ctx: SeedContext, r: Random, unit: GrantUnit): Promise<Origin> {
  if (unit.origin === 'application') {
    const a = await seedApplication(ctx, r, { scheme: unit.scheme, target: 'approved', viaRepresentative: r.next() < 0.5 });
    ctx.count('applications', unit.scheme, a.application.status);
    return { placement: { company: a.company, pUnit: a.pUnit }, citizen: a.citizen, jobcentre: a.jobcentre, link: { applicationId: a.application.id } };
  }
  if (unit.origin === 'offer' || unit.origin === 'national-list-offer') {
    const national = unit.origin === 'national-list-offer';
    const o = await seedOffer(ctx, r, { scheme: unit.scheme, target: 'active', atRepresentedPUnit: r.next() < 0.5, onNationalList: national });
    // R44: any job centre may make a grant on a national-list offer.
    const jobcentre = national && r.next() < 0.5 ? ctx.otherJobcentre(r, o.jobcentre) : o.jobcentre;
    return { placement: { company: o.company, pUnit: o.pUnit }, citizen: ctx.citizen(r), jobcentre, link: { offerId: o.offer.id }, offer: o.offer };
  }
  const placement: Placement = SCHEMES[unit.scheme].compensating ? ctx.chosenPUnit(r) : ctx.anyPlacement(r); // R59
  return { placement, citizen: ctx.citizen(r), jobcentre: ctx.jobcentre(r), link: {} };
}

/** Drafts one grant and carries it to `unit.target`; returns the API's last answer. Also makes the parents of supplementary grants. */
export async function seedGrant(ctx: SeedContext, r: Random, unit: GrantUnit) {
  const o = await origin(ctx, r, unit);
  const { company, pUnit } = o.placement;
  const caseworker = await ctx.caseworker(o.jobcentre);
  const period = periodOf(ctx, r, unit.period);
  let grant = await ctx.api.post('/api/grants', caseworker, {
    scheme: unit.scheme, company: { cvr: company.cvr, pNumber: pUnit.pNumber }, citizen: { cpr: o.citizen.cpr }, period,
    hoursPerWeek: hoursPerWeek(r, unit.scheme), jobContent: jobContent(r, unit.scheme), ...o.link, ...(unit.fleksjob ? { fleksjob: unit.fleksjob } : {}),
  });
  const path = `/api/grants/${grant.id}`;
  if (unit.origin !== 'direct') ctx.detail('grants', `on:${unit.origin}`);
  if (unit.fleksjob) ctx.detail('grants', `fleksjob:${unit.fleksjob.permanent ? 'permanent' : 'not-permanent'}${unit.fleksjob.employedInOwnCompany ? '-own-company' : ''}`);
  if (o.offer && unit.cancelOfferAfterwards) {
    // D24: the company cancels the offer; the grant made on it stays as it is.
    tallyOffer(ctx, unit.scheme, await ctx.api.post(`/api/offers/${o.offer.id}/cancel`, await ctx.companyToken(company.cvr)));
    ctx.detail('grants', 'onCancelledOffer');
  } else if (o.offer) tallyOffer(ctx, unit.scheme, o.offer);
  await ctx.maybeSetResponsible(r, path, o.jobcentre);

  // The approval sub-machine up to the stage: send, company approves, (PA) citizen approves.
  while (STAGES.indexOf(grant.status) < STAGES.indexOf(unit.stage)) {
    if (grant.status === 'drafted') grant = await ctx.api.post(`${path}/send-for-approval`, caseworker);
    else if (grant.status === 'awaiting-company') grant = await ctx.api.post(`${path}/approve-as-company`, await ctx.companyToken(company.cvr), { method: 'nemid-employee-signature' });
    else grant = await ctx.api.post(`${path}/approve-as-citizen`, await ctx.citizenToken(o.citizen.cpr), { method: 'mitid' });
  }
  if (grant.status !== unit.stage) throw new Error(`grant ${grant.id} is '${grant.status}', expected stage '${unit.stage}'`);

  const partyToken = () => (unit.party === 'jobcentre' ? caseworker : unit.party === 'company' ? ctx.companyToken(company.cvr) : ctx.citizenToken(o.citizen.cpr));
  switch (unit.target) {
    case 'extended':
      grant = await ctx.api.post(`${path}/extend`, caseworker, { newEndDate: SeedContext.addDays(period.end, r.int(60, 180)), ...(r.next() < 0.5 ? { jobContent: jobContent(r, unit.scheme) } : {}) });
      ctx.detail('grants', 'extended');
      break;
    case 'reviewed':
      grant = await ctx.api.post(`${path}/review`, caseworker, { remarks: remarks(r) });
      ctx.detail('grants', 'reviewed');
      break;
    case 'refused':
      grant = await ctx.api.post(`${path}/refuse`, await partyToken(), { reason: refusalReason(r) });
      ctx.detail('grants', `refusedBy:${unit.party}${unit.stage === 'awaiting-citizen' ? '(awaiting-citizen)' : ''}`);
      break;
    case 'withdrawn':
      grant = await ctx.api.post(`${path}/withdraw`, await partyToken(), { reason: refusalReason(r) });
      ctx.detail('grants', `withdrawnBy:${unit.party}(${unit.stage})`);
      break;
    case 'terminated': {
      if (r.next() < 0.3) grant = await ctx.api.post(`${path}/review`, caseworker, { remarks: remarks(r) });
      const { reasonId, subReasonId } = unit.reason!;
      grant = await ctx.api.post(`${path}/terminate`, caseworker, { reasonId, subReasonId, effectiveDate: ctx.today });
      ctx.detail('grants', `cessation:${unit.scheme}:${reasonId}${subReasonId === null ? '' : `/${subReasonId}`}`);
      break;
    }
    case 'closed-unused':
      grant = await ctx.api.post(`${path}/close-unused`, caseworker);
      ctx.detail('grants', `closedUnusedFrom:${unit.stage}`);
      break;
    case 'expired':
      ctx.detail('grants', 'activeWithEndedPeriod(closed by ordinary expiry)');
      break;
  }
  return grant;
}
