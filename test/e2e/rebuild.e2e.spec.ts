import { DataSource } from 'typeorm';
import { searchProjection } from '../../projections/search/search.projection';
import { ProjectionsService } from '../../projections/projections.service';
import { rebuildProjection } from '../../projections/runner/rebuild';
import { EVENT_STORE, EventStore } from '../../src/platform/event-store/event-store.port';
import { EventRegistry } from '../../src/platform/events/event-registry';
import { createTestApp, TestApp } from '../support/test-app';
import { CVR, JOBCENTRE, draftBody } from '../support/fixtures';

const draft = (scheme: string) => draftBody({ scheme, employeeRep: true });

interface ListAnswer {
  status: number;
  totalCount?: number;
  items?: number;
}

describe('rebuilding the search read model while the API serves it', () => {
  let t: TestApp;
  let caseworker: string;
  let company: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseworker = await t.token('jobcentre', JOBCENTRE);
    company = await t.token('company', CVR);
  });
  afterAll(() => t.close());

  const list = () => t.http.get('/api/search/applications?pageSize=100').set('Authorization', `Bearer ${caseworker}`);
  const createApplication = async (scheme: string): Promise<string> =>
    (await t.http.post('/api/applications').set('Authorization', `Bearer ${caseworker}`).send(draft(scheme)).expect(201)).body.id;

  it('answers every list request in full during the rebuild and swap, and keeps projecting new commands afterwards', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await createApplication(['wage-subsidy', 'company-placement', 'flex-job'][i % 3]));
    for (const id of ids.slice(0, 5)) await t.http.post(`/api/applications/${id}/sign-as-company`).set('Authorization', `Bearer ${company}`).send({}).expect(200);
    await t.settle();
    const before = await list().expect(200);
    expect(before.body.totalCount).toBe(12);

    let rebuilding = true;
    const answers: ListAnswer[] = [];
    // Four clients polling at once, so some request is likely in flight at the swap.
    const poller = Promise.all(
      [1, 2, 3, 4].map(async () => {
        while (rebuilding) {
          const res = await list();
          answers.push({ status: res.status, totalCount: res.body.totalCount, items: res.body.items?.length });
        }
      }),
    );
    while (answers.length === 0) await new Promise((r) => setTimeout(r, 5));
    const answeredBeforeRebuild = answers.length;

    const result = await rebuildProjection(t.app.get<EventStore>(EVENT_STORE), t.app.get(DataSource), t.app.get(EventRegistry), searchProjection, { batchSize: 2 });
    const answeredDuringRebuild = answers.length - answeredBeforeRebuild;
    const afterSwap = answers.length;
    while (answers.length < afterSwap + 3) await new Promise((r) => setTimeout(r, 5)); // a few more against the swapped-in table
    rebuilding = false;
    await poller;

    expect(result.events).toBe(12 * 2 + 5 * 2); // draft + link email each; signature + sent to representative for 5
    expect(answeredDuringRebuild).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status !== 200 || a.totalCount !== 12 || a.items !== 12)).toEqual([]);
    const after = await list().expect(200);
    expect(after.body.items).toEqual(before.body.items);

    // The live runner continues on the swapped-in table.
    const [tableName] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'search\\_cases\\_rb\\_%'`);
    expect(tableName.n).toBe(0);
    const newId = await createApplication('wage-subsidy');
    await t.http.post(`/api/applications/${ids[9]}/sign-as-company`).set('Authorization', `Bearer ${company}`).send({}).expect(200);
    await t.settle();
    const latest = await list().expect(200);
    expect(latest.body.totalCount).toBe(13);
    expect(latest.body.items.find((i: { id: string }) => i.id === newId)).toMatchObject({ status: 'draft' });
    expect(latest.body.items.find((i: { id: string }) => i.id === ids[9])).toMatchObject({ status: 'sent-to-employee-rep' });
    const health = (await t.app.get(ProjectionsService).health()).find((p) => p.name === 'search_cases')!;
    expect(health).toMatchObject({ name: 'search_cases', leader: true, lag: 0 });
    expect(health.lastError).toBeUndefined();
  });
});
