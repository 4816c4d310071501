/**
 * The grant rows of `search_cases`. R64: only 'Afventer godkendelse hos virksomhed' is an employer task.
 * The grant date ('Godkendt dato', D9) is the Danish date the job centre sent the grant for approval;
 * a PA grant falls due for review 10 calendar months later (R26, D19), and again 10 months after each
 * review or extension (ASSUMPTION: reviews are periodic). A terminal event ends the due item (status).
 */
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { GrantEvent } from '../../src/cases/grants/grant.events';
import { addCalendarMonths, danishDate } from '../../src/platform/clock/dates';
import { REVIEW_DUE_AFTER_MONTHS, Scheme } from '../../src/registries/schemes';
import { isSharedCaseEvent, toucher } from '../shared/case-row';
import { SearchRow, newSearchRow, sharedSearchChanges } from './search-row';

/** A status change; leaving 'awaiting-company' ends the employer task (R34, R64). */
const toStatus = (status: string): Partial<SearchRow> => ({ status, employer_task_since: null });

/** R26: the next review date counted from `from` (an ISO instant or date), for the schemes that have one. */
function reviewDue(row: SearchRow, from: string): string | null {
  const months = REVIEW_DUE_AFTER_MONTHS[row.scheme as Scheme];
  return months === undefined ? null : addCalendarMonths(from.length === 10 ? from : danishDate(new Date(from)), months);
}

export function evolveGrantSearchRow(row: SearchRow | null, recorded: RecordedEvent): SearchRow | null {
  const event = recorded as unknown as GrantEvent;
  if (event.type === 'GrantDrafted') {
    const d = event.data;
    return newSearchRow(recorded, {
      case_id: d.grantId, case_type: 'grant', scheme: d.scheme, status: 'drafted', jobcentre: d.jobcentre, company_cvr: d.company.cvr,
      p_number: d.company.pNumber, citizen_cpr: d.citizen.cpr, hours_per_week: d.hoursPerWeek, period_start: d.period.start, period_end: d.period.end,
      offer_id: d.offerId, created_at: d.createdAt,
    });
  }
  if (!row) return row;
  if (isSharedCaseEvent(event)) return sharedSearchChanges(row, recorded, event);
  const touched = toucher<SearchRow>(recorded);
  switch (event.type) {
    case 'GrantSentForCompanyApproval':
      return touched(row, {
        status: 'awaiting-company', employer_task_since: event.data.sentAt, approved_date: danishDate(new Date(event.data.sentAt)), review_due_date: reviewDue(row, event.data.sentAt),
      });
    case 'GrantApprovedByCompany':
      return touched(row, toStatus(row.scheme === 'personal-assistant' ? 'awaiting-citizen' : 'active'));
    case 'GrantApprovedByCitizen':
      return touched(row, toStatus('active'));
    case 'GrantNotApproved':
      return touched(row, toStatus('not-approved'));
    case 'GrantWithdrawn':
      return touched(row, toStatus('withdrawn'));
    case 'GrantExtended':
      return touched(row, { period_end: event.data.newEndDate, review_due_date: reviewDue(row, event.data.at) });
    case 'GrantReviewed':
      return touched(row, { review_due_date: reviewDue(row, event.data.at) });
    case 'GrantTerminated':
      return touched(row, { ...toStatus('terminated'), ceased_date: event.data.effectiveDate, cessation_reason: event.data.reasonText });
    case 'GrantClosedAfterOrdinaryExpiry':
      return touched(row, { ...toStatus('closed'), ceased_date: event.data.endDate });
    case 'GrantClosedUnused':
      return touched(row, toStatus('closed-unused'));
    default:
      return touched(row, {});
  }
}
