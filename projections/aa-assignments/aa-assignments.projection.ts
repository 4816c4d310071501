/**
 * The `aa_assignments` read model (R12, R13, D8, D17): one row per (AA, citizen) pair DFDG ever
 * assigned, `assigned` while the assignment lasts. Rows are never deleted: an AA keeps its
 * history row, and the search engine masks the citizen's CPR and name when `assigned` is false.
 * The search joins it on `aa_id = principal.org AND cpr = search_cases.citizen_cpr`, so the
 * column names are a contract.
 */
import { AA_ASSIGNMENT_EVENT_TYPES, AaAssignmentEvent } from '../../src/aa-assignments/aa-assignment.events';
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { Projection } from '../runner/projection';

export const AA_ASSIGNMENTS_TABLE = 'aa_assignments';

export interface AaAssignmentRow extends Record<string, unknown> {
  /** `${aa_id}:${cpr}`. */
  assignment_id: string;
  aa_id: string;
  cpr: string;
  /** True while the citizen is assigned ('udlagt') to this AA. */
  assigned: boolean;
  /** When the latest assignment to this AA took effect. */
  assigned_at: string;
  /** When it ended; null while it lasts. */
  unassigned_at: string | null;
  /** Revision of the citizen's stream at the last event folded in. */
  revision: number;
  updated_at: string;
}

export const assignmentIdOf = (aaId: string, cpr: string) => `${aaId}:${cpr}`;

export function evolveAaAssignmentRow(row: AaAssignmentRow | null, recorded: RecordedEvent): AaAssignmentRow | null {
  const event = recorded as unknown as AaAssignmentEvent;
  const { cpr, aaId, effectiveAt } = event.data;
  const stamp = { revision: recorded.revision, updated_at: recorded.metadata.occurredAt };
  switch (event.type) {
    case 'CitizenAssignedToOtherActor':
      // Assigned to the same AA again: the pair's row opens again, from the new start.
      return { assignment_id: assignmentIdOf(aaId, cpr), aa_id: aaId, cpr, assigned: true, assigned_at: effectiveAt, unassigned_at: null, ...stamp };
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
    { name: 'aa_id', type: 'text', nullable: false },
    { name: 'cpr', type: 'text', nullable: false },
    { name: 'assigned', type: 'boolean', nullable: false },
    { name: 'assigned_at', type: 'timestamptz', nullable: false },
    { name: 'unassigned_at', type: 'timestamptz' },
    { name: 'revision', type: 'integer', nullable: false },
    { name: 'updated_at', type: 'timestamptz', nullable: false },
  ],
  // (aa_id, cpr): the search's join and the AA's citizen lookup; (cpr): a citizen's AAs.
  indexes: [['aa_id', 'cpr'], ['cpr']],
  handles: AA_ASSIGNMENT_EVENT_TYPES,
  keyOf: (event) => assignmentIdOf(String(event.data.aaId), String(event.data.cpr)),
  evolve: evolveAaAssignmentRow,
};
