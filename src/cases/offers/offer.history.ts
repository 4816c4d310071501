import { CaseHistoryType } from '../shared/case-history.reader';
import { offerCase } from './offer.case';
import { OfferCommand, OfferState } from './offer.decider';
import { OfferEvent } from './offer.events';
import { assertMayReadOffer } from './offer.view';

/** The offer's history (`GET /api/offers/{id}/history`): read as the offer itself is read. No AA reads it (its read rule admits none). */
export const offerHistory: CaseHistoryType<OfferCommand, OfferState, OfferEvent> = {
  caseType: offerCase,
  assertMayRead: (principal, state) => assertMayReadOffer(principal, state),
  aaMayRead: false,
};
