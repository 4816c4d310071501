import { CommandContext } from '../../platform/commands/command-context';
import { ActOnCase, CaseActInputs } from '../shared/act-on-case';
import { offerCase } from './offer.case';
import { OfferCommand } from './offer.decider';

/** Every act on an existing offer; creation has its own handler. */
export type OfferAct = Exclude<OfferCommand, { type: 'CreateOffer' }>;

/** An act on an existing offer through the shared case kit (an unknown offer is a 404). */
export function actOnOffer(offerId: string, context: CommandContext, build: (inputs: CaseActInputs) => OfferAct) {
  return new ActOnCase(offerCase, offerId, context, build);
}
