/**
 * The row of the one search read model `search_cases` (issue 5, D10): one row per case of every
 * type, with the columns every list, bubble and task list filters and sorts on.
 */
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { SharedCaseEvent } from '../../src/cases/shared/case.events';
import { ColumnSpec } from '../runner/projection';
import { CaseRowStamp, PARTY_COLUMNS, STAMP_COLUMNS, sharedCaseChanges, toucher } from '../shared/case-row';

export type SearchCaseType = 'application' | 'offer' | 'grant' | 'supplementary-grant' | 'igu-agreement';

export interface SearchRow extends CaseRowStamp, Record<string, unknown> {
  case_id: string;
  case_type: SearchCaseType;
  /** 'Ordning'; null for an IGU agreement (no scheme). */
  scheme: string | null;
  /** 'Tillægsbevilling' (R17); null unless a supplementary grant. */
  supplementary_grant_type: string | null;
  parent_grant_id: string | null;
  /** A grant's offer, if made on one: the offer row shows that grant's approval and cessation (D9, R25). */
  offer_id: string | null;
  status: string;
  company_cvr: string;
  p_number: string;
  /** Null for an offer (no citizen yet). */
  citizen_cpr: string | null;
  /** 'Timetal' (D13). */
  hours_per_week: number | null;
  period_start: string | null;
  period_end: string | null;
  /** 'Godkendt dato' (D9): an application's approval date; a grant's grant date (the job centre sent it for approval); an offer's, that of its grant. */
  approved_date: string | null;
  /** 'Modtaget dato' (R31). */
  received_date: string | null;
  /** 'Annulleret af virksomhed' (R15, offers). */
  cancelled_by_company_at: string | null;
  /** Since when the case awaits the company (R34, R35, R64); null when it does not. */
  employer_task_since: string | null;
  /** 'Forlængelser' (R26, D19): when an active grant falls due for review or extension; null when never. */
  review_due_date: string | null;
  /** 'Ophør': the date a grant ceased (terminated or closed at expiry); on an offer, when the grant made on it ceased (R25). */
  ceased_date: string | null;
  /** 'Ophørsårsag': the cessation reason text recorded in the event; null after an ordinary expiry. */
  cessation_reason: string | null;
  created_at: string;
}

export const SEARCH_COLUMNS: ColumnSpec[] = [
  { name: 'case_id', type: 'text' },
  { name: 'case_type', type: 'text', nullable: false },
  { name: 'scheme', type: 'text' },
  { name: 'supplementary_grant_type', type: 'text' },
  { name: 'parent_grant_id', type: 'text' },
  { name: 'offer_id', type: 'text' },
  { name: 'status', type: 'text', nullable: false },
  ...PARTY_COLUMNS.map((c) => (c.name === 'citizen_cpr' ? { ...c, nullable: true } : c)),
  { name: 'hours_per_week', type: 'numeric' },
  { name: 'period_start', type: 'date' },
  { name: 'period_end', type: 'date' },
  { name: 'approved_date', type: 'date' },
  { name: 'received_date', type: 'date' },
  { name: 'cancelled_by_company_at', type: 'timestamptz' },
  { name: 'employer_task_since', type: 'timestamptz' },
  { name: 'review_due_date', type: 'date' },
  { name: 'ceased_date', type: 'date' },
  { name: 'cessation_reason', type: 'text' },
  { name: 'created_at', type: 'timestamptz', nullable: false },
  ...STAMP_COLUMNS,
];

/** A new row: the given columns, every other one null, stamped with `recorded`. */
export function newSearchRow(recorded: RecordedEvent, row: Pick<SearchRow, 'case_id' | 'case_type' | 'status' | 'jobcentre' | 'company_cvr' | 'p_number' | 'created_at'> & Partial<SearchRow>): SearchRow {
  const empty: SearchRow = {
    case_id: row.case_id, case_type: row.case_type, scheme: null, supplementary_grant_type: null, parent_grant_id: null, offer_id: null, status: row.status,
    jobcentre: row.jobcentre, company_cvr: row.company_cvr, p_number: row.p_number, citizen_cpr: null, hours_per_week: null, period_start: null,
    period_end: null, approved_date: null, received_date: null, cancelled_by_company_at: null, employer_task_since: null, review_due_date: null, ceased_date: null,
    cessation_reason: null, created_at: row.created_at,
    responsible_caseworker: null, revision: 0, updated_at: row.created_at,
  };
  return toucher<SearchRow>(recorded)(empty, row);
}

/** The fold of a shared case event (transfer R33, 'Sæt ansvarlig' R55). */
export function sharedSearchChanges(row: SearchRow, recorded: RecordedEvent, event: SharedCaseEvent): SearchRow {
  return toucher<SearchRow>(recorded)(row, sharedCaseChanges(event) as Partial<SearchRow>);
}
