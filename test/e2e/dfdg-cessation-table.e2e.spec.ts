/**
 * domain.md §5, row by row, end to end: each row terminates a real grant of its scheme through the
 * API (draft → send → the company approves → terminate with the row's reason) and reads the
 * message from the pull feed. The table is written out here, not read from the registry, so a
 * registry error fails it (R38, R39, R63, D1, D4, D5).
 */
import { Scheme } from '../../src/registries/schemes';
import { JOBCENTRE } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { Feed, activeGrant, feedOf } from './dfdg.e2e-support';
import { Actors, act, actorsOf } from './grants.e2e-support';

const VP: Scheme = 'company-placement';
const LT: Scheme = 'wage-subsidy';
const VL: Scheme = 'adult-apprentice';
const T15 = 'Aktivitetsperioden er afsluttet ordinært';
const T1 = 'Fejloprettet';
const T3 = 'Aflyst af jobcenter/AA/A-kasse/Kursusudbyder';

/** [§5 row, reasonId, subReasonId, VITAS text, schemes, DFDG code, DFDG text]; rows 11–14 are sub-reasons of reason 2 (D1). */
const SECTION_5: [number, number, number | null, string, Scheme[], number | null, string | null][] = [
  [1, 0, null, 'Den ansatte stopper, da praktikperioden er udløbet', [VP], 15, T15],
  [2, 1, null, 'Den ansatte vil fortsætte i virksomheden uden praktik', [VP], 15, T15],
  [3, 2, null, 'Den ansatte er ophørt før tid', [VP, LT], null, null],
  [4, 3, null, 'Fejlregistrering', [VP, LT, VL], 1, T1],
  [5, 4, null, 'Aflyst af jobcenter eller anden aktør', [VP, LT, VL], 3, T3],
  [6, 0, null, 'Den ansatte stopper, da løntilskudsperioden er udløbet', [LT], 15, T15],
  [7, 1, null, 'Den ansatte vil fortsætte i virksomheden uden løntilskud', [LT], 15, T15],
  [8, 5, null, 'Voksenlærlingen er udeblevet fra uddannelsen', [VL], null, null],
  [9, 6, null, 'Voksenlærlingen har afbrudt uddannelsen', [VL], null, null],
  [10, 11, null, 'Virksomheden har afbrudt voksenlærlingeforløbet', [VL], null, null],
  [11, 2, 10, 'Borgeren har opsagt sin ansættelse', [VP, LT], null, null],
  [12, 2, 11, 'Borgeren er opsagt af virksomheden', [VP, LT], null, null],
  [13, 2, 5, 'Borgeren er udeblevet fra aktivitet', [VP, LT], null, null],
  [14, 2, 4, 'Borgeren har ikke fulgt aktiviteten', [VP, LT], null, null],
];
const CASES = SECTION_5.flatMap(([row, reasonId, subReasonId, vitasText, schemes, dfdgCode, dfdgText]) =>
  schemes.map((scheme) => ({ row, scheme, reasonId, subReasonId, vitasText, dfdgCode, dfdgText })),
);

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
