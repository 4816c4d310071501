/**
 * Loads the search read model `search_cases` with `cases` rows straight in SQL (generate_series),
 * shaped as the projection folds them, plus the reference table `citizens` (names) and the read
 * model `aa_assignments`. The tables come from the runner's own DDL (`ensureTable`, then the
 * projection's `createIndexesSql` after the load, as a rebuild does), so the indexes are exactly
 * the projection's. Every value is a pure function of the row number (hashint8extended), so two
 * runs load the same data.
 *
 * Rows come in blocks of 100 in creation order (five years up to `TODAY`): 35 applications,
 * 10 offers, 35 grants (12 of them parents of the 12 supplementary grants, which carry their
 * parent's scheme, parties and citizen, R3; 8 made on an offer of the block), 8 IGU agreements.
 * 98 job centres, '101' the large one (6 %), the others skewed; ~200,000 companies (skewed);
 * 700,000 citizens. Grants close at the end of their period and pending statuses are recent.
 */
import { DataSource } from 'typeorm';
import { aaAssignmentsProjection } from '../projections/aa-assignments/aa-assignments.projection';
import { ensureTable } from '../projections/runner/apply-batch';
import { createIndexesSql } from '../projections/runner/projection-table';
import { searchProjection } from '../projections/search/search.projection';
import { CESSATION_REASONS } from '../src/registries/cessation-reasons';
import { log } from './support';

export const TODAY = '2026-11-26';
export const LARGE_JOBCENTRE = '101';
export const AA_ID = 'aa-1';
export const JOBCENTRES = Array.from({ length: 98 }, (_, j) => String(101 + j * 9));
const CITIZENS = 700_000;
const COMPANIES = 200_000;
const AA_CITIZENS = 5000;

/** Seeded shuffle of the block's units (a parent directly before its child), flattened to 100 positions. */
function blockPattern(): { kind: string; source: number }[] {
  const units: string[][] = [
    ...Array(12).fill(['GP', 'S']), ...Array(8).fill(['O', 'GO']), ...Array(2).fill(['O']),
    ...Array(15).fill(['G']), ...Array(35).fill(['A']), ...Array(8).fill(['I']),
  ];
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = units.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [units[i], units[j]] = [units[j], units[i]];
  }
  const flat = units.flat();
  return flat.map((kind, pos) => ({ kind, source: kind === 'S' || kind === 'GO' ? pos - 1 : pos }));
}

const FIRST_NAMES = [
  'Mette', 'Søren', 'Anne', 'Lars', 'Kirsten', 'Jens', 'Hanne', 'Niels', 'Birgitte', 'Rasmus', 'Aase', 'Bjørn', 'Peter', 'Susanne', 'Michael', 'Lene',
  'Henrik', 'Charlotte', 'Thomas', 'Louise', 'Anders', 'Camilla', 'Martin', 'Maria', 'Morten', 'Julie', 'Christian', 'Sofie', 'Frederik', 'Emma',
  'Mads', 'Ida', 'Jesper', 'Signe', 'Mikkel', 'Freja', 'Kasper', 'Line', 'Ahmed', 'Fatima', 'Mohammad', 'Aisha', 'Ole', 'Inger', 'Poul', 'Grethe',
  'Jørgen', 'Ellen', 'Søs', 'Åse',
];
const LAST_NAMES = [
  'Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen',
  'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen', 'Knudsen', 'Jakobsen', 'Mikkelsen', 'Olesen',
  'Frederiksen', 'Laursen', 'Henriksen', 'Lund', 'Schmidt', 'Eriksen', 'Holm', 'Kristiansen', 'Clausen', 'Simonsen', 'Svendsen', 'Andreasen',
  'Iversen', 'Jeppesen', 'Mogensen', 'Jacobsen', 'Karlsen', 'Nissen', 'Østergaard', 'Ali', 'Hussein', 'Yilmaz', 'Bach', 'Dahl', 'Kjær', 'Lauridsen',
];
/** A long tail of compound surnames ('Vesterlund', 'Skovgaard', …) besides the common ones. */
const NAME_STEMS = ['Øster', 'Vester', 'Nør', 'Sønder', 'Skov', 'Bro', 'Kirke', 'Mølle', 'Lyng', 'Bjerre', 'Dal', 'Eng', 'Fjord', 'Hede', 'Kær', 'Strand'];
const NAME_ENDINGS = ['gaard', 'lund', 'holm', 'bjerg', 'by', 'strup', 'borg', 'skov', 'dal', 'høj', 'vig', 'bæk'];

const CESSATION_TEXTS = [...new Set(CESSATION_REASONS.filter((r) => !r.requiresSubReason).map((r) => r.text))];

const arr = (values: readonly (string | number)[]) => `ARRAY[${values.map((v) => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`)).join(', ')}]`;

const FUNCTIONS = `
  CREATE SCHEMA bench;
  -- uniform integers from the row number and a salt
  CREATE FUNCTION bench.h(g bigint, k int) RETURNS bigint IMMUTABLE LANGUAGE sql AS $$ SELECT abs(hashint8extended(g, k)) $$;
  CREATE FUNCTION bench.u(g bigint, k int) RETURNS double precision IMMUTABLE LANGUAGE sql AS $$ SELECT (abs(hashint8extended(g, k)) % 1000000) / 1000000.0 $$;
  -- a UUIDv7-shaped case id: creation milliseconds first, as the application's ids
  CREATE FUNCTION bench.case_id(g bigint) RETURNS text IMMUTABLE LANGUAGE sql AS $$
    SELECT substr(x, 1, 8) || '-' || substr(x, 9, 4) || '-7' || lpad(to_hex(g % 4096), 3, '0') || '-8' || lpad(to_hex(bench.h(g, 11) % 4096), 3, '0') || '-'
           || lpad(to_hex(bench.h(g, 12) % 281474976710656), 12, '0')
    FROM (SELECT lpad(to_hex(1637884800000 + g * 157680), 12, '0') AS x) s $$;
  -- citizen c (0..699,999) as a CPR number: DDMMYY and four digits, leading zeros kept
  CREATE FUNCTION bench.cpr(c bigint) RETURNS text IMMUTABLE LANGUAGE sql AS $$
    SELECT lpad((1 + c % 28)::text, 2, '0') || lpad((1 + (c / 28) % 12)::text, 2, '0') || lpad(((c / 336) % 100)::text, 2, '0')
           || lpad(((c / 33600) * 400 + (c * 7) % 400)::text, 4, '0') $$;
`;

/** The SELECT of `cases` rows in the column order of the projection. */
function casesSelect(cases: number): string {
  const pattern = blockPattern();
  const jobcentres = arr(JOBCENTRES);
  // Schemes by cumulative percentage: grants and applications (all schemes), offers and parents of supplementary grants (non-compensating).
  const ALL: [string, number][] = [['company-placement', 24], ['wage-subsidy', 44], ['flex-job', 64], ['public-benefit-work', 72], ['adult-apprentice', 77], ['job-rotation', 81], ['mentor', 89], ['assistive-aid', 95], ['personal-assistant', 100]];
  const NONCOMP: [string, number][] = [['company-placement', 30], ['wage-subsidy', 55], ['flex-job', 79], ['public-benefit-work', 89], ['adult-apprentice', 96], ['job-rotation', 100]];
  const pick = (table: [string, number][], u: string) => `CASE ${table.map(([s, c]) => `WHEN ${u} < ${c} THEN '${s}'`).join(' ')} END`;
  return `
  WITH b AS (
    SELECT g, k.kind, src, created_at,
           -- parties and scheme follow the source row (a supplementary grant's parent, a grant's offer)
           CASE WHEN bench.h(src, 3) % 1000 < 60 THEN '${LARGE_JOBCENTRE}' ELSE (${jobcentres})[2 + floor(96.999 * power(bench.u(src, 4), 1.3))::int] END AS jobcentre,
           floor(${COMPANIES} * power(bench.u(src, 5), 2))::bigint AS company,
           CASE WHEN k.kind IN ('O', 'GO', 'GP', 'S') THEN ${pick(NONCOMP, 'bench.h(src, 2) % 100')}
                WHEN k.kind = 'I' THEN NULL ELSE ${pick(ALL, 'bench.h(src, 2) % 100')} END AS scheme,
           CASE WHEN k.kind = 'O' THEN NULL ELSE bench.h(CASE WHEN k.kind = 'S' THEN src ELSE g END, 7) % ${CITIZENS} END AS citizen,
           bench.h(g, 8) % 100 AS u,
           created_at < DATE '${TODAY}' - 120 AS old
    FROM generate_series(0, ${cases - 1}) g
    CROSS JOIN LATERAL (SELECT (${arr(pattern.map((p) => p.kind))})[1 + g % 100] AS kind, g - g % 100 + (${arr(pattern.map((p) => p.source))})[1 + g % 100] AS src) k
    CROSS JOIN LATERAL (SELECT TIMESTAMPTZ '2021-11-26 00:00:00+00' + make_interval(secs => g * 157.68 + bench.h(g, 9) % 120) AS created_at) c
  ), p AS (
    SELECT b.*,
      CASE kind
        WHEN 'A' THEN CASE WHEN old THEN CASE WHEN u < 8 THEN 'draft' WHEN u < 10 THEN 'rejected-by-employee-rep' WHEN u < 78 THEN 'approved' WHEN u < 90 THEN 'rejected' WHEN u < 92 THEN 'sent-to-employee-rep' ELSE 'received' END
                           ELSE CASE WHEN u < 25 THEN 'draft' WHEN u < 35 THEN 'sent-to-employee-rep' WHEN u < 40 THEN 'rejected-by-employee-rep' WHEN u < 70 THEN 'received' WHEN u < 92 THEN 'approved' ELSE 'rejected' END END
        WHEN 'O' THEN CASE WHEN u < 8 THEN 'sent-to-employee-rep' WHEN u < 14 THEN 'rejected-by-employee-rep' ELSE 'active' END
        WHEN 'I' THEN CASE WHEN u < 15 THEN 'draft' WHEN u < 30 THEN 'awaiting-citizen' ELSE 'signed' END
        WHEN 'S' THEN CASE WHEN old AND u < 10 THEN 'withdrawn' WHEN u < 5 THEN 'drafted' WHEN u < 10 THEN 'awaiting-company' WHEN u < 17 THEN 'not-approved' WHEN u < 25 THEN 'withdrawn' WHEN u < 30 THEN 'closed-unused' ELSE 'active' END
        ELSE CASE WHEN old AND u < 7 THEN 'withdrawn' WHEN u < 3 THEN 'drafted' WHEN u < 6 THEN 'awaiting-company' WHEN u < 7 THEN CASE WHEN scheme = 'personal-assistant' THEN 'awaiting-citizen' ELSE 'awaiting-company' END
                  WHEN u < 10 THEN 'not-approved' WHEN u < 13 THEN 'withdrawn' WHEN u < 15 THEN 'closed-unused' WHEN u < 40 THEN 'terminated' ELSE 'active' END
      END AS raw_status,
      created_at::date + (7 + bench.h(g, 13) % 54)::int AS period_start,
      CASE WHEN scheme = 'personal-assistant' THEN 365 * (2 + bench.h(g, 14) % 2) ELSE 7 * (13 + bench.h(g, 14) % 40) END::int AS period_days
    FROM b
  ), q AS (
    SELECT p.*,
      CASE WHEN kind IN ('G', 'GP', 'GO') THEN
             CASE WHEN raw_status = 'terminated' AND period_start > DATE '${TODAY}' THEN 'active'
                  WHEN raw_status = 'active' AND period_start + period_days < DATE '${TODAY}' THEN 'closed' -- the ordinary expiry (R42)
                  ELSE raw_status END
           ELSE raw_status END AS status,
      created_at::date + (1 + bench.h(g, 15) % 14)::int AS sent_date
    FROM p
  )
  SELECT bench.case_id(g),
    CASE kind WHEN 'A' THEN 'application' WHEN 'O' THEN 'offer' WHEN 'I' THEN 'igu-agreement' WHEN 'S' THEN 'supplementary-grant' ELSE 'grant' END,
    scheme,
    CASE WHEN kind = 'S' THEN CASE WHEN bench.h(g, 16) % 3 = 0 THEN 'assistive-aids' ELSE 'mentor' END END,
    CASE WHEN kind = 'S' THEN bench.case_id(src) END,
    CASE WHEN kind = 'GO' THEN bench.case_id(src) END,
    status, jobcentre,
    (10000000 + company * 41)::text,
    (1000000000 + company * 10 + bench.h(g, 6) % 3)::text,
    bench.cpr(citizen),
    -- D13: weekly hours on grants and offers of the non-compensating schemes only
    CASE WHEN kind IN ('G', 'GP', 'GO', 'O') AND scheme NOT IN ('mentor', 'assistive-aid', 'personal-assistant') THEN 10 + (bench.h(g, 17) % 55) / 2.0 END,
    CASE WHEN kind IN ('G', 'GP', 'GO') THEN period_start END,
    CASE WHEN kind IN ('G', 'GP', 'GO') THEN period_start + period_days END,
    -- 'Godkendt dato' (D9): an approved application's date, a grant's grant date, an offer's grant's date
    CASE WHEN kind = 'A' AND status = 'approved' THEN created_at::date + (5 + bench.h(g, 18) % 26)::int
         WHEN kind IN ('G', 'GP', 'GO', 'S') AND status NOT IN ('drafted') THEN sent_date
         WHEN kind = 'O' AND status = 'active' AND bench.h(g, 19) % 2 = 0 THEN created_at::date + (10 + bench.h(g, 18) % 31)::int END,
    CASE WHEN kind = 'A' AND status IN ('received', 'approved', 'rejected') THEN created_at::date + (1 + bench.h(g, 20) % 10)::int END,
    CASE WHEN kind = 'O' AND bench.h(g, 21) % 10 = 0 THEN created_at + interval '9 days' END,
    CASE WHEN status = 'awaiting-company' THEN sent_date::timestamptz + interval '9 hours' END,
    -- R26: an active PA grant falls due 10 months after its grant date
    CASE WHEN kind IN ('G', 'GP', 'GO') AND status = 'active' AND scheme = 'personal-assistant' THEN (sent_date + interval '10 months')::date END,
    CASE WHEN kind IN ('G', 'GP', 'GO') AND status = 'terminated' THEN least(DATE '${TODAY}', period_start + (bench.h(g, 22) % period_days)::int)
         WHEN kind IN ('G', 'GP', 'GO') AND status = 'closed' THEN period_start + period_days
         WHEN kind = 'O' AND status = 'active' AND bench.h(g, 19) % 6 = 0 THEN created_at::date + (120 + bench.h(g, 23) % 200)::int END,
    CASE WHEN kind IN ('G', 'GP', 'GO') AND status = 'terminated' THEN (${arr(CESSATION_TEXTS)})[1 + bench.h(g, 24) % ${CESSATION_TEXTS.length}] END,
    created_at,
    CASE WHEN bench.h(g, 25) % 2 = 0 THEN 'cw-' || jobcentre || '-' || (1 + bench.h(g, 26) % 40) END,
    1 + bench.h(g, 27) % 8,
    created_at + make_interval(days => (bench.h(g, 28) % 60)::int)
  FROM q`;
}

function citizensSelect(): string {
  return `
    SELECT bench.cpr(c),
           (${arr(FIRST_NAMES)})[1 + bench.h(c, 31) % ${FIRST_NAMES.length}],
           CASE WHEN bench.h(c, 32) % 10 < 3 THEN (${arr(NAME_STEMS)})[1 + bench.h(c, 33) % ${NAME_STEMS.length}] || (${arr(NAME_ENDINGS)})[1 + bench.h(c, 34) % ${NAME_ENDINGS.length}]
                ELSE (${arr(LAST_NAMES)})[1 + floor(${LAST_NAMES.length} * power(bench.u(c, 35), 2))::int] END
    FROM generate_series(0, ${CITIZENS - 1}) c`;
}

export interface SeedFigures {
  cases: number;
  citizens: number;
  aaAssigned: number;
  /** Inserts, index builds and VACUUM ANALYZE: until the first query may run. */
  loadSeconds: number;
  indexSeconds: number;
  tableMb: number;
  indexesMb: number;
}

/** Creates and fills the three tables (migrations must have run), builds the projection's indexes, then VACUUM ANALYZE. */
export async function seedSearch(ds: DataSource, cases: number): Promise<SeedFigures> {
  const t0 = performance.now();
  const m = ds.manager;
  await m.query(FUNCTIONS);
  await ensureTable(m, searchProjection, searchProjection.table, { indexes: false });
  await ensureTable(m, aaAssignmentsProjection, aaAssignmentsProjection.table);
  await m.query(`INSERT INTO citizens (cpr, first_name, last_name) ${citizensSelect()}`);
  log(`citizens: ${CITIZENS} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await m.query(`INSERT INTO search_cases (${searchProjection.columns.map((c) => c.name).join(', ')}) ${casesSelect(cases)}`);
  log(`search_cases: ${cases} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // 5,000 citizens with cases assigned to the AA now, 500 more it had once (masked, R12), and 1,000 of another AA.
  await m.query(`
    INSERT INTO aa_assignments (assignment_id, aa_id, cpr, assigned, assigned_at, unassigned_at, revision, updated_at)
    SELECT aa || ':' || cpr, aa, cpr, n <= ${AA_CITIZENS} OR aa <> '${AA_ID}', at, CASE WHEN n > ${AA_CITIZENS} AND aa = '${AA_ID}' THEN at + interval '90 days' END, 0, at
    FROM (SELECT cpr, row_number() OVER (ORDER BY cpr) AS n, TIMESTAMPTZ '2025-01-01 08:00:00+00' + make_interval(hours => abs(hashtext(cpr)) % 8000) AS at
          FROM (SELECT DISTINCT citizen_cpr AS cpr FROM search_cases WHERE citizen_cpr IS NOT NULL AND hashtext(citizen_cpr) % 60 = 0) d) s
    CROSS JOIN LATERAL (SELECT CASE WHEN n <= ${AA_CITIZENS + 500} THEN '${AA_ID}' WHEN n <= ${AA_CITIZENS + 1500} THEN 'aa-2' END AS aa) a
    WHERE aa IS NOT NULL`);
  const t1 = performance.now();
  for (const sql of createIndexesSql(searchProjection, searchProjection.table)) {
    const ti = performance.now();
    await m.query(sql);
    log(`  ${sql.replace(/^CREATE INDEX IF NOT EXISTS /, '')}: ${((performance.now() - ti) / 1000).toFixed(1)} s`);
  }
  const indexSeconds = (performance.now() - t1) / 1000;
  await m.query('DROP SCHEMA bench CASCADE');
  await m.query('VACUUM ANALYZE search_cases');
  await m.query('VACUUM ANALYZE citizens');
  await m.query('VACUUM ANALYZE aa_assignments');
  const loadSeconds = (performance.now() - t0) / 1000;
  const [sizes] = await m.query(
    `SELECT pg_table_size('search_cases') / 1048576.0 AS table_mb, pg_indexes_size('search_cases') / 1048576.0 AS indexes_mb,
            (SELECT count(*)::int FROM aa_assignments WHERE aa_id = $1 AND assigned) AS aa`,
    [AA_ID],
  );
  const figures = { cases, citizens: CITIZENS, aaAssigned: sizes.aa, loadSeconds, indexSeconds, tableMb: Number(sizes.table_mb), indexesMb: Number(sizes.indexes_mb) };
  log(`ready in ${loadSeconds.toFixed(1)} s (indexes ${indexSeconds.toFixed(1)} s, then VACUUM ANALYZE); table ${figures.tableMb.toFixed(0)} MB, indexes ${figures.indexesMb.toFixed(0)} MB; ${figures.aaAssigned} citizens assigned to ${AA_ID}`);
  return figures;
}
