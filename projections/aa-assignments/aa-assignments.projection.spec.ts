import { GivenEvent, projectionSpec } from '../../test/support/projection-spec';
import { AaAssignmentEvent, aaAssignmentStreamId } from '../../src/aa-assignments/aa-assignment.events';
import { AaAssignmentRow, aaAssignmentsProjection } from './aa-assignments.projection';

const spec = projectionSpec(aaAssignmentsProjection);
const DFDG = { role: 'case-system', userId: 'dfdg-import', org: '101' } as const;
const CPR = '0101901234';
const OTHER_CPR = '0202021234';
const T1 = '2026-03-01T08:00:00.000Z';
const T2 = '2026-04-01T08:00:00.000Z';
const T3 = '2026-05-01T08:00:00.000Z';
/** When the import ran (the events' occurredAt), later than when the assignments took effect. */
const RECORDED = '2026-05-02T10:00:00.000Z';

/** The events of one job centre's stream for a citizen, shaped as the decider emits them. */
function citizen(cpr: string, jobcentre = '101') {
  const event = (type: AaAssignmentEvent['type'], aaId: string, effectiveAt: string): GivenEvent => ({
    streamId: aaAssignmentStreamId(jobcentre, cpr), type, data: { jobcentre, cpr, aaId, effectiveAt, source: 'dfdg' }, occurredAt: RECORDED,
    principal: { ...DFDG, org: jobcentre },
  });
  return {
    assigned: (aaId: string, at: string) => event('CitizenAssignedToOtherActor', aaId, at),
    unassigned: (aaId: string, at: string) => event('CitizenUnassignedFromOtherActor', aaId, at),
  };
}

const c1 = citizen(CPR);
const row = (aaId: string, cpr: string, changes: Partial<AaAssignmentRow>, jobcentre = '101'): AaAssignmentRow => ({
  assignment_id: `${jobcentre}:${aaId}:${cpr}`, jobcentre, aa_id: aaId, cpr, assigned: true, assigned_at: T1, unassigned_at: null, revision: 0, updated_at: RECORDED, ...changes,
});

describe('AA assignments projection (the aa_assignments read model)', () => {
  it('R12 folds an assignment into a row the AA sees the citizen by', async () => {
    await spec.given([c1.assigned('aa-1', T1)]).thenRows([row('aa-1', CPR, {})]);
  });

  it('R12 keeps the row after an unassignment, no longer assigned, so the AA keeps a masked history row', async () => {
    await spec.given([c1.assigned('aa-1', T1), c1.unassigned('aa-1', T2)]).thenRows([row('aa-1', CPR, { assigned: false, unassigned_at: T2, revision: 1 })]);
  });

  it('R12 R13 a move closes the old AA\'s row and opens the new one\'s at the same instant', async () => {
    await spec
      .given([c1.assigned('aa-1', T1), c1.unassigned('aa-1', T2), c1.assigned('aa-2', T2)])
      .thenRows([row('aa-1', CPR, { assigned: false, unassigned_at: T2, revision: 1 }), row('aa-2', CPR, { assigned_at: T2, revision: 2 })]);
  });

  it('opens the pair\'s one row again when the citizen comes back to the same AA', async () => {
    await spec
      .given([c1.assigned('aa-1', T1), c1.unassigned('aa-1', T2), c1.assigned('aa-1', T3)])
      .thenRows([row('aa-1', CPR, { assigned_at: T3, unassigned_at: null, revision: 2 })]);
  });

  it('keeps one row per (AA, citizen) pair, apart for each citizen', async () => {
    const c2 = citizen(OTHER_CPR);
    await spec
      .given([c1.assigned('aa-1', T1), c2.assigned('aa-1', T2), c2.unassigned('aa-1', T3)])
      .thenRows([row('aa-1', CPR, {}), row('aa-1', OTHER_CPR, { assigned: false, assigned_at: T2, unassigned_at: T3, revision: 1 })]);
  });

  it('R12 keeps one row per (job centre, AA, citizen): two job centres may assign the citizen to different AAs at once (issue 10)', async () => {
    const at461 = citizen(CPR, '461');
    await spec
      .given([c1.assigned('aa-1', T1), at461.assigned('aa-2', T2), at461.unassigned('aa-2', T3)])
      .thenRows([row('aa-1', CPR, {}), row('aa-2', CPR, { assigned: false, assigned_at: T2, unassigned_at: T3, revision: 1 }, '461')]);
  });

  it('R12 a legacy v1 event (no job centre, upcast to null) grants nothing: it folds into no row', async () => {
    const legacy = (type: AaAssignmentEvent['type']): GivenEvent => ({
      streamId: `aa-assignment-${CPR}`, type, data: { cpr: CPR, aaId: 'aa-1', effectiveAt: T1, source: 'dfdg' }, occurredAt: RECORDED, principal: DFDG, // v1: no job centre
    });
    await spec.given([legacy('CitizenAssignedToOtherActor')]).thenRows([]);
    await spec.given([legacy('CitizenAssignedToOtherActor'), legacy('CitizenUnassignedFromOtherActor'), c1.assigned('aa-1', T2)]).thenRows([row('aa-1', CPR, { assigned_at: T2 })]);
  });

  it('has no row for an unassignment whose assignment it never saw', async () => {
    await spec.given([c1.unassigned('aa-1', T2)]).thenRows([]);
  });
});
