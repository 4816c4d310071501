import { Principal } from '../../platform/auth/principal';
import { Actor } from './actor';

export interface CandidateAction<Command> {
  /** The name of the POST sub-resource, e.g. 'sign-as-company'. */
  action: string;
  command: (actor: Actor, now: Date) => Command;
}

/**
 * The acts a frontend may offer this principal: each candidate is tried against the pure
 * decider, so the buttons and the rules can never disagree.
 */
export function allowedActions<Command, State>(
  candidates: CandidateAction<Command>[],
  decide: (command: Command, state: State) => unknown,
  principal: Principal,
  state: State,
  now: Date = new Date(),
): string[] {
  const actor: Actor = { role: principal.role, org: principal.org, userId: principal.userId };
  // Refusals are expected here and their stack traces unused: capturing one per candidate
  // was a measurable share of every command's answer.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return candidates
      .filter(({ command }) => {
        try {
          decide(command(actor, now), state);
          return true;
        } catch {
          return false;
        }
      })
      .map((c) => c.action);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** Stands for any job centre but the case's own when asking whether a transfer is allowed. */
export const OTHER_JOBCENTRE = '(another job centre)';

/** A harmless file reference for asking whether an upload act is allowed. */
export const PROBE_FILE = { sha256: '', fileName: '', size: 0, contentType: '' };
