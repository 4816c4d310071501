/**
 * Supplementary grants ('Tillægsbevillinger', domain.md §3.4): a 'Mentor' and a 'Hjælpemidler'
 * one on an active parent grant of each non-compensating scheme, Nytteindsats included (R3),
 * in each of their statuses.
 */
import { Scheme } from '../../src/registries/schemes';
import { GrantStatus } from '../../src/registries/statuses';
import { SupplementaryGrantType } from '../../src/registries/supplementary-grant-types';
import { Random } from './danish-data';
import { CaseSeeder, SeedContext } from './seed-context';
import { seedGrant } from './seed-grants';
import { OFFER_SCHEMES } from './seed-offers';
import { justification, refusalReason, remarks } from './texts';

/** Nytteindsats first: R3 says its supplementary grants show 'Nytteindsats', never a default scheme. */
const PARENT_SCHEMES: readonly Scheme[] = ['public-benefit-work', ...OFFER_SCHEMES.filter((s) => s !== 'public-benefit-work')];

/** The statuses a supplementary grant can have (the grant's labels, §3.4). */
type SupplementaryGrantStatus = Extract<GrantStatus, 'drafted' | 'awaiting-company' | 'active' | 'not-approved' | 'withdrawn' | 'closed-unused'>;
type Stage = Extract<SupplementaryGrantStatus, 'drafted' | 'awaiting-company' | 'active'>;

interface Target {
  status: SupplementaryGrantStatus;
  /** Who refuses or withdraws. */
  by?: 'jobcentre' | 'company';
}
const TARGETS: readonly Target[] = [
  { status: 'drafted' }, { status: 'awaiting-company' }, { status: 'active' },
  { status: 'not-approved', by: 'jobcentre' }, { status: 'not-approved', by: 'company' },
  // ASSUMPTION of the API: the company withdraws only once the grant awaits it or is active.
  { status: 'withdrawn', by: 'jobcentre' }, { status: 'withdrawn', by: 'company' },
  { status: 'closed-unused' },
];

export interface SupplementaryUnit {
  parentScheme: Scheme;
  /** One supplementary grant of each type on the same parent. */
  targets: Record<SupplementaryGrantType, Target>;
}

export const supplementaryGrantSeeder: CaseSeeder<SupplementaryUnit> = {
  caseType: 'supplementary-grants',
  plan(i) {
    const entries = PARENT_SCHEMES.length * TARGETS.length;
    const k = Math.floor(i / entries);
    const j = i % entries;
    const t = j % TARGETS.length;
    return { parentScheme: PARENT_SCHEMES[Math.floor(j / TARGETS.length)], targets: { mentor: TARGETS[t], 'assistive-aids': TARGETS[(t + 3 + k) % TARGETS.length] } };
  },
  size: () => 3,
  async run(ctx, unit, r) {
    const scheme = unit.parentScheme;
    const parent = await seedGrant(ctx, r, {
      scheme, target: 'active', origin: 'direct', party: 'jobcentre', stage: 'active', period: 'running', cancelOfferAfterwards: false,
      fleksjob: scheme === 'flex-job' ? { permanent: r.next() < 0.5, employedInOwnCompany: false } : undefined,
    });
    ctx.count('grants', scheme, parent.status);
    for (const type of ['mentor', 'assistive-aids'] as const) {
      const s = await seedSupplementaryGrant(ctx, r, parent, type, unit.targets[type]);
      ctx.count('supplementary-grants', s.scheme, s.status);
      ctx.detail('supplementary-grants', `type:${type}`);
      if (unit.targets[type].by) ctx.detail('supplementary-grants', `${s.status}By:${unit.targets[type].by}`);
    }
  },
};

async function seedSupplementaryGrant(ctx: SeedContext, r: Random, parent: { id: string; jobcentre: string; company: { cvr: string } }, type: SupplementaryGrantType, target: Target) {
  const caseworker = await ctx.caseworker(parent.jobcentre);
  const company = await ctx.companyToken(parent.company.cvr);
  let s = await ctx.api.post('/api/supplementary-grants', caseworker, {
    parentGrantId: parent.id, type, justification: justification(r, type), ...(r.next() < 0.5 ? { remarks: remarks(r) } : {}),
  });
  const path = `/api/supplementary-grants/${s.id}`;
  await ctx.maybeSetResponsible(r, path, parent.jobcentre);
  const stage = stageBefore(target, r);
  if (stage !== 'drafted') s = await ctx.api.post(`${path}/send-for-company-approval`, caseworker);
  if (stage === 'active') s = await ctx.api.post(`${path}/approve-as-company`, company, { method: 'nemid-employee-signature' });
  const token = target.by === 'company' ? company : caseworker;
  if (target.status === 'not-approved') s = await ctx.api.post(`${path}/not-approve`, token, { reason: refusalReason(r) });
  if (target.status === 'withdrawn') s = await ctx.api.post(`${path}/withdraw`, token, { reason: refusalReason(r) });
  if (target.status === 'closed-unused') s = await ctx.api.post(`${path}/close-unused`, caseworker);
  if (s.status !== target.status) throw new Error(`supplementary grant ${s.id} is '${s.status}', not '${target.status}'`);
  return s;
}

/** How far the approval goes before the target's own act. */
function stageBefore(target: Target, r: Random): Stage {
  switch (target.status) {
    case 'not-approved':
      return 'awaiting-company';
    case 'withdrawn':
      return target.by === 'company' ? 'active' : 'drafted';
    case 'closed-unused':
      return r.pick(['drafted', 'awaiting-company', 'active'] as const);
    default:
      return target.status;
  }
}
