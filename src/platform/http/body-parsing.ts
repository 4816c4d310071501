import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import { json, text } from 'express';
import { MAX_INPUT_DEPTH } from '../validation/input-shape';
import { assertJsonDepth } from './json-depth';
import { ProblemError } from './problems';
import { sendProblem, toProblem } from './problem-details.filter';

/** The media types a body may have; any other is a 415 before a handler runs (issue 10). */
export const ACCEPTED_BODY_TYPES = ['application/json', 'application/*+json', 'multipart/form-data', 'text/csv'];

/**
 * JSON bodies with a configured size limit and nesting depth (checked on the bytes before they
 * are parsed). Parser failures never reach Nest's filters, so this error handler answers them as
 * problem+json itself: 400 malformed or too deep, 413 too large, 415 an unexpected media type.
 */
export function installBodyParsing(app: Express, limitBytes: number): void {
  app.use(refuseUnexpectedMediaType);
  app.use(json({ limit: limitBytes, type: ['application/json', 'application/*+json'], verify: (_req, _res, body) => assertJsonDepth(body, MAX_INPUT_DEPTH) }));
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
  if (type === 'entity.too.deep') {
    return new ProblemError('validation', (err as Error).message, 'json-depth', 'body', { maxDepth: MAX_INPUT_DEPTH });
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
 * A request that carries a body must say it is JSON, multipart or CSV: anything else (text/plain,
 * a form, no Content-Type) would reach a handler as an empty body. An empty body needs no type.
 */
const refuseUnexpectedMediaType: RequestHandler = (req, res, next) => {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody || req.is(ACCEPTED_BODY_TYPES)) return next();
  const given = (req.headers['content-type'] ?? 'none').slice(0, 100);
  const problem = new ProblemError('unsupported-media-type', `A body of type ${given} is not accepted; send application/json (multipart/form-data for uploads, text/csv for imports)`, 'media-type', 'Content-Type', { accepted: ACCEPTED_BODY_TYPES });
  sendProblem(res, toProblem(problem, req.originalUrl));
};

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
