/**
 * The pull feed's cursor: the last sequence a case system has seen, bound to its job centre.
 * Opaque to clients (base64url of `v1:<jobcentre>:<sequence>`); only the canonical encoding is
 * accepted, so a cursor is either one this feed issued or a 400 naming `after`.
 */
import { ProblemError } from '../platform/http/problems';

const VERSION = 'v1';
const DECODED = /^v1:([^:\s]{1,64}):(0|[1-9][0-9]{0,14})$/;

export function encodeCursor(jobcentre: string, sequence: number): string {
  return Buffer.from(`${VERSION}:${jobcentre}:${sequence}`, 'utf8').toString('base64url');
}

/** A cursor that is not this job centre's says nothing about whose it is (a foreign cursor never leaks). */
export function invalidCursor(): ProblemError {
  return new ProblemError('validation', '`after` is not a cursor of this feed: use the `next` of an earlier answer, or leave it out to start from the beginning', 'invalid-cursor', 'after');
}

export function cursorBeyondEnd(): ProblemError {
  return new ProblemError('validation', '`after` points past the last message of this feed', 'unknown-cursor', 'after');
}

/** The sequence after which to read; 0 (the beginning) without a cursor. Throws a 400 naming `after`. */
export function decodeCursor(after: string | undefined, jobcentre: string): number {
  if (after === undefined) return 0;
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(after)) throw invalidCursor();
  const match = DECODED.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match || match[1] !== jobcentre) throw invalidCursor();
  const sequence = Number(match[2]);
  if (encodeCursor(jobcentre, sequence) !== after) throw invalidCursor();
  return sequence;
}
