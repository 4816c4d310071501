import { Principal } from '../auth/principal';

/** Carried by every event; see architecture.md "Write side". */
export interface EventMetadata {
  eventId: string;
  correlationId: string;
  causationId: string;
  principal: Pick<Principal, 'role' | 'userId' | 'org'> & { name?: string };
  occurredAt: string;
  schemaVersion: number;
}
