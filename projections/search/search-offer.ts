/**
 * The offer rows of `search_cases`. 'Godkendt dato' of an offer (D9: the approval date of a grant
 * made on it) and whether it ceased (R25) come from its grants: see `afterBatch` in search.projection.ts.
 */
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { OfferEvent } from '../../src/cases/offers/offer.events';
import { isSharedCaseEvent, toucher } from '../shared/case-row';
import { SearchRow, newSearchRow, sharedSearchChanges } from './search-row';

export function evolveOfferSearchRow(row: SearchRow | null, recorded: RecordedEvent): SearchRow | null {
  const event = recorded as unknown as OfferEvent;
  if (event.type === 'OfferCreated') {
    const d = event.data;
    return newSearchRow(recorded, {
      case_id: d.offerId, case_type: 'offer', scheme: d.scheme, status: 'created', jobcentre: d.jobcentre, company_cvr: d.company.cvr,
      p_number: d.company.pNumber, hours_per_week: d.hoursPerWeek, created_at: d.createdAt,
    });
  }
  if (!row) return row;
  if (isSharedCaseEvent(event)) return sharedSearchChanges(row, recorded, event);
  const touched = toucher<SearchRow>(recorded);
  switch (event.type) {
    case 'OfferSentToEmployeeRep':
      return touched(row, { status: 'sent-to-employee-rep' });
    case 'OfferActivated':
    case 'OfferApprovedByEmployeeRep':
      return touched(row, { status: 'active' });
    case 'OfferRejectedByEmployeeRep':
      return touched(row, { status: 'rejected-by-employee-rep' });
    case 'OfferCancelledByCompany':
      return touched(row, { cancelled_by_company_at: event.data.cancelledAt }); // R15: a flag, not a status
    default:
      return touched(row, {});
  }
}
