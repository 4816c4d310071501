import { CaseType } from '../shared/case-type';
import { ApplicationCommand, ApplicationState, applicationDecider } from './application.decider';
import { ApplicationEvent, applicationStreamId } from './application.events';

export const applicationLink = (applicationId: string) => `/api/applications/${applicationId}`;

/** The application as the shared case kit sees it. */
export const applicationCase: CaseType<ApplicationCommand, ApplicationState, ApplicationEvent> = {
  name: 'Application',
  decider: applicationDecider,
  streamId: applicationStreamId,
  link: applicationLink,
};
