/**
 * domain.md §5, row by row, against the mapping the messages use. The table is written out here
 * (not read from the registry), so a registry error fails this spec.
 */
import { CESSATION_REASONS } from '../registries/cessation-reasons';
import { SCHEME_CODES, Scheme } from '../registries/schemes';
import { DFDG_TEXT, SECTION_5_CASES } from '../../test/support/section-5-table';
import { EARLY_TERMINATION_REASON_ID, notApprovedCessation, ordinaryExpiryCessation, terminationCessation } from './cessation-mapping';

const VP: Scheme = 'company-placement';
const LT: Scheme = 'wage-subsidy';
const VL: Scheme = 'adult-apprentice';

const cases = SECTION_5_CASES.map(({ vitasText, dfdgCode, dfdgText, ...c }) => ({ ...c, text: vitasText, code: dfdgCode, codeText: dfdgText }));

describe('the DFDG cessation mapping (domain.md §5, D1–D6)', () => {
  it.each(cases)('§5 row $row: $scheme reason $reasonId/$subReasonId → $code', ({ scheme, reasonId, subReasonId, text, code, codeText }) => {
    expect(terminationCessation(scheme, reasonId, subReasonId, 'the event text')).toEqual({
      vitasReasonId: reasonId, vitasSubReasonId: subReasonId, vitasText: text, dfdgCode: code, dfdgText: codeText, mapped: code !== null,
    });
  });

  it('D1 the (scheme, 4) collision: VP/LT reason 4 is code 3, sub-reason 4 of reason 2 is never mapped (R39)', () => {
    for (const scheme of [VP, LT]) {
      expect(terminationCessation(scheme, 4, null, '')).toMatchObject({ dfdgCode: 3, mapped: true });
      expect(terminationCessation(scheme, 2, 4, '')).toMatchObject({ dfdgCode: null, dfdgText: null, mapped: false, vitasText: 'Borgeren har ikke fulgt aktiviteten' });
    }
  });

  it('R39 early termination and every sub-reason never carry a code, in any scheme', () => {
    for (const scheme of SCHEME_CODES) {
      for (const sub of [null, 4, 5, 10, 11]) expect(terminationCessation(scheme, EARLY_TERMINATION_REASON_ID, sub, 'x')).toMatchObject({ dfdgCode: null, mapped: false });
    }
  });

  it('D4 D1 a key the registry does not know is sent unmapped with the event\'s VITAS text, never guessed', () => {
    expect(terminationCessation(VL, 0, null, 'Ukendt årsag')).toEqual({ vitasReasonId: 0, vitasSubReasonId: null, vitasText: 'Ukendt årsag', dfdgCode: null, dfdgText: null, mapped: false });
    expect(terminationCessation(VP, 4, 99, 'Ukendt undervalg')).toMatchObject({ dfdgCode: null, mapped: false });
  });

  it('R41 D6 D3 refusal and withdrawal are 14 for every scheme, without a VITAS reason', () => {
    expect(notApprovedCessation()).toEqual({ vitasReasonId: null, vitasSubReasonId: null, vitasText: null, dfdgCode: 14, dfdgText: 'Bevilling ikke godkendt', mapped: true });
  });

  it('R42 D2 D3 D5 ordinary expiry is 15 with the new-code text, Voksenlærling included', () => {
    expect(ordinaryExpiryCessation()).toEqual({ vitasReasonId: null, vitasSubReasonId: null, vitasText: null, dfdgCode: 15, dfdgText: DFDG_TEXT[15], mapped: true });
  });

  it('R62 R43 no registered reason of any scheme yields 14, and every cessation carries at most one code', () => {
    for (const r of CESSATION_REASONS) {
      const c = terminationCessation(r.scheme, r.reasonId, r.subReasonId, r.text);
      expect(c.dfdgCode).not.toBe(14);
      expect([null, 1, 3, 15]).toContain(c.dfdgCode);
      expect(c.mapped).toBe(c.dfdgCode !== null);
    }
  });

  it('R63 code 15 from a cessation comes only from VP/LT reasons 0 and 1', () => {
    const fifteen = CESSATION_REASONS.filter((r) => terminationCessation(r.scheme, r.reasonId, r.subReasonId, r.text).dfdgCode === 15);
    expect(fifteen.map((r) => `${r.scheme}|${r.reasonId}|${r.subReasonId}`).sort()).toEqual([`${VP}|0|null`, `${VP}|1|null`, `${LT}|0|null`, `${LT}|1|null`].sort());
  });
});
