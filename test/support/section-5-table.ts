/**
 * domain.md §5 written out as test data, row by row, independent of the registry, so a registry
 * error fails the specs that use it. Rows 11–14 are sub-reasons of reason 2 (D1).
 */
import { Scheme } from '../../src/registries/schemes';

const VP: Scheme = 'company-placement';
const LT: Scheme = 'wage-subsidy';
const VL: Scheme = 'adult-apprentice';
/** D5: the new-code list's text for 15, not the table's wording. */
const T15 = 'Aktivitetsperioden er afsluttet ordinært';
const T1 = 'Fejloprettet';
const T3 = 'Aflyst af jobcenter/AA/A-kasse/Kursusudbyder';

/** [§5 row, reasonId, subReasonId, VITAS text, schemes, DFDG code, DFDG text]. */
type Row = [number, number, number | null, string, Scheme[], number | null, string | null];
const SECTION_5: Row[] = [
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

/** One case per (row, scheme). */
export const SECTION_5_CASES = SECTION_5.flatMap(([row, reasonId, subReasonId, vitasText, schemes, dfdgCode, dfdgText]) =>
  schemes.map((scheme) => ({ row, scheme, reasonId, subReasonId, vitasText, dfdgCode, dfdgText })),
);

export const DFDG_TEXT = { 1: T1, 3: T3, 15: T15 } as const;
