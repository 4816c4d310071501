/**
 * The `grants` read model: one row per grant, folded from its events (domain.md §3.3).
 * Row values are JSON values (dates as ISO strings), as the runner stores them.
 */
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { GRANT_EVENT_TYPES, GrantEvent } from '../../src/cases/grants/grant.events';
import { SHARED_CASE_EVENT_TYPES } from '../../src/cases/shared/case.events';
import { Projection } from '../runner/projection';
import { PARTY_COLUMNS, STAMP_COLUMNS, caseKeyOf, isSharedCaseEvent, sharedCaseChanges, toucher } from '../shared/case-row';

export interface GrantRow extends Record<string, unknown> {
  grant_id: string;
  scheme: string;
  status: string;
  jobcentre: string;
  company_cvr: string;
  p_number: string;
  citizen_cpr: string;
  application_id: string | null;
  offer_id: string | null;
  period_start: string;
  /** The scheduled check closes active grants whose end date has passed (R42). */
  period_end: string;
  /** 'Timetal'; null for the compensating schemes (D13). */
  hours_per_week: number | null;
  created_at: string;
  sent_for_approval_at: string | null;
  approved_at: string | null;
  /** R41: when and by whom the grant was not approved. */
  refused_at: string | null;
  refused_by: string | null;
  /** R64: only a grant awaiting the company is an employer task. */
  employer_task: boolean;
  /** Last transfer of the grant itself (R33); the D22 process compares it with its application's. */
  transferred_at: string | null;
  /** 'Ansvarlig' (R55). */
  responsible_caseworker: string | null;
  /** Stream revision of the last event folded in. */
  revision: number;
  updated_at: string;
}

const withStatus = (status: string): Partial<GrantRow> => ({ status, employer_task: status === 'awaiting-company' });

export function evolveGrantRow(row: GrantRow | null, recorded: RecordedEvent): GrantRow | null {
  const event = recorded as unknown as GrantEvent;
  const touched = toucher<GrantRow>(recorded);
  if (event.type === 'GrantDrafted') {
    const d = event.data;
    return touched(
      {
        grant_id: d.grantId, scheme: d.scheme, status: 'drafted', jobcentre: d.jobcentre, company_cvr: d.company.cvr, p_number: d.company.pNumber, citizen_cpr: d.citizen.cpr,
        application_id: d.applicationId, offer_id: d.offerId, period_start: d.period.start, period_end: d.period.end, hours_per_week: d.hoursPerWeek, created_at: d.createdAt,
        sent_for_approval_at: null, approved_at: null, refused_at: null, refused_by: null, employer_task: false, transferred_at: null, responsible_caseworker: null,
        revision: 0, updated_at: d.createdAt,
      },
      {},
    );
  }
  // An event for a row we never saw created (or a shared event of another case type): nothing to fold.
  if (!row || !recorded.streamId.startsWith('grant-')) return row;
  if (isSharedCaseEvent(event)) {
    const transferredAt = event.type === 'CaseTransferredToJobcentre' ? { transferred_at: event.data.transferredAt } : {};
    return touched(row, { ...sharedCaseChanges(event), ...transferredAt });
  }
  switch (event.type) {
    case 'FleksjobRegistered':
    case 'GrantCreatedOnOffer':
    case 'GrantReviewed':
    case 'ApprovalFileUploaded':
      return touched(row, {});
    case 'GrantSentForCompanyApproval':
      return touched(row, { ...withStatus('awaiting-company'), sent_for_approval_at: event.data.sentAt });
    case 'GrantApprovedByCompany':
      return touched(row, { ...withStatus(row.scheme === 'personal-assistant' ? 'awaiting-citizen' : 'active'), approved_at: event.data.approvedAt });
    case 'GrantApprovedByCitizen':
      return touched(row, { ...withStatus('active'), approved_at: event.data.approvedAt });
    case 'GrantNotApproved':
      return touched(row, { ...withStatus('not-approved'), refused_at: event.data.at, refused_by: event.data.by });
    case 'GrantWithdrawn':
      return touched(row, withStatus('withdrawn'));
    case 'GrantExtended':
      return touched(row, { period_end: event.data.newEndDate });
    case 'GrantTerminated':
      return touched(row, withStatus('terminated'));
    case 'GrantClosedAfterOrdinaryExpiry':
      return touched(row, withStatus('closed'));
    case 'GrantClosedUnused':
      return touched(row, withStatus('closed-unused'));
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export const grantsProjection: Projection<GrantRow> = {
  name: 'grants',
  table: 'grants',
  key: 'grant_id',
  columns: [
    { name: 'grant_id', type: 'text' },
    { name: 'scheme', type: 'text', nullable: false },
    { name: 'status', type: 'text', nullable: false },
    ...PARTY_COLUMNS,
    { name: 'application_id', type: 'text' },
    { name: 'offer_id', type: 'text' },
    { name: 'period_start', type: 'date', nullable: false },
    { name: 'period_end', type: 'date', nullable: false },
    { name: 'hours_per_week', type: 'numeric' },
    { name: 'created_at', type: 'timestamptz', nullable: false },
    { name: 'sent_for_approval_at', type: 'timestamptz' },
    { name: 'approved_at', type: 'timestamptz' },
    { name: 'refused_at', type: 'timestamptz' },
    { name: 'refused_by', type: 'text' },
    { name: 'employer_task', type: 'boolean', nullable: false },
    { name: 'transferred_at', type: 'timestamptz' },
    ...STAMP_COLUMNS,
  ],
  indexes: [['jobcentre', 'created_at'], ['company_cvr', 'created_at'], ['citizen_cpr', 'created_at'], ['status', 'period_end'], ['application_id']],
  handles: [...GRANT_EVENT_TYPES, ...SHARED_CASE_EVENT_TYPES, 'ApprovalFileUploaded'],
  keyOf: caseKeyOf('grantId'),
  evolve: evolveGrantRow,
};
