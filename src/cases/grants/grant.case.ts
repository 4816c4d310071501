import { CaseType } from '../shared/case-type';
import { GrantCommand, GrantState, grantDecider } from './grant.decider';
import { GrantEvent, grantStreamId } from './grant.events';

export const grantLink = (grantId: string) => `/api/grants/${grantId}`;

/** The grant as the shared case kit sees it: act on it with `new ActOnCase(grantCase, id, context, build)`. */
export const grantCase: CaseType<GrantCommand, GrantState, GrantEvent> = {
  name: 'Grant',
  decider: grantDecider,
  streamId: grantStreamId,
  link: grantLink,
};
