import { Principal } from '../auth/principal';

/** Who acts and why, carried from the HTTP request into every event's metadata. */
export interface CommandContext {
  principal: Principal;
  correlationId: string;
  causationId: string;
  /** From `If-Match`: the revision the caller last saw. A mismatch is a 409, never retried. */
  expectedRevision?: number;
}
