/**
 * The write model of one job centre's assignment of one citizen to an Anden Aktør, as DFDG
 * reports it (R12, R13, D8, D17; issue 10: per job centre, so one centre's choice of AA never
 * opens another centre's cases). A DFDG record states the assignment as of `effectiveAt`; the
 * decider turns the difference from the recorded state into events. A pure decider.
 */
import { Decider } from '../platform/events/decider';
import { AaAssignmentEvent } from './aa-assignment.events';

export interface RecordAssignment {
  type: 'RecordAssignment';
  /** The job centre whose assignment this is: the recording case system's own (its token's org). */
  jobcentre: string;
  cpr: string;
  /** The AA the citizen is assigned to, or null: assigned to none. */
  aaId: string | null;
  /** ISO instant (UTC) from which the record holds. */
  effectiveAt: string;
}

export interface AaAssignmentState {
  /** The AA the citizen is assigned ('udlagt') to now, or null. */
  aaId: string | null;
  /** When the last recorded change took effect; null before the first. */
  changedAt: string | null;
}

/** What one record did to its citizen, as the import reports it. */
export type AssignmentOutcome = 'assigned' | 'unassigned' | 'moved' | 'unchanged';

export const initialAaAssignmentState = (): AaAssignmentState => ({ aaId: null, changedAt: null });

export function evolveAaAssignment(state: AaAssignmentState, event: AaAssignmentEvent): AaAssignmentState {
  switch (event.type) {
    case 'CitizenAssignedToOtherActor':
      return { aaId: event.data.aaId, changedAt: event.data.effectiveAt };
    case 'CitizenUnassignedFromOtherActor':
      return { aaId: null, changedAt: event.data.effectiveAt };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export function decideAaAssignment(command: RecordAssignment, state: AaAssignmentState): AaAssignmentEvent[] {
  const { jobcentre, cpr, aaId, effectiveAt } = command;
  if (aaId === state.aaId) return []; // an idempotent re-import
  // ASSUMPTION: a record that takes effect no later than the last recorded change is older
  // news (an earlier file imported again): the newer fact stands. So an unassignment never
  // precedes its assignment, and the AA's visibility history stays in time order.
  if (state.changedAt !== null && Date.parse(effectiveAt) <= Date.parse(state.changedAt)) return [];
  const source = 'dfdg' as const;
  const events: AaAssignmentEvent[] = [];
  if (state.aaId !== null) events.push({ type: 'CitizenUnassignedFromOtherActor', data: { jobcentre, cpr, aaId: state.aaId, effectiveAt, source } });
  if (aaId !== null) events.push({ type: 'CitizenAssignedToOtherActor', data: { jobcentre, cpr, aaId, effectiveAt, source } });
  return events;
}

/** The outcome the import answers for the events one record produced. */
export function outcomeOf(events: AaAssignmentEvent[]): AssignmentOutcome {
  const assigned = events.some((e) => e.type === 'CitizenAssignedToOtherActor');
  const unassigned = events.some((e) => e.type === 'CitizenUnassignedFromOtherActor');
  return assigned && unassigned ? 'moved' : assigned ? 'assigned' : unassigned ? 'unassigned' : 'unchanged';
}

export const aaAssignmentDecider: Decider<RecordAssignment, AaAssignmentState, AaAssignmentEvent> = {
  initialState: initialAaAssignmentState,
  evolve: evolveAaAssignment,
  decide: decideAaAssignment,
};
