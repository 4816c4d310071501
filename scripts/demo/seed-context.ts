/** What every case-type seeder shares: the API, the reference data, tokens, dates and the tally of outcomes. */
import { danishDate } from '../../src/platform/clock/dates';
import { ApiClient } from './api-client';
import { DemoCitizen, DemoCompany, JOBCENTRES, Random } from './danish-data';

export interface DemoInput {
  companies: DemoCompany[];
  citizens: DemoCitizen[];
  cases: number;
  seed: number;
}

export type PUnit = DemoCompany['pUnits'][number];
export interface Placement {
  company: DemoCompany;
  pUnit: PUnit;
}

/** The case types, as named in the summary (and in the API's paths). */
export type CaseType = 'applications' | 'offers' | 'grants' | 'supplementary-grants' | 'igu-agreements';

export class SeedContext {
  /** case type → scheme → status (as the API answered) → cases. */
  readonly counts: Record<string, Record<string, Record<string, number>>> = {};
  /** case type → detail (how a case got there: origin, party, reason, flag) → cases. */
  readonly details: Record<string, Record<string, number>> = {};
  readonly today = danishDate(new Date());
  private readonly withRep: Placement[];
  private readonly withoutRep: Placement[];
  /** R59: the companies with hundreds of P-units. */
  private readonly large: DemoCompany[];

  constructor(
    readonly api: ApiClient,
    readonly input: DemoInput,
  ) {
    const all = input.companies.flatMap((company) => company.pUnits.map((pUnit) => ({ company, pUnit })));
    this.withRep = all.filter((p) => p.pUnit.hasEmployeeRepresentative);
    this.withoutRep = all.filter((p) => !p.pUnit.hasEmployeeRepresentative);
    this.large = input.companies.filter((c) => c.pUnits.length > 50);
  }

  /** Records a case's outcome as the API answered it. */
  count(caseType: CaseType, scheme: string, status: string): void {
    const byScheme = (this.counts[caseType] ??= {});
    const byStatus = (byScheme[scheme] ??= {});
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }

  detail(caseType: CaseType, key: string): void {
    const d = (this.details[caseType] ??= {});
    d[key] = (d[key] ?? 0) + 1;
  }

  /** A P-unit whose employee-representative flag (D23) is `rep`. */
  placement(r: Random, rep: boolean): Placement {
    const list = rep ? this.withRep : this.withoutRep;
    return list.length ? r.pick(list) : this.anyPlacement(r);
  }

  anyPlacement(r: Random): Placement {
    const company = r.pick(this.input.companies);
    return { company, pUnit: r.pick(company.pUnits) };
  }

  /** R59: a compensating scheme's chosen P-unit, often one of a large company's hundreds. */
  chosenPUnit(r: Random): Placement {
    const company = this.large.length && r.next() < 0.5 ? r.pick(this.large) : r.pick(this.input.companies);
    return { company, pUnit: r.pick(company.pUnits) };
  }

  citizen(r: Random): DemoCitizen {
    return r.pick(this.input.citizens);
  }

  jobcentre(r: Random): string {
    return r.pick(JOBCENTRES)[0];
  }

  otherJobcentre(r: Random, than: string): string {
    const others = JOBCENTRES.map(([n]) => n).filter((n) => n !== than);
    return r.pick(others);
  }

  caseworker(jobcentre: string): Promise<string> {
    return this.api.token('jobcentre', jobcentre);
  }

  companyToken(cvr: string): Promise<string> {
    return this.api.token('company', cvr);
  }

  representative(pNumber: string): Promise<string> {
    return this.api.token('employee-representative', pNumber);
  }

  citizenToken(cpr: string): Promise<string> {
    return this.api.token('citizen', cpr);
  }

  /** 'Sæt ansvarlig' (R55) on some cases, by the owning job centre. */
  async maybeSetResponsible(r: Random, path: string, jobcentre: string): Promise<void> {
    if (r.next() < 0.3) await this.api.post(`${path}/set-responsible`, await this.caseworker(jobcentre), { caseworkerId: `cw-${jobcentre}-${r.int(1, 12)}` });
  }

  /** `today` moved by `days` (a calendar date, yyyy-mm-dd). */
  day(days: number): string {
    const d = new Date(`${this.today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  static addDays(date: string, days: number): string {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }
}

/** Runs `work(0..count-1)` with at most `concurrency` at a time. */
export async function inParallel(count: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

/** A seeder plans its units up front (each unit creates `size` cases), so `--cases` is met exactly and deterministically. */
export interface CaseSeeder<U> {
  caseType: CaseType;
  plan(i: number): U;
  size(unit: U): number;
  run(ctx: SeedContext, unit: U, r: Random): Promise<void>;
}
