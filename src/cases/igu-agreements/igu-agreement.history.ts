import { CaseHistoryType } from '../shared/case-history.reader';
import { iguAgreementCase } from './igu-agreement.case';
import { IguAgreementCommand, IguAgreementState } from './igu-agreement.decider';
import { IguAgreementEvent } from './igu-agreement.events';
import { assertMayReadIguAgreement } from './igu-agreement.view';

/** The IGU agreement's history (`GET /api/igu-agreements/{id}/history`): read as the IGU agreement itself is read. No AA reads it (its read rule admits none). */
export const iguAgreementHistory: CaseHistoryType<IguAgreementCommand, IguAgreementState, IguAgreementEvent> = {
  caseType: iguAgreementCase,
  assertMayRead: (principal, state) => assertMayReadIguAgreement(principal, state),
  aaMayRead: false,
};
