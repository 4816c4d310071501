import type { ErrorRequestHandler, Express } from 'express';
import { json } from 'express';
import { ProblemError } from './problems';
import { sendProblem, toProblem } from './problem-details.filter';

/**
 * JSON bodies with a configured size limit. Parser failures never reach Nest's filters,
 * so this error handler answers them as problem+json itself: 400 malformed, 413 too large.
 */
export function installBodyParsing(app: Express, limitBytes: number): void {
  app.use(json({ limit: limitBytes, type: ['application/json', 'application/*+json'] }));
  const onParseError: ErrorRequestHandler = (err, req, res, next) => {
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') {
      return sendProblem(res, toProblem(new ProblemError('payload-too-large', `The body exceeds the limit of ${limitBytes} bytes`, 'body-size-limit', 'body', { limitBytes }), req.originalUrl));
    }
    if (type === 'entity.parse.failed') {
      return sendProblem(res, toProblem(new ProblemError('validation', `The body is not valid JSON: ${(err as Error).message}`, 'json-syntax', 'body'), req.originalUrl));
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return sendProblem(res, toProblem(new ProblemError('validation', (err as Error).message, 'encoding', 'Content-Type'), req.originalUrl));
    }
    // Any other client-side read failure (a corrupt gzip/deflate body, a Content-Length mismatch,
    // an aborted upload) is the caller's fault: 400, not the 500 Nest would make of it.
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendProblem(res, toProblem(new ProblemError('validation', `The body could not be read: ${(err as Error).message}`, 'body-read', 'body'), req.originalUrl));
    }
    next(err);
  };
  app.use(onParseError);
}
