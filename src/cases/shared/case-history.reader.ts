/**
 * Reads a case's history for a caller (issue 12, item 1): the stream, the case's own read rule,
 * one page of entries, masked for a reader who may not see the citizen. Each case type wires it
 * with a small `<type>.history.ts` and a thin controller.
 */
import { DataSource } from 'typeorm';
import { aaAssignmentOf, AaVisibleCase } from '../../aa-assignments/aa-read-access';
import { Principal } from '../../platform/auth/principal';
import { EventStore } from '../../platform/event-store/event-store.port';
import { DomainEvent } from '../../platform/events/decider';
import { EventRegistry } from '../../platform/events/event-registry';
import { ForbiddenError } from '../../platform/http/problems';
import { loadCaseEvents } from './case-as-of';
import { CaseHistoryPage, decodeHistoryCursor, historyPage, maskHistoryEntry, pageOfEvents, toHistoryEntry } from './case-history';
import { CaseHistoryQueryDto } from './case-history.dto';
import { CaseType } from './case-type';

/** What the history needs of a case type besides its CaseType. */
export interface CaseHistoryType<C, S extends AaVisibleCase, E extends DomainEvent> {
  caseType: CaseType<C, S, E>;
  /** The case's own read rule (its `assertMayRead…`), given whether the caller is an AA the citizen is assigned to now. */
  assertMayRead(principal: Principal, state: S, assignedAa: boolean): void;
  /**
   * Whether the type's read rule admits an AA the citizen is assigned to (applications, grants,
   * supplementary grants). Then an AA the assignment has ended for reads the history masked, as
   * its search lists show the case (R12, D8); on other types an AA reads nothing.
   */
  aaMayRead: boolean;
}

export interface CaseHistoryDeps {
  store: EventStore;
  registry: EventRegistry;
  db: DataSource;
}

export async function readCaseHistory<C, S extends AaVisibleCase, E extends DomainEvent>(
  deps: CaseHistoryDeps,
  type: CaseHistoryType<C, S, E>,
  caseId: string,
  principal: Principal,
  query: CaseHistoryQueryDto,
): Promise<CaseHistoryPage> {
  const loaded = await loadCaseEvents(deps.store, deps.registry, type.caseType, caseId);
  const assignment = type.aaMayRead ? await aaAssignmentOf(deps.db, principal, loaded.state) : null;
  let masked = false;
  try {
    type.assertMayRead(principal, loaded.state, assignment === 'assigned');
  } catch (error) {
    if (!(error instanceof ForbiddenError && assignment === 'formerly')) throw error;
    masked = true;
  }
  const after = decodeHistoryCursor(query.cursor, caseId);
  const { page, more } = pageOfEvents(loaded.events, after, query.limit);
  const citizenCpr = loaded.state.citizen?.cpr ?? null;
  const items = page.map((event) => (masked ? maskHistoryEntry(toHistoryEntry(event), citizenCpr) : toHistoryEntry(event)));
  return historyPage(type.caseType.link(caseId), caseId, items, more, query);
}
