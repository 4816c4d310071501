import { DomainEvent } from '../platform/events/decider';
import { EventTypeDefinition } from '../platform/events/event-registry';

/** Where an assignment came from: the national data hub is the only source today. */
export type AssignmentSource = 'dfdg';

/**
 * A citizen assigned ('udlagt') to an Anden Aktør in DFDG (R12, R13, D8, D17): from
 * `effectiveAt` the AA sees the citizen's CPR and name in its lists.
 */
export type CitizenAssignedToOtherActor = DomainEvent<'CitizenAssignedToOtherActor', { cpr: string; aaId: string; effectiveAt: string; source: AssignmentSource }>;

/** The assignment ended in DFDG: from `effectiveAt` the AA no longer sees the citizen (R12). */
export type CitizenUnassignedFromOtherActor = DomainEvent<'CitizenUnassignedFromOtherActor', { cpr: string; aaId: string; effectiveAt: string; source: AssignmentSource }>;

export type AaAssignmentEvent = CitizenAssignedToOtherActor | CitizenUnassignedFromOtherActor;

export const AA_ASSIGNMENT_EVENT_TYPES: readonly AaAssignmentEvent['type'][] = ['CitizenAssignedToOtherActor', 'CitizenUnassignedFromOtherActor'];

export const AA_ASSIGNMENT_EVENTS: EventTypeDefinition[] = AA_ASSIGNMENT_EVENT_TYPES.map((type) => ({ type, schemaVersion: 1 }));

/** One stream per citizen: a citizen is assigned to at most one AA at a time. */
export const aaAssignmentStreamId = (cpr: string) => `aa-assignment-${cpr}`;
