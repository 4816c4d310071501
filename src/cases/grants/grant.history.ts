import { CaseHistoryType } from '../shared/case-history.reader';
import { grantCase } from './grant.case';
import { GrantCommand, GrantState } from './grant.decider';
import { GrantEvent } from './grant.events';
import { assertMayReadGrant } from './grant.view';

/** The grant's history (`GET /api/grants/{id}/history`): read as the grant itself is read. An AA the citizen is assigned to reads it as it reads the case; once unassigned, masked. */
export const grantHistory: CaseHistoryType<GrantCommand, GrantState, GrantEvent> = {
  caseType: grantCase,
  assertMayRead: assertMayReadGrant,
  aaMayRead: true,
};
