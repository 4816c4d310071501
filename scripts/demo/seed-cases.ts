import { SCHEME_CODES, SCHEMES_WITH_EMPLOYEE_REP_STEP, Scheme } from '../../src/registries/schemes';
import { ApiClient } from './api-client';
import { DemoCompany, JOBCENTRES, Random } from './danish-data';

interface DemoInput {
  companies: DemoCompany[];
  citizens: { cpr: string }[];
  cases: number;
}

/** The statuses an application is carried to, in turn, so every scheme meets every status. */
const APPLICATION_TARGETS = ['draft', 'sent-to-employee-rep', 'rejected-by-employee-rep', 'received', 'approved', 'rejected'] as const;
type Target = (typeof APPLICATION_TARGETS)[number];

async function inParallel(count: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await work(next++);
  }));
}

async function seedApplication(api: ApiClient, r: Random, input: DemoInput, i: number, counts: Record<string, number>): Promise<void> {
  const target: Target = APPLICATION_TARGETS[i % APPLICATION_TARGETS.length];
  const scheme: Scheme = SCHEME_CODES[Math.floor(i / APPLICATION_TARGETS.length) % SCHEME_CODES.length];
  const needsRep = target === 'sent-to-employee-rep' || target === 'rejected-by-employee-rep';
  if (needsRep && !SCHEMES_WITH_EMPLOYEE_REP_STEP.includes(scheme)) return seedApplication(api, r, input, i + APPLICATION_TARGETS.length * 3, counts);
  const company = r.pick(input.companies);
  const pUnit = company.pUnits.find((p) => p.hasEmployeeRepresentative === needsRep) ?? company.pUnits[0];
  if (needsRep && !pUnit.hasEmployeeRepresentative) return seedApplication(api, r, input, i + 1, counts);
  const [jobcentre] = r.pick(JOBCENTRES);
  const caseworker = await api.token('jobcentre', jobcentre);
  let last = await api.post('/api/applications', caseworker, {
    scheme, company: { cvr: company.cvr, pNumber: pUnit.pNumber }, citizen: { cpr: r.pick(input.citizens).cpr },
  });
  const draft = last;
  if (r.next() < 0.3) last = await api.post(`/api/applications/${draft.id}/set-responsible`, caseworker, { caseworkerId: `cw-${jobcentre}-${r.int(1, 12)}` });
  if (target !== 'draft') {
    last = await api.post(`/api/applications/${draft.id}/sign-as-company`, await api.token('company', company.cvr), {});
    if (last.status === 'sent-to-employee-rep') {
      const rep = await api.token('employee-representative', pUnit.pNumber);
      if (target === 'rejected-by-employee-rep') last = await api.post(`/api/applications/${draft.id}/reject-as-employee-representative`, rep, { reason: 'Ingen ledig kapacitet i afdelingen' });
      else if (target !== 'sent-to-employee-rep') last = await api.post(`/api/applications/${draft.id}/sign-as-employee-representative`, rep);
    }
    if (target === 'approved') last = await api.post(`/api/applications/${draft.id}/approve`, caseworker);
    if (target === 'rejected') last = await api.post(`/api/applications/${draft.id}/reject`, caseworker, { reason: 'Borgeren er påbegyndt anden indsats' });
  }
  const key = `applications:${scheme}:${last.status}`;
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Carries `input.cases` cases through their commands; returns how many ended in each status. */
export async function seedCases(api: ApiClient, r: Random, input: DemoInput): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await inParallel(input.cases, 12, async (i) => {
    await seedApplication(api, r, input, i, counts);
    if ((i + 1) % 500 === 0) process.stderr.write(`${i + 1} cases\n`);
  });
  api.close();
  return counts;
}
