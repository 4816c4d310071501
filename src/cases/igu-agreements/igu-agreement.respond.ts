import type { Response } from 'express';
import { Principal } from '../../platform/auth/principal';
import { CommandResult } from '../../platform/commands/command-pipeline';
import { respondWithCase } from '../shared/case-response';
import { IguAgreementState } from './igu-agreement.decider';
import { toIguAgreementView } from './igu-agreement.view';

/** Answers a command with the agreement as it now is, and its revision as ETag (use it in If-Match). */
export function respondWithIguAgreement(res: Response, result: CommandResult<IguAgreementState>, principal: Principal) {
  return respondWithCase(res, result, (state, revision) => toIguAgreementView(state, revision, principal));
}
