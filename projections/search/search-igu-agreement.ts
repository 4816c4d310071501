/** The IGU agreement rows of `search_cases` ('IGU-aftaler', R4). */
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { IguAgreementEvent } from '../../src/cases/igu-agreements/igu-agreement.events';
import { isSharedCaseEvent, toucher } from '../shared/case-row';
import { SearchRow, newSearchRow, sharedSearchChanges } from './search-row';

export function evolveIguAgreementSearchRow(row: SearchRow | null, recorded: RecordedEvent): SearchRow | null {
  const event = recorded as unknown as IguAgreementEvent;
  if (event.type === 'IguAgreementDrafted') {
    const d = event.data;
    return newSearchRow(recorded, {
      case_id: d.iguAgreementId, case_type: 'igu-agreement', status: 'draft', jobcentre: d.jobcentre, company_cvr: d.company.cvr,
      p_number: d.company.pNumber, citizen_cpr: d.citizen.cpr, created_at: d.createdAt,
    });
  }
  if (!row) return row;
  if (isSharedCaseEvent(event)) return sharedSearchChanges(row, recorded, event);
  const touched = toucher<SearchRow>(recorded);
  switch (event.type) {
    case 'IguAgreementSentToCitizen':
      return touched(row, { status: 'awaiting-citizen' });
    case 'IguAgreementSignedByCitizen':
      return touched(row, { status: 'signed' });
    default:
      return touched(row, {});
  }
}
