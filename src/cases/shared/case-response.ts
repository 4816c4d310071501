import type { Response } from 'express';
import { CommandResult } from '../../platform/commands/command-pipeline';
import { etagOf } from '../../platform/commands/request-command-context';

/** Answers a command with the case as it now is, and its revision as ETag (use it in If-Match). */
export function respondWithCase<S, V>(res: Response, result: CommandResult<S>, view: (state: S, revision: number) => V): V {
  res.setHeader('ETag', etagOf(result.revision));
  return view(result.state, result.revision);
}
