/** docs/dfdg-message.schema.json stays in step with the message type and the registries it names. */
import schema from '../../docs/dfdg-message.schema.json';
import { DFDG_CODES } from '../registries/dfdg-codes';
import { SCHEMES, SCHEME_CODES } from '../registries/schemes';
import { GRANT_STATUSES, GRANT_STATUS_CODES } from '../registries/statuses';
import { SUPPLEMENTARY_GRANT_TYPES, SUPPLEMENTARY_GRANT_TYPE_CODES } from '../registries/supplementary-grant-types';
import { DFDG_CASE_TYPES, DFDG_MESSAGE_KINDS, DfdgMessage } from './dfdg-message';

/** Every key of a message, checked by the compiler against the type: a new field must be added here and to the schema. */
const KEYS: Record<keyof DfdgMessage, true> = {
  messageId: true, sequence: true, jobcentre: true, caseType: true, vitasId: true, parentVitasId: true, supplementaryGrantType: true, supplementaryGrantTypeLabel: true,
  scheme: true, schemeLabel: true, cpr: true, period: true, hoursPerWeek: true, status: true, statusLabel: true, caseRevision: true, kind: true, cessation: true, occurredAt: true,
};

describe('the DFDG message JSON Schema', () => {
  const p = schema.properties;
  const cessation = p.cessation.oneOf[1] as { required: string[]; properties: { dfdgCode: { enum: unknown[] }; dfdgText: { enum: unknown[] } } };

  it('is draft 2020-12, closed, and requires exactly the fields of a message', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect([...schema.required].sort()).toEqual(Object.keys(KEYS).sort());
    expect(Object.keys(p).sort()).toEqual(Object.keys(KEYS).sort());
  });

  it('lists the registries\' values: kinds, case types, schemes, statuses, supplementary-grant types, DFDG codes and texts', () => {
    expect(p.kind.enum).toEqual([...DFDG_MESSAGE_KINDS]);
    expect(p.caseType.enum).toEqual([...DFDG_CASE_TYPES]);
    expect(p.scheme.enum).toEqual(SCHEME_CODES);
    expect(p.schemeLabel.enum).toEqual(SCHEME_CODES.map((s) => SCHEMES[s].label));
    expect(p.status.enum).toEqual(GRANT_STATUS_CODES);
    expect(p.statusLabel.enum).toEqual(GRANT_STATUS_CODES.map((s) => GRANT_STATUSES[s]));
    expect(p.supplementaryGrantType.enum).toEqual([...SUPPLEMENTARY_GRANT_TYPE_CODES, null]);
    expect(p.supplementaryGrantTypeLabel.enum).toEqual([...SUPPLEMENTARY_GRANT_TYPE_CODES.map((s) => SUPPLEMENTARY_GRANT_TYPES[s].label), null]);
    expect(cessation.properties.dfdgCode.enum).toEqual([...Object.keys(DFDG_CODES).map(Number), null]);
    expect(cessation.properties.dfdgText.enum).toEqual([...Object.values(DFDG_CODES).map((c) => c.text), null]);
    expect(cessation.required).toEqual(['vitasReasonId', 'vitasSubReasonId', 'vitasText', 'dfdgCode', 'dfdgText', 'mapped']);
  });
});
