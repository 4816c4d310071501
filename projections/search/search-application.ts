/** The application rows of `search_cases`. */
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { ApplicationEvent } from '../../src/cases/applications/application.events';
import { isSharedCaseEvent, toucher } from '../shared/case-row';
import { SearchRow, newSearchRow, sharedSearchChanges } from './search-row';

export function evolveApplicationSearchRow(row: SearchRow | null, recorded: RecordedEvent): SearchRow | null {
  const event = recorded as unknown as ApplicationEvent;
  if (event.type === 'ApplicationDraftCreated') {
    const d = event.data;
    return newSearchRow(recorded, {
      case_id: d.applicationId, case_type: 'application', scheme: d.scheme, status: 'draft', jobcentre: d.jobcentre, company_cvr: d.company.cvr,
      p_number: d.company.pNumber, citizen_cpr: d.citizen.cpr, created_at: d.createdAt,
    });
  }
  if (!row) return row;
  if (isSharedCaseEvent(event)) return sharedSearchChanges(row, recorded, event);
  const touched = toucher<SearchRow>(recorded);
  switch (event.type) {
    case 'ApplicationSentToEmployeeRep':
      return touched(row, { status: 'sent-to-employee-rep' });
    case 'ApplicationRejectedByEmployeeRep':
      return touched(row, { status: 'rejected-by-employee-rep' });
    case 'ApplicationReceivedByJobcentre':
      return touched(row, { status: 'received', received_date: event.data.receivedDate });
    case 'ApplicationApproved':
      return touched(row, { status: 'approved', approved_date: event.data.approvedDate }); // D9
    case 'ApplicationRejected':
      return touched(row, { status: 'rejected' });
    default:
      return touched(row, {}); // signatures, e-mails, attachments: no search column changes
  }
}
