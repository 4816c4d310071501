import { CaseHistoryType } from '../shared/case-history.reader';
import { supplementaryGrantCase } from './supplementary-grant.case';
import { SupplementaryGrantCommand, SupplementaryGrantState } from './supplementary-grant.decider';
import { SupplementaryGrantEvent } from './supplementary-grant.events';
import { assertMayReadSupplementaryGrant } from './supplementary-grant.view';

/** The supplementary grant's history (`GET /api/supplementary-grants/{id}/history`): read as the supplementary grant itself is read. An AA the citizen is assigned to reads it as it reads the case; once unassigned, masked. */
export const supplementaryGrantHistory: CaseHistoryType<SupplementaryGrantCommand, SupplementaryGrantState, SupplementaryGrantEvent> = {
  caseType: supplementaryGrantCase,
  assertMayRead: assertMayReadSupplementaryGrant,
  aaMayRead: true,
};
