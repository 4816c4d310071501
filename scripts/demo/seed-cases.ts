/**
 * Shares `--cases` out over the case types, plans each type's units (every scheme and status in
 * turn), runs them through the API and returns the outcomes as the API answered them.
 */
import { ApiClient } from './api-client';
import { caseRandom } from './danish-data';
import { applicationSeeder } from './seed-applications';
import { CaseSeeder, DemoInput, inParallel, SeedContext } from './seed-context';
import { grantSeeder } from './seed-grants';
import { iguAgreementSeeder } from './seed-igu-agreements';
import { offerSeeder } from './seed-offers';
import { supplementaryGrantSeeder } from './seed-supplementary-grants';

const CONCURRENCY = 16;

/** Share of `--cases` each seeder creates (its units' cases: a grant on an application counts both). IGU agreements take the rest. */
const SHARES: [CaseSeeder<any>, number][] = [
  [applicationSeeder, 0.2],
  [offerSeeder, 0.12],
  [grantSeeder, 0.46],
  [supplementaryGrantSeeder, 0.14],
  [iguAgreementSeeder, 1],
];

function planUnits<U>(seeder: CaseSeeder<U>, budget: number): U[] {
  const units: U[] = [];
  let cases = 0;
  for (let i = 0; cases < budget && i < budget * 4; i++) {
    const unit = seeder.plan(i);
    if (cases + seeder.size(unit) > budget) continue;
    units.push(unit);
    cases += seeder.size(unit);
  }
  return units;
}

export interface SeedSummary {
  cases: Record<string, Record<string, Record<string, number>>>;
  details: Record<string, Record<string, number>>;
  total: number;
  requests: number;
  failures: number;
  firstErrors: string[];
  notes: string[];
}

export async function seedCases(api: ApiClient, input: DemoInput): Promise<SeedSummary> {
  const ctx = new SeedContext(api, input);
  const errors: string[] = [];
  let failures = 0;
  let planned = 0;
  for (const [seeder, share] of SHARES) {
    const budget = seeder === iguAgreementSeeder ? input.cases - planned : Math.floor(input.cases * share);
    const units = planUnits(seeder, budget);
    planned += units.reduce((n, u) => n + seeder.size(u), 0);
    const started = Date.now();
    await inParallel(units.length, CONCURRENCY, async (i) => {
      try {
        await seeder.run(ctx, units[i], caseRandom(input.seed, seeder.caseType, i));
      } catch (error) {
        failures++;
        if (errors.length < 5) errors.push(error instanceof Error ? error.message : String(error));
      }
    });
    process.stderr.write(`${seeder.caseType}: ${units.length} units in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  api.close();
  const expired = ctx.details.grants?.['activeWithEndedPeriod(closed by ordinary expiry)'] ?? 0;
  return {
    cases: sortDeep(ctx.counts),
    details: sortDeep(ctx.details),
    total: Object.values(ctx.counts).flatMap((s) => Object.values(s)).flatMap((st) => Object.values(st)).reduce((a, b) => a + b, 0),
    requests: api.requests,
    failures,
    firstErrors: errors,
    notes: [
      `${expired} grants are 'active' with a period that has ended: the API's ordinary-expiry check (R42, D2) closes them ('closed', 'Lukket') within ORDINARY_EXPIRY_INTERVAL_MS (60 s by default); the seeder does not wait`,
      "'closed-unused' ('Lukket bevilling (ej brugt)') grants and supplementary grants are counted from the command's answer; the lists never show them (D7, R18)",
      "offers are never left 'created' ('Oprettet'): the create command answers 'sent-to-employee-rep' or 'active' at once; 'Annulleret af virksomhed' is a flag (details.offers.cancelledByCompany), not a status (D24)",
    ],
  };
}

function sortDeep<T>(value: T): T {
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortDeep((value as Record<string, unknown>)[k])])) as T;
}
