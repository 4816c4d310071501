import { Decider, DomainEvent } from '../../platform/events/decider';

/**
 * What the shared case kit needs to know of a case type: its pure decider, its stream and its
 * link. Each slice declares one (`offer.case.ts`, …); no framework imports.
 */
export interface CaseType<C, S, E extends DomainEvent> {
  /** English name used in problems, e.g. 'Offer' ("Offer 0190… does not exist"). */
  name: string;
  decider: Decider<C, S, E>;
  streamId(caseId: string): string;
  /** `links.self` and the `Location` of a created case (R32: a real link to the case). */
  link(caseId: string): string;
}
