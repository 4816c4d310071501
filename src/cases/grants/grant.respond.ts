import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { supplementaryGrantIdsOf } from '../../../projections/search/case-links.query';
import { Principal } from '../../platform/auth/principal';
import { CommandResult } from '../../platform/commands/command-pipeline';
import { etagOf } from '../../platform/commands/request-command-context';
import { GrantState } from './grant.decider';
import { toGrantView } from './grant.view';

/**
 * Turns a grant into its API view. Its supplementary grants live in other streams, so their ids
 * come from the search read model `search_cases` (eventually consistent); everything else is the
 * folded stream.
 */
@Injectable()
export class GrantResponder {
  constructor(private readonly db: DataSource) {}

  async view(state: GrantState, revision: number, principal: Principal) {
    return toGrantView(state, revision, principal, await supplementaryGrantIdsOf(this.db, state.grantId!));
  }

  /** Answers a command with the grant as it now is, and its revision as ETag (use it in If-Match). */
  async respond(res: Response, result: CommandResult<GrantState>, principal: Principal) {
    res.setHeader('ETag', etagOf(result.revision));
    return this.view(result.state, result.revision, principal);
  }
}
