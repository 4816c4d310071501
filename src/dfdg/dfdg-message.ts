/**
 * The DFDG webservice message (domain.md §3.8 item 4, R40, R61, D4): what a job centre's case
 * system receives for every reportable state change of a grant or supplementary grant. Every
 * message is a full snapshot of the case's reported facts, so the latest one a case system holds
 * for a VITAS-id is the case as VITAS sees it. docs/dfdg-message.schema.json describes the same shape.
 */
import { DfdgCode } from '../registries/dfdg-codes';
import { Scheme } from '../registries/schemes';
import { GrantStatus } from '../registries/statuses';
import { SupplementaryGrantType } from '../registries/supplementary-grant-types';

export const DFDG_CASE_TYPES = ['grant', 'supplementary-grant'] as const;
export type DfdgCaseType = (typeof DFDG_CASE_TYPES)[number];

/** What happened; `cessation` is set only on `refused`, `withdrawn`, `ceased` and `closed`. */
export const DFDG_MESSAGE_KINDS = ['created', 'changed', 'approved', 'refused', 'withdrawn', 'extended', 'ceased', 'closed', 'closed-unused'] as const;
export type DfdgMessageKind = (typeof DFDG_MESSAGE_KINDS)[number];

/** R40, D4: the VITAS reason (when the caseworker registered one) and the DFDG code (when mapped). */
export interface DfdgCessation {
  vitasReasonId: number | null;
  vitasSubReasonId: number | null;
  vitasText: string | null;
  dfdgCode: DfdgCode | null;
  dfdgText: string | null;
  /** false: no DFDG code; the job centre registers the cessation in its own system (R39, D4). */
  mapped: boolean;
}

/** The facts of a case every message carries (its snapshot). */
export interface DfdgCaseFacts {
  /** The case's job centre after the event: after a transfer (R33) the new one. */
  jobcentre: string;
  caseType: DfdgCaseType;
  /** The VITAS-id: the case id. */
  vitasId: string;
  /** A supplementary grant's parent grant; null for a grant. */
  parentVitasId: string | null;
  /** 'Mentor' or 'Hjælpemidler' on a supplementary grant; null for a grant. */
  supplementaryGrantType: SupplementaryGrantType | null;
  supplementaryGrantTypeLabel: string | null;
  /** A supplementary grant carries its parent's scheme (R3). */
  scheme: Scheme;
  schemeLabel: string;
  cpr: string;
  /** null for a supplementary grant, which has no period of its own. */
  period: { start: string; end: string } | null;
  /** 'Timetal'; null for the compensating schemes (D13) and supplementary grants. */
  hoursPerWeek: number | null;
  status: GrantStatus;
  statusLabel: string;
}

export interface DfdgMessage extends DfdgCaseFacts {
  /** The id of the event the message reports: a rebuild never makes a second message for it. */
  messageId: string;
  /** Per job centre, 1, 2, 3… with no gaps, in the order the events happened. */
  sequence: number;
  /** The case's revision after the event (its ETag in the API): orders one case's messages across job centres. */
  caseRevision: number;
  kind: DfdgMessageKind;
  cessation: DfdgCessation | null;
  /** When the event happened (never the time the message was written). */
  occurredAt: string;
}

/** A message before the outbox numbers it. */
export type DfdgMessageDraft = Omit<DfdgMessage, 'sequence'>;
