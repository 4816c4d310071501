import { Principal } from '../auth/principal';

/** Who acts and why, carried from the HTTP request into every event's metadata. */
export interface CommandContext {
  principal: Principal;
  correlationId: string;
  causationId: string;
  /** From `If-Match`: the revision the caller last saw. A mismatch is a 409, never retried. */
  expectedRevision?: number;
  /**
   * Set when the request carries an Idempotency-Key (idempotent-ids.ts): new case and event ids
   * are derived from it, so a retry of the same request finds its events instead of appending again.
   */
  idempotencySeed?: string;
}
