import { CESSATION_REASONS, cessationReasonsFor, findCessationReason } from './cessation-reasons';
import { DFDG_CODES } from './dfdg-codes';
import { codePointLength, freeTextViolation } from './free-text-fields';

describe('registries', () => {
  it('R38 D1 keys cessation reasons by (scheme, reasonId, subReasonId): VP/LT 4 alone maps to 3, its sub-reason 4 under 2 is unmapped', () => {
    expect(findCessationReason('wage-subsidy', 4, null)?.dfdgCode).toBe(3);
    expect(findCessationReason('wage-subsidy', 2, 4)).toMatchObject({ text: 'Borgeren har ikke fulgt aktiviteten', dfdgCode: null });
    expect(findCessationReason('company-placement', 2, 10)?.dfdgCode).toBeNull();
    expect(findCessationReason('adult-apprentice', 5, null)).toMatchObject({ text: 'Voksenlærlingen er udeblevet fra uddannelsen', dfdgCode: null });
    expect(findCessationReason('adult-apprentice', 2, 4)).toBeUndefined(); // never a guess
  });

  it('R39 never maps early termination or any of its sub-reasons', () => {
    const early = CESSATION_REASONS.filter((r) => r.reasonId === 2);
    expect(early.length).toBeGreaterThan(0);
    expect(early.every((r) => r.dfdgCode === null)).toBe(true);
  });

  it('R63 maps VP and LT reasons 0 and 1 to code 15', () => {
    for (const scheme of ['company-placement', 'wage-subsidy'] as const) {
      expect([0, 1].map((id) => findCessationReason(scheme, id, null)?.dfdgCode)).toEqual([15, 15]);
    }
  });

  it('D1 keeps every key unique', () => {
    const keys = CESSATION_REASONS.map((r) => `${r.scheme}|${r.reasonId}|${r.subReasonId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('R43 D5 gives 14 and 15 their texts and marks them not selectable by caseworkers', () => {
    expect(DFDG_CODES[14]).toEqual({ text: 'Bevilling ikke godkendt', selectableByCaseworker: false });
    expect(DFDG_CODES[15]).toEqual({ text: 'Aktivitetsperioden er afsluttet ordinært', selectableByCaseworker: false });
    expect(cessationReasonsFor('wage-subsidy').map((r) => r.reasonId)).not.toContain(14);
  });

  it('R27 D18 counts Unicode code points and applies only when the case is under the limit rule', () => {
    expect(codePointLength('æøå😀')).toBe(4);
    const atLimit = '😀'.repeat(2000); // 4,000 UTF-16 units, 2,000 code points
    expect(freeTextViolation({ jobContent: atLimit }, true)).toBeNull();
    expect(freeTextViolation({ jobContent: `${atLimit}x` }, true)).toMatchObject({ field: 'jobContent', label: 'Jobindhold', max: 2000, length: 2001 });
    expect(freeTextViolation({ jobContent: `${atLimit}x` }, false)).toBeNull(); // R30: old cases unchanged
  });
});

describe('free-text limits that stay as they were', () => {
  it('R28 keeps the stricter limit of a field already limited below 2,000 characters (e.g. the 100 of "Fornavn")', async () => {
    const { validate } = await import('class-validator');
    const { plainToInstance } = await import('class-transformer');
    const { ApproveWithFileDto } = await import('../cases/shared/approve-with-file.dto');
    const errors = await validate(plainToInstance(ApproveWithFileDto, { firstName: 'Å'.repeat(101), lastName: 'Ærø', confirmed: 'true' }));
    expect(errors.map((e) => e.property)).toEqual(['firstName']);
    expect(await validate(plainToInstance(ApproveWithFileDto, { firstName: 'Å'.repeat(100), lastName: 'Ærø', confirmed: 'true' }))).toEqual([]);
  });

  it("R29 exempts the formatted communication fields 'Godkend' and 'Afvis' from the free-text registry", async () => {
    const { FREE_TEXT_FIELDS } = await import('./free-text-fields');
    const labels = Object.values(FREE_TEXT_FIELDS).map((f) => f.label);
    expect(labels).toEqual(expect.arrayContaining(['Jobindhold', 'Arbejdsopgaver', 'Bemærkninger', 'Begrundelse'])); // D18
    expect(labels).not.toContain('Godkend');
    expect(labels).not.toContain('Afvis');
  });
});
