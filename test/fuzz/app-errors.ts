/**
 * The app's error log line for each 5xx, keyed by the request's X-Correlation-Id, when the app
 * runs in this process (the jest suite, `npm run fuzz` without --url): every request runs in an
 * async context that carries its id, and the problem filter's `logger.error` call reads it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { PinoNestLogger } from '../../src/platform/logging/logger';

export interface AppErrors {
  get(correlationId: string): string | undefined;
  /** Puts the logger back as it was. */
  restore(): void;
}

export function captureAppErrors(server: Server): AppErrors {
  const context = new AsyncLocalStorage<string>();
  const errors = new Map<string, string>();
  const onRequest = (req: { headers: Record<string, unknown> }) => context.enterWith(String(req.headers['x-correlation-id'] ?? ''));
  server.prependListener('request', onRequest);
  const original = Object.getOwnPropertyDescriptor(PinoNestLogger.prototype, 'error')!;
  const originalError = PinoNestLogger.prototype.error;
  PinoNestLogger.prototype.error = function (this: PinoNestLogger, message: unknown, ...params: unknown[]) {
    const id = context.getStore();
    const err = (message as { err?: { message?: string; stack?: string } } | undefined)?.err;
    // Bounded: a run with many 5xx keeps the first few thousand causes.
    if (id && !errors.has(id) && errors.size < 5_000) errors.set(id, err ? `${err.message} @ ${firstOwnFrame(err.stack)}` : String(message).slice(0, 300));
    return originalError.call(this, message, ...params);
  };
  return {
    get: (id) => errors.get(id),
    restore() {
      Object.defineProperty(PinoNestLogger.prototype, 'error', original);
      server.removeListener('request', onRequest);
    },
  };
}

/** The first stack frame in the project's own code, where the error really came from. */
function firstOwnFrame(stack = ''): string {
  const root = `${process.cwd()}/`;
  // Source maps of dependencies can point into a src/ that is not ours: the file must exist.
  const own = (l: string) => /\((\/[^:)]+)/.exec(l)?.[1];
  const frame = stack.split('\n').find((l) => (l.includes(`${root}src/`) || l.includes(`${root}projections/`)) && existsSync(own(l) ?? ''));
  return frame ? frame.trim().replace(/^at /, '').replace(root, '').replace('(', '').replace(/\)$/, '') : '?';
}
