import { JSONSchemaType } from 'ajv';
import { Principal, ROLES } from '../auth/principal';
import { id, instant } from './event-schema';

/** Carried by every event; see architecture.md "Write side". */
export interface EventMetadata {
  eventId: string;
  correlationId: string;
  causationId: string;
  principal: Pick<Principal, 'role' | 'userId' | 'org'> & { name?: string };
  occurredAt: string;
  schemaVersion: number;
}

/** Correlation and causation ids: request ids (UUIDs) or a caller's X-Correlation-Id (request-context.ts). */
const traceId = { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' } as const;

/** The metadata every appended event carries, checked with its data (issue 10). */
export const EVENT_METADATA_SCHEMA: JSONSchemaType<EventMetadata> = {
  type: 'object',
  required: ['eventId', 'correlationId', 'causationId', 'principal', 'occurredAt', 'schemaVersion'],
  additionalProperties: false,
  properties: {
    eventId: id.uuid(),
    correlationId: traceId,
    causationId: traceId,
    principal: {
      type: 'object',
      required: ['role', 'userId', 'org'],
      additionalProperties: false,
      properties: {
        role: { type: 'string', enum: ROLES },
        userId: id.user(),
        org: { type: 'string', minLength: 1 },
        // Optional in the type, so JSONSchemaType asks for `nullable`; `not` keeps an explicit null out.
        name: { type: 'string', nullable: true, not: { type: 'null' } },
      },
    },
    occurredAt: instant(),
    schemaVersion: { type: 'integer', minimum: 1 },
  },
};
