import { CaseHistoryType } from '../shared/case-history.reader';
import { applicationCase } from './application.case';
import { ApplicationCommand, ApplicationState } from './application.decider';
import { ApplicationEvent } from './application.events';
import { assertMayRead } from './application.view';

/** The application's history (`GET /api/applications/{id}/history`): read as the application itself is read. An AA the citizen is assigned to reads it as it reads the case; once unassigned, masked. */
export const applicationHistory: CaseHistoryType<ApplicationCommand, ApplicationState, ApplicationEvent> = {
  caseType: applicationCase,
  assertMayRead: assertMayRead,
  aaMayRead: true,
};
