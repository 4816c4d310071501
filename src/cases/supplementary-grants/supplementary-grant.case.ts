import { CaseType } from '../shared/case-type';
import { SupplementaryGrantCommand, SupplementaryGrantState, supplementaryGrantDecider } from './supplementary-grant.decider';
import { SupplementaryGrantEvent, supplementaryGrantStreamId } from './supplementary-grant.events';

export const supplementaryGrantLink = (supplementaryGrantId: string) => `/api/supplementary-grants/${supplementaryGrantId}`;
/** The parent grant's link (the grants slice serves it). */
export { grantLink } from '../grants/grant.case';

/** The supplementary grant as the shared case kit sees it. */
export const supplementaryGrantCase: CaseType<SupplementaryGrantCommand, SupplementaryGrantState, SupplementaryGrantEvent> = {
  name: 'Supplementary grant',
  decider: supplementaryGrantDecider,
  streamId: supplementaryGrantStreamId,
  link: supplementaryGrantLink,
};
