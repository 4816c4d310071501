import { Principal } from '../../../src/platform/auth/principal';
import { ProjectionDatabase, openProjectionDatabase } from '../../../test/support/projection-spec';
import { ensureTable } from '../../runner/apply-batch';
import { writeRows } from '../../runner/projection-table';
import { SearchRow } from '../search-row';
import { searchProjection } from '../search.projection';
import { SearchQuery, planSearch, searchPage } from './search-engine';
import { searchListById } from './search-lists';

const jc: Principal = { userId: 'cw-1', role: 'jobcentre', org: '101' };
const TODAY = '2030-06-01';

const grant = (n: number, row: Partial<SearchRow>): SearchRow => ({
  case_id: `g-${n}`, case_type: 'grant', scheme: 'wage-subsidy', supplementary_grant_type: null, parent_grant_id: null, offer_id: null, status: 'active', jobcentre: '101',
  company_cvr: '12345678', p_number: '1000000001', citizen_cpr: `01019000${n}`, hours_per_week: null, period_start: '2030-01-01', period_end: '2030-12-31',
  approved_date: null, received_date: null, cancelled_by_company_at: null, employer_task_since: null, review_due_date: null, ceased_date: null, cessation_reason: null,
  created_at: `2030-01-0${1 + (n % 3)}T08:00:00.000Z`, responsible_caseworker: null, revision: 1, updated_at: '2030-01-01T08:00:00.000Z', ...row,
});

describe('search engine on a real PostgreSQL: the page and its order', () => {
  let pg: ProjectionDatabase;
  const page = (q: SearchQuery, n = 1, size = 50) => searchPage(pg.db, planSearch(searchListById('grants')!, jc, q, TODAY), { page: n, pageSize: size });

  beforeAll(async () => {
    pg = await openProjectionDatabase();
    await ensureTable(pg.db.manager, searchProjection, 'search_cases');
    const hours = [9.5, 37, 12, null, 12, 37.5, null, 8];
    const rows = hours.map((h, n) => grant(n, { hours_per_week: h, approved_date: n % 2 ? `2030-02-0${n}` : null, scheme: n % 3 ? 'wage-subsidy' : 'flex-job', status: n % 4 ? 'active' : 'terminated' }));
    await writeRows(pg.db.manager, searchProjection, 'search_cases', rows, []);
  });
  afterAll(() => pg.close());

  it("sorts 'Timetal' as numbers both ways (9.5 before 12), cases without hours last", async () => {
    const hours = async (order: 'asc' | 'desc') => (await page({ sort: 'hoursPerWeek', order })).items.map((i) => i.hoursPerWeek);
    expect(await hours('asc')).toEqual([8, 9.5, 12, 12, 37, 37.5, null, null]);
    expect(await hours('desc')).toEqual([37.5, 37, 12, 12, 9.5, 8, null, null]);
  });

  it('R1 pages of 3 hold every case once, in the order of the whole list, for every sortable column both ways', async () => {
    const sortable = ['scheme', 'status', 'supplementaryGrantType', 'cpr', 'periodStart', 'periodEnd', 'hoursPerWeek', 'approvedDate', 'createdAt'];
    for (const sort of sortable) {
      for (const order of ['asc', 'desc'] as const) {
        const whole = (await page({ sort, order })).items.map((i) => i.id);
        const paged = [];
        for (let n = 1; n <= 3; n++) paged.push(...(await page({ sort, order }, n, 3)).items.map((i) => i.id));
        expect({ sort, order, ids: paged }).toEqual({ sort, order, ids: whole });
        expect(new Set(whole).size).toBe(8);
      }
    }
  });
});
