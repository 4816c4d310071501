import { createEventRegistry, EVENT_TYPE_DEFINITIONS } from '../event-types';
import { EVENT_LABELS } from './event-labels';
import { FIELD_LABELS } from './field-labels';

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; oneOf?: Schema[]; anyOf?: Schema[] };

/** The data paths a schema lets an event set, nested objects flattened with dots as the history shows them. */
function fieldPaths(schema: Schema, prefix = ''): string[] {
  const variants = [schema, ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  const nested = variants.filter((v) => v.properties);
  if (nested.length === 0) return prefix ? [prefix] : [];
  return nested.flatMap((v) => Object.entries(v.properties!).flatMap(([key, sub]) => fieldPaths(sub, prefix ? `${prefix}.${key}` : key)));
}

describe('issue 12: the event and field label registries of the case history', () => {
  it('labels every registered event type once, and nothing else', () => {
    const types = createEventRegistry().types();
    expect(Object.keys(EVENT_LABELS).sort()).toEqual([...types].sort());
    for (const type of types) expect(EVENT_LABELS[type as keyof typeof EVENT_LABELS]).toMatch(/\S/);
  });

  it('uses Danish labels, one per meaning', () => {
    expect(EVENT_LABELS.GrantSentForCompanyApproval).toBe('Bevilling sendt til godkendelse hos virksomhed');
    expect(EVENT_LABELS.GrantTerminated).toBe('Ophør registreret');
    const labels = Object.values(EVENT_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('labels every field path some event type sets, and no path none sets', () => {
    const paths = new Set(EVENT_TYPE_DEFINITIONS.flatMap((d) => fieldPaths(d.schema as Schema)));
    expect(paths.size).toBeGreaterThan(20);
    const missing = [...paths].filter((p) => !(p in FIELD_LABELS));
    const extra = Object.keys(FIELD_LABELS).filter((p) => !paths.has(p));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });
});
