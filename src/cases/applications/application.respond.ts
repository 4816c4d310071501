import type { Response } from 'express';
import { Principal } from '../../platform/auth/principal';
import { CommandResult } from '../../platform/commands/command-pipeline';
import { respondWithCase } from '../shared/case-response';
import { ApplicationState } from './application.decider';
import { toApplicationView } from './application.view';

/** Answers a command with the application as it now is, and its revision as ETag. */
export function respondWithApplication(res: Response, result: CommandResult<ApplicationState>, principal: Principal) {
  return respondWithCase(res, result, (state, revision) => toApplicationView(state, revision, principal));
}
