/**
 * The `offers` read model: one row per offer, folded from its events, plus the ids of the grants
 * created on it (R44), seen as `GrantCreatedOnOffer` on the grants' own streams.
 */
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { GrantCreatedOnOffer } from '../../src/cases/grants/grant.events';
import { OFFER_EVENT_TYPES, OfferEvent } from '../../src/cases/offers/offer.events';
import { SHARED_CASE_EVENT_TYPES } from '../../src/cases/shared/case.events';
import { Projection } from '../runner/projection';
import { STAMP_COLUMNS, caseKeyOf, isSharedCaseEvent, sharedCaseChanges, toucher } from '../shared/case-row';

export interface OfferRow extends Record<string, unknown> {
  offer_id: string;
  scheme: string;
  status: string;
  on_national_list: boolean;
  jobcentre: string;
  company_cvr: string;
  p_number: string;
  /** 'Timetal'. */
  hours_per_week: number;
  employee_rep_step_required: boolean;
  created_at: string;
  /** R15/D24: 'Annulleret af virksomhed' (a flag with its timestamp, not a status). */
  cancelled_at: string | null;
  /** R44: grants created on the offer, in the order seen (linked cases). */
  grant_ids: string[];
  /** 'Ansvarlig' (R55). */
  responsible_caseworker: string | null;
  /** Revision of the last event of the offer's own stream folded in. */
  revision: number;
  updated_at: string;
}

export function evolveOfferRow(row: OfferRow | null, recorded: RecordedEvent): OfferRow | null {
  const event = recorded as unknown as OfferEvent | GrantCreatedOnOffer;
  const touched = toucher<OfferRow>(recorded);
  if (event.type === 'OfferCreated') {
    const d = event.data;
    return touched(
      {
        offer_id: d.offerId, scheme: d.scheme, status: 'created', on_national_list: d.onNationalList, jobcentre: d.jobcentre, company_cvr: d.company.cvr,
        p_number: d.company.pNumber, hours_per_week: d.hoursPerWeek, employee_rep_step_required: d.employeeRepStepRequired, created_at: d.createdAt,
        cancelled_at: null, grant_ids: [], responsible_caseworker: null, revision: 0, updated_at: d.createdAt,
      },
      {},
    );
  }
  if (!row) return row; // an event for an offer we never saw created
  if (event.type === 'GrantCreatedOnOffer') {
    // D24: a grant on the offer is linked whether or not the offer was cancelled; the offer's own revision stays.
    const grantId = event.data.grantId;
    return row.grant_ids.includes(grantId) ? row : { ...row, grant_ids: [...row.grant_ids, grantId] };
  }
  if (!recorded.streamId.startsWith('offer-')) return row; // a shared event of another case type
  if (isSharedCaseEvent(event)) return touched(row, sharedCaseChanges(event));
  switch (event.type) {
    case 'OfferSentToEmployeeRep':
      return touched(row, { status: 'sent-to-employee-rep' });
    case 'OfferActivated':
    case 'OfferApprovedByEmployeeRep':
      return touched(row, { status: 'active' });
    case 'OfferRejectedByEmployeeRep':
      return touched(row, { status: 'rejected-by-employee-rep' });
    case 'OfferCancelledByCompany':
      return touched(row, { cancelled_at: event.data.cancelledAt });
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export const offersProjection: Projection<OfferRow> = {
  name: 'offers',
  table: 'offers',
  key: 'offer_id',
  columns: [
    { name: 'offer_id', type: 'text' },
    { name: 'scheme', type: 'text', nullable: false },
    { name: 'status', type: 'text', nullable: false },
    { name: 'on_national_list', type: 'boolean', nullable: false },
    { name: 'jobcentre', type: 'text', nullable: false },
    { name: 'company_cvr', type: 'text', nullable: false },
    { name: 'p_number', type: 'text', nullable: false },
    { name: 'hours_per_week', type: 'numeric', nullable: false },
    { name: 'employee_rep_step_required', type: 'boolean', nullable: false },
    { name: 'created_at', type: 'timestamptz', nullable: false },
    { name: 'cancelled_at', type: 'timestamptz' },
    { name: 'grant_ids', type: 'jsonb', nullable: false },
    ...STAMP_COLUMNS,
  ],
  indexes: [['jobcentre', 'created_at'], ['company_cvr', 'created_at'], ['p_number'], ['status']],
  handles: [...OFFER_EVENT_TYPES, ...SHARED_CASE_EVENT_TYPES, 'GrantCreatedOnOffer'],
  keyOf: caseKeyOf('offerId'),
  evolve: evolveOfferRow,
};
