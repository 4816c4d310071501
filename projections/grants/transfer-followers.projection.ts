/**
 * `transfer_followers`: the cases that follow a parent case to another job centre (R33, D22), one
 * row each, with only what the two `FollowParentTransferProcess`es select on: a grant made on an
 * application (it follows once refused) and every supplementary grant (it follows its grant).
 * Joined with the parents' latest transfers (`grant_application_transfers`, `grant_transfers`),
 * it tells the processes which followers are behind; the follower's own stream decides.
 */
import { GrantDrafted, GrantEvent, GrantNotApproved } from '../../src/cases/grants/grant.events';
import { CaseTransferredToJobcentre } from '../../src/cases/shared/case.events';
import { SupplementaryGrantDrafted } from '../../src/cases/supplementary-grants/supplementary-grant.events';
import { Projection } from '../runner/projection';

export interface TransferFollowerRow extends Record<string, unknown> {
  case_id: string;
  follower_type: 'grant' | 'supplementary-grant';
  /** The application a grant was made on; the grant a supplementary grant belongs to. */
  parent_id: string;
  /** The follower's job centre now. */
  jobcentre: string;
  /** A grant's refusal (R41) while it is 'not-approved': only a refused grant follows its application (D22). */
  refused_at: string | null;
  /** The follower's own latest transfer (R33): a later explicit transfer is never undone. */
  transferred_at: string | null;
}

type FollowerEvent = GrantDrafted | GrantNotApproved | SupplementaryGrantDrafted | CaseTransferredToJobcentre | { type: GrantStatusChange; data: { grantId: string } };

/** The grant events that take a grant to another status: after one, a grant is no longer 'not-approved' (D7 closes a refused grant unused). */
const GRANT_STATUS_CHANGES = [
  'GrantSentForCompanyApproval', 'GrantApprovedByCompany', 'GrantApprovedByCitizen', 'GrantWithdrawn', 'GrantTerminated', 'GrantClosedAfterOrdinaryExpiry', 'GrantClosedUnused',
] as const satisfies readonly GrantEvent['type'][];
type GrantStatusChange = (typeof GRANT_STATUS_CHANGES)[number];

export const transferFollowersProjection: Projection<TransferFollowerRow> = {
  name: 'transfer_followers',
  table: 'transfer_followers',
  key: 'case_id',
  columns: [
    { name: 'case_id', type: 'text' },
    { name: 'follower_type', type: 'text', nullable: false },
    { name: 'parent_id', type: 'text', nullable: false },
    { name: 'jobcentre', type: 'text', nullable: false },
    { name: 'refused_at', type: 'timestamptz' },
    { name: 'transferred_at', type: 'timestamptz' },
  ],
  indexes: [['parent_id']],
  handles: ['GrantDrafted', 'GrantNotApproved', ...GRANT_STATUS_CHANGES, 'SupplementaryGrantDrafted', 'CaseTransferredToJobcentre'],
  keyOf(recorded) {
    const event = recorded as unknown as FollowerEvent;
    switch (event.type) {
      case 'SupplementaryGrantDrafted':
        return event.data.supplementaryGrantId;
      case 'CaseTransferredToJobcentre':
        return event.data.caseId;
      default:
        return event.data.grantId;
    }
  },
  evolve(row, recorded) {
    const event = recorded as unknown as FollowerEvent;
    switch (event.type) {
      case 'GrantDrafted': {
        const d = event.data;
        return d.applicationId === null
          ? row
          : { case_id: d.grantId, follower_type: 'grant', parent_id: d.applicationId, jobcentre: d.jobcentre, refused_at: null, transferred_at: null };
      }
      case 'SupplementaryGrantDrafted': {
        const d = event.data;
        return { case_id: d.supplementaryGrantId, follower_type: 'supplementary-grant', parent_id: d.parentGrantId, jobcentre: d.jobcentre, refused_at: null, transferred_at: null };
      }
      case 'GrantNotApproved':
        return row && { ...row, refused_at: event.data.at };
      case 'CaseTransferredToJobcentre':
        // Only followers have rows; a transfer of any other case (an application, an offer) finds none.
        return row && { ...row, jobcentre: event.data.to, transferred_at: event.data.transferredAt };
      default:
        return row && row.refused_at !== null ? { ...row, refused_at: null } : row;
    }
  },
};
