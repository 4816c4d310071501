import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { grantIdsOnOffer } from '../../../projections/search/case-links.query';
import { Principal } from '../../platform/auth/principal';
import { CommandResult } from '../../platform/commands/command-pipeline';
import { etagOf } from '../../platform/commands/request-command-context';
import { OfferState } from './offer.decider';
import { toOfferView } from './offer.view';

/**
 * Turns an offer into its API view. The grants made on it live in other streams, so their ids
 * come from the search read model `search_cases` (eventually consistent); everything else is the folded stream.
 */
@Injectable()
export class OfferResponder {
  constructor(private readonly db: DataSource) {}

  async view(state: OfferState, revision: number, principal: Principal) {
    return toOfferView(state, revision, principal, await grantIdsOnOffer(this.db, state.offerId!));
  }

  /** Answers a command with the offer as it now is, and its revision as ETag (use it in If-Match). */
  async respond(res: Response, result: CommandResult<OfferState>, principal: Principal) {
    res.setHeader('ETag', etagOf(result.revision));
    return this.view(result.state, result.revision, principal);
  }
}
