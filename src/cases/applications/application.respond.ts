import type { Response } from 'express';
import { Principal } from '../../platform/auth/principal';
import { CommandResult } from '../../platform/commands/command-pipeline';
import { etagOf } from '../../platform/commands/request-command-context';
import { ApplicationState } from './application.decider';
import { toApplicationView } from './application.view';

/** Answers a command with the case as it now is, and its revision as ETag (use it in If-Match). */
export function respondWithApplication(res: Response, result: CommandResult<ApplicationState>, principal: Principal) {
  res.setHeader('ETag', etagOf(result.revision));
  return toApplicationView(result.state, result.revision, principal);
}
