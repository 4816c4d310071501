import { CaseType } from '../shared/case-type';
import { IguAgreementCommand, IguAgreementState, iguAgreementDecider } from './igu-agreement.decider';
import { IguAgreementEvent, iguAgreementStreamId } from './igu-agreement.events';

export const iguAgreementLink = (iguAgreementId: string) => `/api/igu-agreements/${iguAgreementId}`;

/** The IGU agreement as the shared case kit sees it. */
export const iguAgreementCase: CaseType<IguAgreementCommand, IguAgreementState, IguAgreementEvent> = {
  name: 'IGU agreement',
  decider: iguAgreementDecider,
  streamId: iguAgreementStreamId,
  link: iguAgreementLink,
};
