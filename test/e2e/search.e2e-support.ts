/**
 * Support for the search engine's property and role-matrix tests (issue 5): the real app with its
 * projection runners off, so the test owns `search_cases`, `aa_assignments` and `citizens` and
 * writes their rows directly; the runners only ever touch keys named by events, and none are running.
 */
import { DataSource } from 'typeorm';
import { AaAssignmentRow } from '../../projections/aa-assignments/aa-assignments.projection';
import { ProjectionsService } from '../../projections/projections.service';
import { SearchRow } from '../../projections/search/search-row';
import { Role } from '../../src/platform/auth/principal';
import { createTestApp, TestApp } from '../support/test-app';

export interface CitizenRow {
  cpr: string;
  first_name: string;
  last_name: string;
}

export interface SearchFixture {
  search_cases: SearchRow[];
  aa_assignments: AaAssignmentRow[];
  citizens: CitizenRow[];
}

export interface SearchTestApp extends TestApp {
  db: DataSource;
  /** `Bearer …` for a role and organisation, minted once. */
  auth(role: Role, org: string): Promise<string>;
  /** Replaces every row of the three tables with the fixture's. */
  load(fixture: SearchFixture): Promise<void>;
  /** GET with the caller's token; the body parsed and the raw text. */
  get(path: string, who: string): Promise<{ status: number; body: any; text: string }>;
  /** Folds whatever events the API appended (e.g. DFDG assignments) into the read models, then returns. */
  catchUp(): Promise<void>;
}

export async function createSearchTestApp(): Promise<SearchTestApp> {
  const t = await createTestApp({ PROJECTIONS_ENABLED: 'false', ORDINARY_EXPIRY_INTERVAL_MS: '0', DFDG_PUSH_INTERVAL_MS: '0' }, { referenceData: false });
  const projections = t.app.get(ProjectionsService);
  await projections.catchUpAll(); // creates the read-model tables (no events yet)
  const db = t.app.get(DataSource);
  const tokens = new Map<string, string>();
  return {
    ...t,
    db,
    async auth(role, org) {
      const key = `${role}/${org}`;
      if (!tokens.has(key)) tokens.set(key, `Bearer ${await t.token(role, org)}`);
      return tokens.get(key)!;
    },
    async load(fixture) {
      await db.transaction(async (m) => {
        await m.query(`TRUNCATE search_cases, aa_assignments, citizens`);
        for (const [table, rows] of Object.entries(fixture)) {
          if (!rows.length) continue;
          const stamped = table === 'citizens' ? rows.map((r: CitizenRow) => ({ ...r, updated_at: '2026-01-01T00:00:00Z' })) : rows;
          await m.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`, [JSON.stringify(stamped)]);
        }
      });
    },
    async get(path, who) {
      const res = await t.http.get(path).set('Authorization', who);
      return { status: res.status, body: res.body, text: res.text };
    },
    catchUp: () => projections.catchUpAll(),
  };
}

/** A search row with every column null but the given ones. */
export function searchRow(row: Pick<SearchRow, 'case_id' | 'case_type' | 'status' | 'jobcentre' | 'company_cvr' | 'p_number' | 'created_at'> & Partial<SearchRow>): SearchRow {
  return {
    scheme: null, supplementary_grant_type: null, parent_grant_id: null, offer_id: null, citizen_cpr: null, hours_per_week: null, period_start: null, period_end: null,
    approved_date: null, received_date: null, cancelled_by_company_at: null, employer_task_since: null, review_due_date: null, ceased_date: null, cessation_reason: null,
    responsible_caseworker: null, revision: 0, updated_at: row.created_at, ...row,
  };
}

/** An `aa_assignments` row as the projection writes it: one job centre's assignment, assigned now, or assigned and then unassigned. */
export function assignmentRow(jobcentre: string, aaId: string, cpr: string, assigned: boolean): AaAssignmentRow {
  return {
    assignment_id: `${jobcentre}:${aaId}:${cpr}`, jobcentre, aa_id: aaId, cpr, assigned,
    assigned_at: '2025-01-01T08:00:00.000Z', unassigned_at: assigned ? null : '2025-06-01T08:00:00.000Z', revision: assigned ? 0 : 1, updated_at: '2025-06-01T08:00:00.000Z',
  };
}
