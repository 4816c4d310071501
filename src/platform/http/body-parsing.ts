import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import { json, text } from 'express';
import { ProblemError } from './problems';
import { sendProblem, toProblem } from './problem-details.filter';

/**
 * JSON bodies with a configured size limit. Parser failures never reach Nest's filters,
 * so this error handler answers them as problem+json itself: 400 malformed, 413 too large.
 */
export function installBodyParsing(app: Express, limitBytes: number): void {
  app.use(json({ limit: limitBytes, type: ['application/json', 'application/*+json'] }));
  const onParseError: ErrorRequestHandler = (err, req, res, next) => {
    const problem = bodyParseProblem(err, limitBytes);
    if (!problem) return next(err);
    sendProblem(res, toProblem(problem, req.originalUrl));
  };
  app.use(onParseError);
}

/** The problem a body parser's error stands for, or undefined when it is not the caller's fault. */
function bodyParseProblem(err: unknown, limitBytes: number): ProblemError | undefined {
  const type = (err as { type?: string }).type;
  if (type === 'entity.too.large') {
    return new ProblemError('payload-too-large', `The body exceeds the limit of ${limitBytes} bytes`, 'body-size-limit', 'body', { limitBytes });
  }
  if (type === 'entity.parse.failed') {
    return new ProblemError('validation', `The body is not valid JSON: ${(err as Error).message}`, 'json-syntax', 'body');
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new ProblemError('validation', (err as Error).message, 'encoding', 'Content-Type');
  }
  // Any other client-side read failure (a corrupt gzip/deflate body, a Content-Length mismatch,
  // an aborted upload) is the caller's fault: 400, not the 500 Nest would make of it.
  const status = (err as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ProblemError('validation', `The body could not be read: ${(err as Error).message}`, 'body-read', 'body');
  }
  return undefined;
}

/**
 * A text body parser for one media type on chosen routes (e.g. text/csv imports), with its
 * own limit. It runs after the global error handler above is installed, so it answers its
 * errors as problem+json itself.
 */
export function textBodyParser(type: string, limitBytes: number): RequestHandler {
  const parse = text({ type, limit: limitBytes, defaultCharset: 'utf-8' });
  return (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const problem = bodyParseProblem(err, limitBytes);
      if (!problem) return next(err);
      sendProblem(res, toProblem(problem, req.originalUrl));
    });
}
