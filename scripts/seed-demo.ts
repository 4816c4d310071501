/**
 * npm run seed:demo -- [--url http://localhost:3000] [--companies 300] [--cases 3000] [--seed 1]
 *
 * Fills a running API (npm start) with a realistic demo data set, through the API only: it
 * imports reference data and then carries applications, offers, grants, supplementary grants and
 * IGU agreements through their commands into every status of every scheme, never writing tables.
 * Tokens are minted with the development key under DATA_DIR, which the default API trusts.
 */
import { mintDevToken } from '../src/platform/auth/dev-keys';
import { Role } from '../src/platform/auth/principal';
import { loadConfig } from '../src/platform/config/config';
import { ApiClient } from './demo/api-client';
import { caseRandom, citizens, companies, JOBCENTRES, personName, random } from './demo/danish-data';
import { seedCases } from './demo/seed-cases';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const seed = Number(option('seed', '1'));
  // Each (role, organisation) acts as one person with a Danish name.
  const nameOf = (role: Role, org: string) => {
    const { firstName, lastName } = personName(caseRandom(seed, role, Number(org.slice(-6))));
    return `${firstName} ${lastName}`;
  };
  const api = new ApiClient(option('url', `http://127.0.0.1:${config.port}`), (role: Role, org: string) => mintDevToken(config.dataDir, { role, org, name: nameOf(role, org) }));
  const r = random(seed);
  const demoCompanies = companies(r, Number(option('companies', '300')));
  const demoCitizens = citizens(r, Math.min(9000, Number(option('cases', '3000'))));
  const started = Date.now();

  const importer = await api.token('jobcentre', JOBCENTRES[0][0]);
  await api.put('/api/reference-data/jobcentres', importer, JOBCENTRES.map(([number, name]) => ({ number, name })));
  await api.put('/api/reference-data/companies', importer, demoCompanies.map(({ cvr, name }) => ({ cvr, name })));
  const pUnits = demoCompanies.flatMap((c) => c.pUnits.map((p) => ({ ...p, cvr: c.cvr })));
  for (let i = 0; i < pUnits.length; i += 2000) await api.put("/api/reference-data/p-units", importer, pUnits.slice(i, i + 2000));
  await api.put('/api/reference-data/citizens', importer, demoCitizens.map(({ cpr, firstName, lastName }) => ({ cpr, firstName, lastName })));
  // R12/R13: DFDG's assignments to an Anden Aktør arrive as events, through the integration principal.
  const assignments = demoCitizens.filter((c) => c.aaId).map(({ cpr, aaId }) => ({ cpr, aaId, effectiveAt: new Date(started).toISOString() }));
  if (assignments.length) await api.post('/api/dfdg/assignments', await api.token('case-system', JOBCENTRES[0][0]), { records: assignments });
  process.stderr.write(`reference data: ${JOBCENTRES.length} job centres, ${demoCompanies.length} companies, ${pUnits.length} P-units, ${demoCitizens.length} citizens (${assignments.length} assigned to an AA)\n`);

  const summary = await seedCases(api, { companies: demoCompanies, citizens: demoCitizens, cases: Number(option('cases', '3000')), seed });
  process.stdout.write(`${JSON.stringify({ ...summary, seconds: Math.round((Date.now() - started) / 100) / 10 })}\n`);
  if (summary.failures) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`seed:demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
