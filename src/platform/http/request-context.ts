import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { uuidv7 } from '../events/uuidv7';
import { Metrics } from '../metrics/metrics';

export interface RequestContext {
  requestId: string;
  correlationId: string;
  /** Set by the idempotency interceptor when the request carries an Idempotency-Key (see CommandContext). */
  idempotencySeed?: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    context: RequestContext;
  }
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives each request an id (the causation id of what it appends) and a correlation id
 * (taken from X-Correlation-Id when well-formed), logs it, and times it for /metrics.
 */
export function requestContext(logger: Logger, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = uuidv7();
    const incoming = req.header('x-correlation-id');
    const correlationId = incoming && SAFE_ID.test(incoming) ? incoming : requestId;
    req.context = { requestId, correlationId };
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('X-Correlation-Id', correlationId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // A request refused before routing (404, or a 400/413 from the body parser) is 'unmatched':
      // its raw path is client input and would grow the label set without bound.
      const route = (req.route?.path as string | undefined) ?? (res.statusCode >= 400 ? 'unmatched' : req.path);
      metrics.httpDuration.observe({ method: req.method, route: `${req.baseUrl}${route}`, status: String(res.statusCode) }, seconds);
      logger.info({ requestId, correlationId, method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    next();
  };
}
