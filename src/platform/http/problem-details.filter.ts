import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/config';
import { EventSchemaViolation, EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store/event-store.errors';
import { isConnectionError } from '../event-store/postgres/postgres-rows';
import { echo, MAX_ECHO_CHARS, maskCprs, problemInstance } from './echo';
import { PROBLEM_STATUS, ProblemError } from './problems';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  rule: string;
  field?: string;
  errors?: { field: string; rule: string; message: string }[];
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** Bounds on what a problem carries back: the caller's input is echoed only in excerpts (issue 10). */
const MAX_DETAIL_CHARS = 1_000;
const MAX_MESSAGE_CHARS = 300;
const MAX_ERRORS = 100;

/** The problem as it may leave: `instance` a bare path, every text bounded and free of CPR numbers. */
function bounded(problem: ProblemBody): ProblemBody {
  const text = (value: string, max: number) => echo(maskCprs(value), max);
  const extras = Object.fromEntries(Object.entries(problem).map(([k, v]) => [k, typeof v === 'string' && !['type', 'title'].includes(k) ? text(v, MAX_ECHO_CHARS) : v]));
  return {
    ...(extras as ProblemBody),
    detail: text(problem.detail, MAX_DETAIL_CHARS),
    ...(problem.instance !== undefined ? { instance: problemInstance(problem.instance) } : {}),
    ...(problem.errors ? { errors: problem.errors.slice(0, MAX_ERRORS).map((e) => ({ field: text(e.field, MAX_ECHO_CHARS), rule: e.rule, message: text(e.message, MAX_MESSAGE_CHARS) })) } : {}),
  };
}

/** Every error leaves as RFC 9457 problem+json naming the rule and, where one input is at fault, the field. */
export function toProblem(error: unknown, instance?: string): ProblemBody {
  return bounded(unboundedProblem(error, instance));
}

function unboundedProblem(error: unknown, instance?: string): ProblemBody {
  if (error instanceof ProblemError) {
    const status = PROBLEM_STATUS[error.kind];
    return {
      type: `urn:vitas:problem:${error.kind}`, title: TITLES[status], status, detail: error.message, instance, rule: error.rule,
      ...(error.field ? { field: error.field } : {}), ...(error.errors.length ? { errors: error.errors } : {}), ...error.extra,
    };
  }
  if (error instanceof WrongExpectedRevisionError) {
    return unboundedProblem(new ProblemError('conflict', error.message, 'expected-revision', 'If-Match', { currentRevision: error.actual }), instance);
  }
  if (error instanceof EventStoreUnavailableError || isConnectionError(error) || isConnectionError((error as { driverError?: unknown })?.driverError)) {
    return unboundedProblem(new ProblemError('unavailable', 'The database is unavailable; try again shortly', 'availability'), instance);
  }
  if (error instanceof EventSchemaViolation) {
    // Issue 10: our bug, not the caller's; the specifics (stream, type, where) go to the log only.
    return { type: 'urn:vitas:problem:internal', title: TITLES[500], status: 500, detail: 'The request produced an event that breaks its schema; nothing was recorded. It has been logged', instance, rule: 'event-schema' };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const rule = status === 404 ? 'route' : status === 405 ? 'method' : 'http';
    return { type: `urn:vitas:problem:http-${status}`, title: TITLES[status] ?? 'Error', status, detail: error.message, instance, rule };
  }
  return { type: 'urn:vitas:problem:internal', title: TITLES[500], status: 500, detail: 'An unexpected error occurred; it has been logged', instance, rule: 'internal' };
}

/** A 503 (the database or event store is down) tells clients when to try again. */
export function sendProblem(res: Response, problem: ProblemBody, retryAfterSeconds?: number): void {
  if (problem.status === 503 && retryAfterSeconds) res.setHeader('Retry-After', String(retryAfterSeconds));
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const problem = toProblem(error, req.originalUrl);
    if (problem.status >= 500) this.logger.error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : error, url: req.originalUrl }, 'request failed');
    sendProblem(ctx.getResponse<Response>(), problem, this.config.retryAfterSeconds);
  }
}
