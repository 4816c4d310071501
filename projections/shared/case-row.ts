/**
 * What every case read model shares: rows stamped with the revision and time of the last event
 * folded in, keyed by the case id (the case's own field, or `caseId` on the shared events), and
 * the folds of the shared events (transfer R33, 'Sæt ansvarlig' R55).
 */
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { SHARED_CASE_EVENT_TYPES, SharedCaseEvent } from '../../src/cases/shared/case.events';
import { ColumnSpec } from '../runner/projection';

export interface CaseRowStamp {
  jobcentre: string;
  /** 'Ansvarlig' (R55). */
  responsible_caseworker: string | null;
  /** Stream revision of the last event folded in. */
  revision: number;
  updated_at: string;
}

/** `touched(row, changes)`: the row with the changes and the stamp of `recorded`. */
export function toucher<R extends CaseRowStamp>(recorded: RecordedEvent) {
  return (row: R, changes: Partial<R>): R => ({ ...row, ...changes, revision: recorded.revision, updated_at: recorded.metadata.occurredAt });
}

/** The row key of an event: the case's own id field, or `caseId` on the shared events. */
export function caseKeyOf(idField: string) {
  return (event: RecordedEvent): string => String((event.data as Record<string, unknown>)[idField] ?? (event.data as { caseId: string }).caseId);
}

export function isSharedCaseEvent(event: { type: string }): event is SharedCaseEvent {
  return (SHARED_CASE_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** The column changes of a shared case event. */
export function sharedCaseChanges(event: SharedCaseEvent): Partial<CaseRowStamp> {
  return event.type === 'CaseTransferredToJobcentre' ? { jobcentre: event.data.to } : { responsible_caseworker: event.data.caseworkerId };
}

/** The parties of a case: its job centre, company (CVR and P-unit) and citizen. */
export const PARTY_COLUMNS: ColumnSpec[] = [
  { name: 'jobcentre', type: 'text', nullable: false },
  { name: 'company_cvr', type: 'text', nullable: false },
  { name: 'p_number', type: 'text', nullable: false },
  { name: 'citizen_cpr', type: 'text', nullable: false },
];

/** The stamp every case row ends with. */
export const STAMP_COLUMNS: ColumnSpec[] = [
  { name: 'responsible_caseworker', type: 'text' },
  { name: 'revision', type: 'integer', nullable: false },
  { name: 'updated_at', type: 'timestamptz', nullable: false },
];
