import { CaseType } from '../shared/case-type';
import { OfferCommand, OfferState, offerDecider } from './offer.decider';
import { OfferEvent, offerStreamId } from './offer.events';

export const offerLink = (offerId: string) => `/api/offers/${offerId}`;

/** The offer as the shared case kit sees it: act on it with `new ActOnCase(offerCase, id, context, build)`. */
export const offerCase: CaseType<OfferCommand, OfferState, OfferEvent> = {
  name: 'Offer',
  decider: offerDecider,
  streamId: offerStreamId,
  link: offerLink,
};
