import type { Request } from 'express';
import { Principal } from '../auth/principal';
import { ProblemError } from '../http/problems';
import { CommandContext } from './command-context';

/** Builds the command context of an HTTP request: principal, correlation, causation, If-Match, idempotency seed. */
export function commandContextOf(req: Request, principal: Principal): CommandContext {
  return {
    principal,
    correlationId: req.context.correlationId,
    causationId: req.context.requestId,
    expectedRevision: parseIfMatch(req.header('if-match')),
    ...idempotencySeedOf(req),
  };
}

/** The request's idempotency seed as a context field, when it has one (for contexts built by hand). */
export function idempotencySeedOf(req: Request): Pick<CommandContext, 'idempotencySeed'> {
  const seed = req.context?.idempotencySeed;
  return seed ? { idempotencySeed: seed } : {};
}

function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(-?\d+)"?\s*$/.exec(header);
  if (!match) throw new ProblemError('validation', 'If-Match must be a revision such as "3"', 'if-match-format', 'If-Match');
  return Number(match[1]);
}

export function etagOf(revision: number): string {
  return `"${revision}"`;
}
