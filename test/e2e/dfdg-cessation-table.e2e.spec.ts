/**
 * domain.md §5, row by row, end to end: each row terminates a real grant of its scheme through the
 * API (draft → send → the company approves → terminate with the row's reason) and reads the
 * message from the pull feed. The table is written out here, not read from the registry, so a
 * registry error fails it (R38, R39, R63, D1, D4, D5).
 */
import { JOBCENTRE } from '../support/fixtures';
import { SECTION_5_CASES } from '../support/section-5-table';
import { createTestApp, TestApp } from '../support/test-app';
import { Feed, activeGrant, feedOf } from './dfdg.e2e-support';
import { Actors, act, actorsOf } from './grants.e2e-support';

const CASES = SECTION_5_CASES;

describe('DFDG messages: the §5 cessation table, row by row, through the API and the pull feed', () => {
  let t: TestApp;
  let a: Actors;
  let feed: Feed;

  beforeAll(async () => {
    t = await createTestApp({ ORDINARY_EXPIRY_INTERVAL_MS: '0' });
    a = await actorsOf(t);
    feed = await feedOf(t, JOBCENTRE);
  });
  afterAll(() => t.close());

  const terminate = (id: string, reasonId: number, subReasonId: number | null) =>
    act(t, id, 'terminate', a.caseworker, { reasonId, ...(subReasonId === null ? {} : { subReasonId }), effectiveDate: '2030-03-31' });

  it.each(CASES.filter((c) => c.row !== 3))(
    '§5 row $row: $scheme reason $reasonId/$subReasonId → DFDG code $dfdgCode',
    async ({ scheme, reasonId, subReasonId, vitasText, dfdgCode, dfdgText }) => {
      const id = await activeGrant(t, a, scheme);
      await terminate(id, reasonId, subReasonId).expect(200);
      const messages = await feed.of(id);
      expect(messages.map((m) => m.kind)).toEqual(['created', 'changed', 'approved', 'ceased']);
      expect(messages[3]).toMatchObject({
        jobcentre: JOBCENTRE, caseType: 'grant', vitasId: id, scheme, status: 'terminated', statusLabel: 'Ophørt',
        cessation: { vitasReasonId: reasonId, vitasSubReasonId: subReasonId, vitasText, dfdgCode, dfdgText, mapped: dfdgCode !== null },
      });
    },
  );

  it.each(CASES.filter((c) => c.row === 3))(
    '§5 row 3: $scheme reason 2 alone cannot be registered (D1: one of its sub-reasons, rows 11–14, is needed), so it sends nothing',
    async ({ scheme }) => {
      const id = await activeGrant(t, a, scheme);
      const res = await terminate(id, 2, null).expect(422);
      expect(res.body).toMatchObject({ rule: 'D1', field: 'subReasonId' });
      expect((await feed.of(id)).map((m) => m.kind)).toEqual(['created', 'changed', 'approved']);
    },
  );
});
