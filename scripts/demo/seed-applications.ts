/** Applications ('Ansøgninger', domain.md §3.1) in every status of every scheme. */
import { APPLICATION_STATUS_CODES, ApplicationStatus } from '../../src/registries/statuses';
import { SCHEME_CODES, SCHEMES_WITH_EMPLOYEE_REP_STEP, Scheme } from '../../src/registries/schemes';
import { personName, Random } from './danish-data';
import { CaseSeeder, SeedContext } from './seed-context';
import { applicationRejection, approvalFileText } from './texts';

/** R49: 'Godkend med bilag' is offered on fleksjob and jobrotation drafts. */
const APPROVAL_FILE_SCHEMES: readonly Scheme[] = ['flex-job', 'job-rotation'];
const REP_STATUSES: readonly ApplicationStatus[] = ['sent-to-employee-rep', 'rejected-by-employee-rep'];

export interface ApplicationUnit {
  scheme: Scheme;
  target: ApplicationStatus;
  /** D23: at a P-unit with an employee representative (only where the scheme has the step). */
  viaRepresentative: boolean;
  /** R49–R53: received through company support's 'Godkend med bilag' instead of the company's signature. */
  withApprovalFile: boolean;
  /** R33: moved to another job centre afterwards. */
  transfer: boolean;
}

/** Every (scheme, status) the API allows, once each. */
const PLAN: { scheme: Scheme; target: ApplicationStatus }[] = SCHEME_CODES.flatMap((scheme) =>
  APPLICATION_STATUS_CODES.filter((target) => SCHEMES_WITH_EMPLOYEE_REP_STEP.includes(scheme) || !REP_STATUSES.includes(target)).map((target) => ({ scheme, target })),
);

export const applicationSeeder: CaseSeeder<ApplicationUnit> = {
  caseType: 'applications',
  plan(i) {
    const { scheme, target } = PLAN[i % PLAN.length];
    const k = Math.floor(i / PLAN.length);
    const repScheme = SCHEMES_WITH_EMPLOYEE_REP_STEP.includes(scheme);
    return {
      scheme,
      target,
      viaRepresentative: repScheme && (REP_STATUSES.includes(target) || k % 2 === 0),
      withApprovalFile: APPROVAL_FILE_SCHEMES.includes(scheme) && target !== 'draft' && k % 2 === 1,
      transfer: k % 5 === 4 && target !== 'approved',
    };
  },
  size: () => 1,
  async run(ctx, unit, r) {
    const { application } = await seedApplication(ctx, r, unit);
    ctx.count('applications', unit.scheme, application.status);
  },
};

/**
 * Carries one application to `unit.target` and returns its last answer with the parties.
 * Also used by the grant seeder for grants made on an approved application.
 */
export async function seedApplication(ctx: SeedContext, r: Random, unit: Pick<ApplicationUnit, 'scheme' | 'target' | 'viaRepresentative'> & Partial<ApplicationUnit>, jobcentre = ctx.jobcentre(r)) {
  const { company, pUnit } = ctx.placement(r, unit.viaRepresentative);
  const citizen = ctx.citizen(r);
  const caseworker = await ctx.caseworker(jobcentre);
  const draft = await ctx.api.post('/api/applications', caseworker, { scheme: unit.scheme, company: { cvr: company.cvr, pNumber: pUnit.pNumber }, citizen: { cpr: citizen.cpr } });
  const path = `/api/applications/${draft.id}`;
  let last = draft;
  await ctx.maybeSetResponsible(r, path, jobcentre);
  if (unit.target !== 'draft') {
    if (unit.withApprovalFile) {
      // R49–R53: company support uploads the company's approval; the draft is received that day.
      const responsible = personName(r);
      const support = await ctx.api.token('company-support', jobcentre);
      const content = approvalFileText(draft.id, `${responsible.firstName} ${responsible.lastName}`, new Date());
      last = await ctx.api.postFile(`${path}/approve-with-file`, support, { ...responsible, confirmed: 'true' }, { name: 'godkendelse.txt', contentType: 'text/plain', content });
      ctx.detail('applications', 'approvedWithFile');
    } else {
      last = await ctx.api.post(`${path}/sign-as-company`, await ctx.companyToken(company.cvr), { method: 'nemid-employee-signature' });
    }
    if (last.status === 'sent-to-employee-rep' && unit.target !== 'sent-to-employee-rep') {
      const rep = await ctx.representative(pUnit.pNumber);
      if (unit.target === 'rejected-by-employee-rep') last = await ctx.api.post(`${path}/reject-as-employee-representative`, rep, { reason: applicationRejection(r) });
      else last = await ctx.api.post(`${path}/sign-as-employee-representative`, rep);
    }
    if (unit.target === 'approved') last = await ctx.api.post(`${path}/approve`, caseworker);
    if (unit.target === 'rejected') last = await ctx.api.post(`${path}/reject`, caseworker, { reason: applicationRejection(r) });
  }
  if (unit.transfer) {
    last = await ctx.api.post(`${path}/transfer`, caseworker, { toJobcentre: ctx.otherJobcentre(r, jobcentre) });
    ctx.detail('applications', 'transferred');
  }
  if (last.status !== unit.target) throw new Error(`application ${draft.id} ended '${last.status}', not '${unit.target}'`);
  return { application: last, company, pUnit, citizen, jobcentre };
}
