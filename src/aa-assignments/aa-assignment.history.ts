import { AaAssignmentEvent } from './aa-assignment.events';

/** One period in which the citizen was assigned to one AA: what that AA could see, and when. */
export interface AssignmentPeriod {
  aaId: string;
  assignedAt: string;
  /** null while the assignment lasts. */
  unassignedAt: string | null;
}

export interface AssignmentHistory {
  /** The job centre whose assignments these are (one stream per job centre and citizen). */
  jobcentre: string;
  cpr: string;
  /** The AA the citizen is assigned to now, or null. */
  aaId: string | null;
  /** Oldest first. */
  history: AssignmentPeriod[];
}

/** One job centre's assignment periods of the citizen, folded from their stream (the same events the projection folds). */
export function assignmentHistory(jobcentre: string, cpr: string, events: AaAssignmentEvent[]): AssignmentHistory {
  const history: AssignmentPeriod[] = [];
  for (const event of events) {
    if (event.type === 'CitizenAssignedToOtherActor') {
      history.push({ aaId: event.data.aaId, assignedAt: event.data.effectiveAt, unassignedAt: null });
    } else {
      const open = history.find((p) => p.aaId === event.data.aaId && p.unassignedAt === null);
      if (open) open.unassignedAt = event.data.effectiveAt;
    }
  }
  const current = history.find((p) => p.unassignedAt === null);
  return { jobcentre, cpr, aaId: current?.aaId ?? null, history };
}
