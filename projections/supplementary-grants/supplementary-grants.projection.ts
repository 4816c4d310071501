/**
 * The `supplementary_grants` read model: one row per supplementary grant, folded from its events.
 * D7: a closed-unused one keeps its row (status 'closed-unused'); the list leaves it out.
 */
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { SUPPLEMENTARY_GRANT_EVENT_TYPES, SupplementaryGrantEvent } from '../../src/cases/supplementary-grants/supplementary-grant.events';
import { SHARED_CASE_EVENT_TYPES } from '../../src/cases/shared/case.events';
import { Projection } from '../runner/projection';
import { PARTY_COLUMNS, STAMP_COLUMNS, caseKeyOf, isSharedCaseEvent, sharedCaseChanges, toucher } from '../shared/case-row';

export interface SupplementaryGrantRow extends Record<string, unknown> {
  supplementary_grant_id: string;
  parent_grant_id: string;
  /** 'Tillægsbevilling': 'mentor' or 'assistive-aids' (R11, R17). */
  supplementary_grant_type: string;
  /** R3: the parent grant's scheme. */
  scheme: string;
  status: string;
  jobcentre: string;
  company_cvr: string;
  p_number: string;
  citizen_cpr: string;
  created_at: string;
  /** Since when it awaits the employer (R35). */
  sent_for_company_approval_at: string | null;
  approved_by_company_at: string | null;
  ended_at: string | null;
  /** Its own last transfer (R33); the follow-parent-transfer process compares it with its parent grant's. */
  transferred_at: string | null;
  /** 'Ansvarlig' (R55). */
  responsible_caseworker: string | null;
  /** Stream revision of the last event folded in. */
  revision: number;
  updated_at: string;
}

export function evolveSupplementaryGrantRow(row: SupplementaryGrantRow | null, recorded: RecordedEvent): SupplementaryGrantRow | null {
  const event = recorded as unknown as SupplementaryGrantEvent;
  const touched = toucher<SupplementaryGrantRow>(recorded);
  if (event.type === 'SupplementaryGrantDrafted') {
    const d = event.data;
    return touched(
      {
        supplementary_grant_id: d.supplementaryGrantId, parent_grant_id: d.parentGrantId, supplementary_grant_type: d.supplementaryGrantType, scheme: d.scheme,
        status: 'drafted', jobcentre: d.jobcentre, company_cvr: d.company.cvr, p_number: d.company.pNumber, citizen_cpr: d.citizen.cpr, created_at: d.createdAt,
        sent_for_company_approval_at: null, approved_by_company_at: null, ended_at: null, transferred_at: null, responsible_caseworker: null, revision: 0, updated_at: d.createdAt,
      },
      {},
    );
  }
  // An event for a row we never saw created (or a shared event of another case type): nothing to fold.
  if (!row || !recorded.streamId.startsWith('supplementary-grant-')) return row;
  if (isSharedCaseEvent(event)) {
    const transferredAt = event.type === 'CaseTransferredToJobcentre' ? { transferred_at: event.data.transferredAt } : {};
    return touched(row, { ...sharedCaseChanges(event), ...transferredAt });
  }
  switch (event.type) {
    case 'SupplementaryGrantSentForCompanyApproval':
      return touched(row, { status: 'awaiting-company', sent_for_company_approval_at: event.data.sentAt });
    case 'SupplementaryGrantApprovedByCompany':
      return touched(row, { status: 'active', approved_by_company_at: event.data.approvedAt });
    case 'SupplementaryGrantNotApproved':
      return touched(row, { status: 'not-approved', ended_at: event.data.at });
    case 'SupplementaryGrantWithdrawn':
      return touched(row, { status: 'withdrawn', ended_at: event.data.at });
    case 'SupplementaryGrantClosedUnused':
      return touched(row, { status: 'closed-unused', ended_at: event.data.at });
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export const supplementaryGrantsProjection: Projection<SupplementaryGrantRow> = {
  name: 'supplementary_grants',
  table: 'supplementary_grants',
  key: 'supplementary_grant_id',
  columns: [
    { name: 'supplementary_grant_id', type: 'text' },
    { name: 'parent_grant_id', type: 'text', nullable: false },
    { name: 'supplementary_grant_type', type: 'text', nullable: false },
    { name: 'scheme', type: 'text', nullable: false },
    { name: 'status', type: 'text', nullable: false },
    ...PARTY_COLUMNS,
    { name: 'created_at', type: 'timestamptz', nullable: false },
    { name: 'sent_for_company_approval_at', type: 'timestamptz' },
    { name: 'approved_by_company_at', type: 'timestamptz' },
    { name: 'ended_at', type: 'timestamptz' },
    { name: 'transferred_at', type: 'timestamptz' },
    ...STAMP_COLUMNS,
  ],
  indexes: [['jobcentre', 'created_at'], ['company_cvr', 'created_at'], ['parent_grant_id'], ['status']],
  handles: [...SUPPLEMENTARY_GRANT_EVENT_TYPES, ...SHARED_CASE_EVENT_TYPES],
  keyOf: caseKeyOf('supplementaryGrantId'),
  evolve: evolveSupplementaryGrantRow,
};
