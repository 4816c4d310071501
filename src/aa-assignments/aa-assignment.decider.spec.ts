import { deciderSpec } from '../../test/support/decider-spec';
import { aaAssignmentDecider, outcomeOf, RecordAssignment } from './aa-assignment.decider';
import { AA_ASSIGNMENT_EVENTS, AaAssignmentEvent, aaAssignmentStreamId, legacyAaAssignmentStreamId } from './aa-assignment.events';
import { EventRegistry } from '../platform/events/event-registry';
import { RecordedEvent } from '../platform/event-store/event-store.port';
import { assignmentHistory } from './aa-assignment.history';

const spec = deciderSpec(aaAssignmentDecider);
const CPR = '0101901234';
/** The job centre whose case system records; the stream is this job centre's assignment of the citizen. */
const JC = '101';
const T1 = '2026-03-01T08:00:00.000Z';
const T2 = '2026-04-01T08:00:00.000Z';
const T3 = '2026-05-01T08:00:00.000Z';

const record = (aaId: string | null, effectiveAt: string, jobcentre = JC): RecordAssignment => ({ type: 'RecordAssignment', jobcentre, cpr: CPR, aaId, effectiveAt });
const assigned = (aaId: string, effectiveAt: string, jobcentre = JC): AaAssignmentEvent => ({ type: 'CitizenAssignedToOtherActor', data: { jobcentre, cpr: CPR, aaId, effectiveAt, source: 'dfdg' } });
const unassigned = (aaId: string, effectiveAt: string, jobcentre = JC): AaAssignmentEvent => ({ type: 'CitizenUnassignedFromOtherActor', data: { jobcentre, cpr: CPR, aaId, effectiveAt, source: 'dfdg' } });

describe('AA assignment decider', () => {
  it('R12 assigns a citizen to an AA the first time DFDG reports it: the AA may see the citizen from then', () => {
    spec.given([]).when(record('aa-1', T1)).then([assigned('aa-1', T1)]);
  });

  it('R12 unassigns when DFDG reports no AA: the AA no longer sees the citizen', () => {
    spec.given([assigned('aa-1', T1)]).when(record(null, T2)).then([unassigned('aa-1', T2)]);
  });

  it('R12 R13 a move between AAs ends the old assignment and starts the new one at the same instant', () => {
    spec.given([assigned('aa-1', T1)]).when(record('aa-2', T2)).then([unassigned('aa-1', T2), assigned('aa-2', T2)]);
  });

  it('records nothing when the record states what is already recorded (an idempotent re-import)', () => {
    spec.given([assigned('aa-1', T1)]).when(record('aa-1', T1)).then([]);
    spec.given([assigned('aa-1', T1)]).when(record('aa-1', T3)).then([]);
    spec.given([]).when(record(null, T1)).then([]);
    spec.given([assigned('aa-1', T1), unassigned('aa-1', T2)]).when(record(null, T3)).then([]);
  });

  it('assigns again after an unassignment, to the same AA or another', () => {
    spec.given([assigned('aa-1', T1), unassigned('aa-1', T2)]).when(record('aa-1', T3)).then([assigned('aa-1', T3)]);
    spec.given([assigned('aa-1', T1), unassigned('aa-1', T2)]).when(record('aa-2', T3)).then([assigned('aa-2', T3)]);
  });

  it('R12 ignores a record that takes effect no later than the last change (an older file again): the newer fact stands', () => {
    spec.given([assigned('aa-1', T1), unassigned('aa-1', T3)]).when(record('aa-1', T2)).then([]);
    spec.given([assigned('aa-2', T2)]).when(record('aa-1', T1)).then([]);
    spec.given([assigned('aa-2', T2)]).when(record(null, T2)).then([]);
  });

  it('R12 an assignment names the job centre that made it: its case system\'s own (issue 10)', () => {
    spec.given([]).when(record('aa-1', T1, '461')).then([assigned('aa-1', T1, '461')]);
    spec.given([assigned('aa-1', T1, '461')]).when(record(null, T2, '461')).then([unassigned('aa-1', T2, '461')]);
  });

  it('R12 each job centre assigns the citizen on its own stream, so two job centres may assign them to different AAs at once', () => {
    expect(aaAssignmentStreamId('101', CPR)).toBe(`aa-assignment-101-${CPR}`);
    expect(aaAssignmentStreamId('461', CPR)).not.toBe(aaAssignmentStreamId('101', CPR));
    // 461's stream knows nothing of 101's assignment: its first record is an assignment, not a move.
    spec.given([]).when(record('aa-2', T2, '461')).then([assigned('aa-2', T2, '461')]);
    expect(legacyAaAssignmentStreamId(CPR)).not.toBe(aaAssignmentStreamId('101', CPR));
  });

  it('names the outcome of a record by its events', () => {
    expect(outcomeOf([])).toBe('unchanged');
    expect(outcomeOf([assigned('aa-1', T1)])).toBe('assigned');
    expect(outcomeOf([unassigned('aa-1', T1)])).toBe('unassigned');
    expect(outcomeOf([unassigned('aa-1', T1), assigned('aa-2', T1)])).toBe('moved');
  });
});

describe('AA assignment history', () => {
  it('R12 lists each assignment period, oldest first, with the current AA', () => {
    const events = [assigned('aa-1', T1), unassigned('aa-1', T2), assigned('aa-2', T2), unassigned('aa-2', T3), assigned('aa-1', T3)];
    expect(assignmentHistory(JC, CPR, events)).toEqual({
      jobcentre: JC,
      cpr: CPR,
      aaId: 'aa-1',
      history: [
        { aaId: 'aa-1', assignedAt: T1, unassignedAt: T2 },
        { aaId: 'aa-2', assignedAt: T2, unassignedAt: T3 },
        { aaId: 'aa-1', assignedAt: T3, unassignedAt: null },
      ],
    });
  });

  it('is empty, with no current AA, for a citizen never assigned or no longer assigned', () => {
    expect(assignmentHistory(JC, CPR, [])).toEqual({ jobcentre: JC, cpr: CPR, aaId: null, history: [] });
    expect(assignmentHistory(JC, CPR, [assigned('aa-1', T1), unassigned('aa-1', T2)]).aaId).toBeNull();
  });
});

describe('AA assignment events, schema v2 (issue 10)', () => {
  const registry = new EventRegistry().register(...AA_ASSIGNMENT_EVENTS);
  const stored = (schemaVersion: number, data: Record<string, unknown>) =>
    ({ type: 'CitizenAssignedToOtherActor', schemaVersion, data, streamId: legacyAaAssignmentStreamId(CPR) }) as unknown as RecordedEvent;

  it('R12 upcasts a v1 event (per citizen, before job centres) to a legacy assignment with no job centre: it grants no visibility', () => {
    const v1 = { cpr: CPR, aaId: 'aa-1', effectiveAt: T1, source: 'dfdg' };
    expect(registry.upcast(stored(1, v1))).toMatchObject({ schemaVersion: 2, data: { ...v1, jobcentre: null } });
  });

  it('leaves a v2 event as it was recorded', () => {
    const v2 = { jobcentre: JC, cpr: CPR, aaId: 'aa-1', effectiveAt: T1, source: 'dfdg' };
    expect(registry.upcast(stored(2, v2)).data).toEqual(v2);
  });
});
