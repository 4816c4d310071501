import { danishDateTime } from '../../platform/clock/danish-time';
import { RecordedEvent } from '../../platform/event-store/event-store.port';
import { AA_MASKING } from '../../registries/search-display';
import { decodeHistoryCursor, encodeHistoryCursor, flattenData, maskHistoryEntry, pageOfEvents, toHistoryEntry } from './case-history';

const CASE_ID = '0190a4e2-1c2b-7a00-8000-000000000001';
const CPR = '0101901234';

function recorded(overrides: Partial<RecordedEvent> = {}): RecordedEvent {
  return {
    id: '0190a4e2-1c2b-7a00-8000-0000000000aa',
    streamId: `grant-${CASE_ID}`,
    revision: 0,
    type: 'GrantDrafted',
    schemaVersion: 1,
    data: { grantId: CASE_ID, citizen: { cpr: CPR }, period: { start: '2027-01-01', end: '2027-06-30' }, hoursPerWeek: 30, jobContent: null },
    metadata: {
      eventId: '0190a4e2-1c2b-7a00-8000-0000000000aa',
      correlationId: 'corr-1',
      causationId: 'cause-1',
      principal: { role: 'jobcentre', userId: 'cw-1', org: '101', name: 'Mette Holm' },
      occurredAt: '2026-03-01T08:00:00.000Z',
      schemaVersion: 1,
    },
    recordedAt: new Date('2026-03-01T08:00:00.005Z'),
    checkpoint: '1',
    ...overrides,
  };
}

describe('issue 12: the case history entry (pure)', () => {
  it('writes Danish time with its offset, winter and summer', () => {
    expect(danishDateTime(new Date('2026-03-01T08:00:00Z'))).toBe('2026-03-01T09:00:00+01:00');
    expect(danishDateTime(new Date('2026-07-01T08:00:00.999Z'))).toBe('2026-07-01T10:00:00+02:00');
    expect(danishDateTime(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01T00:30:00+01:00');
  });

  it('flattens nested data with dotted paths and keeps null', () => {
    expect(flattenData({ a: { b: 1, c: { d: 'x' } }, e: null, f: [true] })).toEqual([
      { field: 'a.b', value: 1 },
      { field: 'a.c.d', value: 'x' },
      { field: 'e', value: null },
      { field: 'f.0', value: true },
    ]);
  });

  it('maps an event to its entry: label, times, actor, labelled fields, ids, hash reserved', () => {
    const entry = toHistoryEntry(recorded());
    expect(entry).toMatchObject({
      revision: 0,
      type: 'GrantDrafted',
      label: 'Bevilling udarbejdet',
      danishTime: '2026-03-01T09:00:00+01:00',
      occurredAt: '2026-03-01T08:00:00.000Z',
      recordedAt: '2026-03-01T08:00:00.005Z',
      actor: { role: 'jobcentre', roleLabel: 'Jobcenter', organisation: '101', userId: 'cw-1', name: 'Mette Holm' },
      correlationId: 'corr-1',
      causationId: 'cause-1',
      hash: null,
    });
    expect(entry.fields).toContainEqual({ field: 'citizen.cpr', label: 'Borgerens CPR-nummer', value: CPR });
    expect(entry.fields).toContainEqual({ field: 'period.end', label: 'Periode til', value: '2027-06-30' });
  });

  it('masks every CPR and the citizen as actor for a reader who may not see the citizen, and leaves the rest', () => {
    const byCitizen = recorded({
      type: 'ApprovalFileUploaded',
      data: { caseId: CASE_ID, party: 'citizen', firstName: 'Søren', lastName: 'Ærø', verifiedBy: `citizen-${CPR}`, verifiedByName: null },
      metadata: { ...recorded().metadata, principal: { role: 'citizen', userId: `citizen-${CPR}`, org: CPR, name: 'Søren Ærø' } },
    });
    const masked = maskHistoryEntry(toHistoryEntry(byCitizen), CPR);
    expect(JSON.stringify(masked)).not.toContain(CPR);
    expect(JSON.stringify(masked)).not.toContain('Søren');
    expect(masked.actor).toMatchObject({ organisation: AA_MASKING.cpr, userId: AA_MASKING.cpr, name: AA_MASKING.name });
    expect(masked.fields.find((f) => f.field === 'firstName')?.value).toBe(AA_MASKING.name);
    expect(masked.fields.find((f) => f.field === 'party')?.value).toBe('citizen');
    const drafted = maskHistoryEntry(toHistoryEntry(recorded()), CPR);
    expect(drafted.fields.find((f) => f.field === 'citizen.cpr')?.value).toBe(AA_MASKING.cpr);
    expect(drafted.actor).toMatchObject({ organisation: '101', userId: 'cw-1', name: 'Mette Holm' });
  });

  it('pages with an opaque cursor bound to its case', () => {
    const events = [0, 1, 2, 3, 4].map((revision) => ({ revision }));
    expect(pageOfEvents(events, -1, 2)).toEqual({ page: [{ revision: 0 }, { revision: 1 }], more: true });
    expect(pageOfEvents(events, 3, 2)).toEqual({ page: [{ revision: 4 }], more: false });
    const cursor = encodeHistoryCursor(CASE_ID, 1);
    expect(decodeHistoryCursor(cursor, CASE_ID)).toBe(1);
    expect(decodeHistoryCursor(undefined, CASE_ID)).toBe(-1);
    for (const bad of ['x', `${cursor}=`, encodeHistoryCursor('0190a4e2-1c2b-7a00-8000-000000000002', 1), Buffer.from(`h1:${CASE_ID}:01`).toString('base64url')]) {
      expect(() => decodeHistoryCursor(bad, CASE_ID)).toThrow(expect.objectContaining({ rule: 'invalid-cursor', field: 'cursor' }));
    }
  });
});
