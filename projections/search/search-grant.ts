/** The grant rows of `search_cases`. R64: only 'Afventer godkendelse hos virksomhed' is an employer task. */
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { GrantEvent } from '../../src/cases/grants/grant.events';
import { isSharedCaseEvent, toucher } from '../shared/case-row';
import { SearchRow, newSearchRow, sharedSearchChanges } from './search-row';

/** A status change; leaving 'awaiting-company' ends the employer task (R34, R64). */
const toStatus = (status: string): Partial<SearchRow> => ({ status, employer_task_since: null });

export function evolveGrantSearchRow(row: SearchRow | null, recorded: RecordedEvent): SearchRow | null {
  const event = recorded as unknown as GrantEvent;
  if (event.type === 'GrantDrafted') {
    const d = event.data;
    return newSearchRow(recorded, {
      case_id: d.grantId, case_type: 'grant', scheme: d.scheme, status: 'drafted', jobcentre: d.jobcentre, company_cvr: d.company.cvr,
      p_number: d.company.pNumber, citizen_cpr: d.citizen.cpr, hours_per_week: d.hoursPerWeek, period_start: d.period.start, period_end: d.period.end,
      created_at: d.createdAt,
    });
  }
  if (!row) return row;
  if (isSharedCaseEvent(event)) return sharedSearchChanges(row, recorded, event);
  const touched = toucher<SearchRow>(recorded);
  switch (event.type) {
    case 'GrantSentForCompanyApproval':
      return touched(row, { status: 'awaiting-company', employer_task_since: event.data.sentAt });
    case 'GrantApprovedByCompany':
      return touched(row, toStatus(row.scheme === 'personal-assistant' ? 'awaiting-citizen' : 'active'));
    case 'GrantApprovedByCitizen':
      return touched(row, toStatus('active'));
    case 'GrantNotApproved':
      return touched(row, toStatus('not-approved'));
    case 'GrantWithdrawn':
      return touched(row, toStatus('withdrawn'));
    case 'GrantExtended':
      return touched(row, { period_end: event.data.newEndDate });
    case 'GrantTerminated':
      return touched(row, toStatus('terminated'));
    case 'GrantClosedAfterOrdinaryExpiry':
      return touched(row, toStatus('closed'));
    case 'GrantClosedUnused':
      return touched(row, toStatus('closed-unused'));
    default:
      return touched(row, {});
  }
}
