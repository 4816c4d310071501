import type { Response } from 'express';
import { Principal } from '../../platform/auth/principal';
import { CommandResult } from '../../platform/commands/command-pipeline';
import { respondWithCase } from '../shared/case-response';
import { SupplementaryGrantState } from './supplementary-grant.decider';
import { toSupplementaryGrantView } from './supplementary-grant.view';

/** Answers a command with the supplementary grant as it now is, and its revision as ETag (use it in If-Match). */
export function respondWithSupplementaryGrant(res: Response, result: CommandResult<SupplementaryGrantState>, principal: Principal) {
  return respondWithCase(res, result, (state, revision) => toSupplementaryGrantView(state, revision, principal));
}
