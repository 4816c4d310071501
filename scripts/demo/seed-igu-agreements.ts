/** IGU agreements ('IGU-aftaler', domain.md §3.6): 'Kladde' → 'Afventer borger' → 'Underskrevet'. */
import { IGU_AGREEMENT_STATUS_CODES, IguAgreementStatus } from '../../src/registries/statuses';
import { CaseSeeder } from './seed-context';

export interface IguUnit {
  target: IguAgreementStatus;
  createdBy: 'jobcentre' | 'company';
  /** R60: the job centre or the company sends it, never the citizen. */
  sentBy: 'jobcentre' | 'company';
}

export const iguAgreementSeeder: CaseSeeder<IguUnit> = {
  caseType: 'igu-agreements',
  plan(i) {
    const k = Math.floor(i / IGU_AGREEMENT_STATUS_CODES.length);
    return { target: IGU_AGREEMENT_STATUS_CODES[i % IGU_AGREEMENT_STATUS_CODES.length], createdBy: k % 2 === 0 ? 'jobcentre' : 'company', sentBy: (k >> 1) % 2 === 0 ? 'company' : 'jobcentre' };
  },
  size: () => 1,
  async run(ctx, unit, r) {
    const { company, pUnit } = ctx.anyPlacement(r);
    const citizen = ctx.citizen(r);
    const jobcentre = ctx.jobcentre(r);
    const caseworker = await ctx.caseworker(jobcentre);
    const companyToken = await ctx.companyToken(company.cvr);
    const body = { company: { cvr: company.cvr, pNumber: pUnit.pNumber }, citizen: { cpr: citizen.cpr } };
    // A company names the job centre; a caseworker's own is the default.
    let agreement = unit.createdBy === 'company'
      ? await ctx.api.post('/api/igu-agreements', companyToken, { ...body, jobcentre })
      : await ctx.api.post('/api/igu-agreements', caseworker, body);
    const path = `/api/igu-agreements/${agreement.id}`;
    await ctx.maybeSetResponsible(r, path, jobcentre);
    if (unit.target !== 'draft') agreement = await ctx.api.post(`${path}/send-to-citizen`, unit.sentBy === 'company' ? companyToken : caseworker);
    if (unit.target === 'signed') agreement = await ctx.api.post(`${path}/sign-as-citizen`, await ctx.citizenToken(citizen.cpr), { method: 'mitid' });
    if (agreement.status !== unit.target) throw new Error(`IGU agreement ${agreement.id} is '${agreement.status}', not '${unit.target}'`);
    ctx.count('igu-agreements', 'igu', agreement.status);
    ctx.detail('igu-agreements', `createdBy:${unit.createdBy}`);
    if (unit.target !== 'draft') ctx.detail('igu-agreements', `sentBy:${unit.sentBy}`);
  },
};
