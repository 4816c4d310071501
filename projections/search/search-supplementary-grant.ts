/**
 * The supplementary grant rows of `search_cases`. R35: one awaiting the company is an employer
 * task. D7: a closed-unused one keeps its row (status 'closed-unused') and is never a task.
 */
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { SupplementaryGrantEvent } from '../../src/cases/supplementary-grants/supplementary-grant.events';
import { danishDate } from '../../src/platform/clock/dates';
import { isSharedCaseEvent, toucher } from '../shared/case-row';
import { SearchRow, newSearchRow, sharedSearchChanges } from './search-row';

const toStatus = (status: string): Partial<SearchRow> => ({ status, employer_task_since: null });

export function evolveSupplementaryGrantSearchRow(row: SearchRow | null, recorded: RecordedEvent): SearchRow | null {
  const event = recorded as unknown as SupplementaryGrantEvent;
  if (event.type === 'SupplementaryGrantDrafted') {
    const d = event.data;
    return newSearchRow(recorded, {
      case_id: d.supplementaryGrantId, case_type: 'supplementary-grant', scheme: d.scheme, supplementary_grant_type: d.supplementaryGrantType,
      parent_grant_id: d.parentGrantId, status: 'drafted', jobcentre: d.jobcentre, company_cvr: d.company.cvr, p_number: d.company.pNumber,
      citizen_cpr: d.citizen.cpr, created_at: d.createdAt,
    });
  }
  if (!row) return row;
  if (isSharedCaseEvent(event)) return sharedSearchChanges(row, recorded, event);
  const touched = toucher<SearchRow>(recorded);
  switch (event.type) {
    case 'SupplementaryGrantSentForCompanyApproval':
      return touched(row, { status: 'awaiting-company', employer_task_since: event.data.sentAt, approved_date: danishDate(new Date(event.data.sentAt)) }); // D9: its grant date
    case 'SupplementaryGrantApprovedByCompany':
      return touched(row, toStatus('active'));
    case 'SupplementaryGrantNotApproved':
      return touched(row, toStatus('not-approved'));
    case 'SupplementaryGrantWithdrawn':
      return touched(row, toStatus('withdrawn'));
    case 'SupplementaryGrantClosedUnused':
      return touched(row, toStatus('closed-unused'));
    default:
      return touched(row, {});
  }
}
