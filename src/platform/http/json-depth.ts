/**
 * Refuses JSON nested deeper than a limit while the body is read, before JSON.parse or any
 * validator recurses into it: `[[[…]]]` 3,000 deep is 6 kB, yet it overflowed the validators'
 * stacks (issue 10). One pass over the bytes, counting brackets outside strings; UTF-8 keeps
 * every structural character a single byte, so multi-byte text never confuses the count.
 */
export class JsonTooDeepError extends Error {
  /** body-parser keeps these, so the parse-error handler can tell this refusal from others. */
  readonly status = 400;
  readonly type = 'entity.too.deep';

  constructor(readonly maxDepth: number) {
    super(`The body is nested deeper than ${maxDepth} levels`);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

export function assertJsonDepth(body: Uint8Array, maxDepth: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++; // the escaped character cannot end the string
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      if (++depth > maxDepth) throw new JsonTooDeepError(maxDepth);
    } else if (CLOSERS.has(byte)) {
      depth--;
    }
  }
}
