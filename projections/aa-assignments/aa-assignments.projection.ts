/**
 * The `aa_assignments` read model (R12, R13, D8, D17; issue 10): one row per (job centre, AA,
 * citizen) triple DFDG ever recorded, `assigned` while the assignment lasts. Rows are never
 * deleted: an AA keeps its history row, and the search engine masks the citizen's CPR and name
 * when `assigned` is false. Visibility is per job centre: the search joins it on
 * `aa_id = principal.org AND cpr = search_cases.citizen_cpr AND jobcentre = search_cases.jobcentre`,
 * so the column names are a contract. A legacy (schema v1) event names no job centre and
 * folds into no row: it grants nothing until the job centre's case system sends it again.
 */
import { AA_ASSIGNMENT_EVENT_TYPES, AaAssignmentEvent } from '../../src/aa-assignments/aa-assignment.events';
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { Projection } from '../runner/projection';

export const AA_ASSIGNMENTS_TABLE = 'aa_assignments';

export interface AaAssignmentRow extends Record<string, unknown> {
  /** `${jobcentre}:${aa_id}:${cpr}`. */
  assignment_id: string;
  /** The job centre that made the assignment: the AA sees the citizen on this job centre's cases only. */
  jobcentre: string;
  aa_id: string;
  cpr: string;
  /** True while the job centre has the citizen assigned ('udlagt') to this AA. */
  assigned: boolean;
  /** When the latest assignment to this AA took effect. */
  assigned_at: string;
  /** When it ended; null while it lasts. */
  unassigned_at: string | null;
  /** Revision of the (job centre, citizen) stream at the last event folded in. */
  revision: number;
  updated_at: string;
}

export const assignmentIdOf = (jobcentre: string, aaId: string, cpr: string) => `${jobcentre}:${aaId}:${cpr}`;
/** The key a legacy event touches: no row is ever written under it. */
const LEGACY = '-';

export function evolveAaAssignmentRow(row: AaAssignmentRow | null, recorded: RecordedEvent): AaAssignmentRow | null {
  const event = recorded as unknown as AaAssignmentEvent;
  const { jobcentre, cpr, aaId, effectiveAt } = event.data;
  if (jobcentre === null) return row; // a legacy v1 event: no job centre, no visibility
  const stamp = { revision: recorded.revision, updated_at: recorded.metadata.occurredAt };
  switch (event.type) {
    case 'CitizenAssignedToOtherActor':
      // Assigned to the same AA again: the triple's row opens again, from the new start.
      return { assignment_id: assignmentIdOf(jobcentre, aaId, cpr), jobcentre, aa_id: aaId, cpr, assigned: true, assigned_at: effectiveAt, unassigned_at: null, ...stamp };
    case 'CitizenUnassignedFromOtherActor':
      // An end without a start we saw has nothing to close (the decider never emits one).
      return row && { ...row, assigned: false, unassigned_at: effectiveAt, ...stamp };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export const aaAssignmentsProjection: Projection<AaAssignmentRow> = {
  name: 'aa_assignments',
  table: AA_ASSIGNMENTS_TABLE,
  key: 'assignment_id',
  columns: [
    { name: 'assignment_id', type: 'text' },
    { name: 'jobcentre', type: 'text', nullable: false },
    { name: 'aa_id', type: 'text', nullable: false },
    { name: 'cpr', type: 'text', nullable: false },
    { name: 'assigned', type: 'boolean', nullable: false },
    { name: 'assigned_at', type: 'timestamptz', nullable: false },
    { name: 'unassigned_at', type: 'timestamptz' },
    { name: 'revision', type: 'integer', nullable: false },
    { name: 'updated_at', type: 'timestamptz', nullable: false },
  ],
  // (aa_id, cpr, jobcentre): the search's join and the AA's citizen lookup; (cpr): a citizen's assignments.
  indexes: [['aa_id', 'cpr', 'jobcentre'], ['cpr']],
  handles: AA_ASSIGNMENT_EVENT_TYPES,
  // Issue 10 changed the meaning (per job centre; v1 events grant nothing): the table is rebuilt from the events.
  version: 2,
  keyOf: (event) => {
    const { jobcentre, aaId, cpr } = event.data as unknown as AaAssignmentEvent['data'];
    return jobcentre === null ? LEGACY : assignmentIdOf(jobcentre, aaId, cpr);
  },
  evolve: evolveAaAssignmentRow,
};
