import { DomainEvent } from '../platform/events/decider';
import { EventTypeDefinition, Upcaster } from '../platform/events/event-registry';
import { DataSchema, id, instant, oneOf } from '../platform/events/event-schema';

/** Where an assignment came from: the national data hub is the only source today. */
export type AssignmentSource = 'dfdg';

/**
 * The job centre that made the assignment (its case system's token `org`), or null for a
 * schema-v1 event recorded before assignments were per job centre: such a legacy event names no
 * job centre, so it grants no visibility at all until that job centre's case system sends the
 * assignment again (least privilege: guessing the job centre could show one centre's cases to
 * an AA another centre chose).
 */
export type AssigningJobcentre = string | null;

type AssignmentData = { jobcentre: AssigningJobcentre; cpr: string; aaId: string; effectiveAt: string; source: AssignmentSource };

/**
 * A citizen assigned ('udlagt') to an Anden Aktør by one job centre in DFDG (R12, R13, D8, D17):
 * from `effectiveAt` the AA sees the citizen's CPR and name on that job centre's cases only.
 */
export type CitizenAssignedToOtherActor = DomainEvent<'CitizenAssignedToOtherActor', AssignmentData>;

/** The job centre's assignment ended in DFDG: from `effectiveAt` the AA no longer sees the citizen on its cases (R12). */
export type CitizenUnassignedFromOtherActor = DomainEvent<'CitizenUnassignedFromOtherActor', AssignmentData>;

export type AaAssignmentEvent = CitizenAssignedToOtherActor | CitizenUnassignedFromOtherActor;

export const AA_ASSIGNMENT_EVENT_TYPES: readonly AaAssignmentEvent['type'][] = ['CitizenAssignedToOtherActor', 'CitizenUnassignedFromOtherActor'];

/** v1 (per citizen, no job centre) → v2: the job centre is unknown, so null (a legacy assignment, no visibility). */
export const upcastAssignmentV1: Upcaster = (data) => ({ jobcentre: null, ...data });

/**
 * The v2 data as appended: the TypeScript type allows the null that only an upcast v1 event
 * carries, while an append must name its job centre (1–4 digits). So the schema is checked
 * against the type with `jobcentre` narrowed to a string, not against AssignmentData itself.
 */
export const ASSIGNMENT_DATA_SCHEMA: DataSchema<Omit<AssignmentData, 'jobcentre'> & { jobcentre: string }> = {
  type: 'object',
  required: ['jobcentre', 'cpr', 'aaId', 'effectiveAt', 'source'],
  additionalProperties: false,
  properties: { jobcentre: id.jobcentre(), cpr: id.cpr(), aaId: id.aaId(), effectiveAt: instant(), source: oneOf(['dfdg'] as const) },
};

/** v2 adds `jobcentre` (issue 10: least privilege); v1 events stay stored as they were. */
export const AA_ASSIGNMENT_EVENTS: EventTypeDefinition[] = AA_ASSIGNMENT_EVENT_TYPES.map((type) => ({
  type,
  schemaVersion: 2,
  schema: ASSIGNMENT_DATA_SCHEMA,
  upcasters: { 1: upcastAssignmentV1 },
}));

/** One stream per (job centre, citizen): each job centre assigns its citizen to at most one AA at a time. */
export const aaAssignmentStreamId = (jobcentre: string, cpr: string) => `aa-assignment-${jobcentre}-${cpr}`;

/** The stream of schema-v1 events (one per citizen, before issue 10); read by nobody, kept for the record. */
export const legacyAaAssignmentStreamId = (cpr: string) => `aa-assignment-${cpr}`;
