/**
 * Errors that become RFC 9457 problem+json answers. Deciders throw DomainError;
 * the HTTP layer maps each kind to its status. Every problem names the rule
 * (an R-id where one applies) and, where it is about one input, the field.
 */
export interface ProblemFieldError {
  field: string;
  rule: string;
  message: string;
}

export type ProblemKind =
  | 'validation' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // 409
  | 'payload-too-large' // 413
  | 'unsupported-media-type' // 415
  | 'rule-violation' // 422
  | 'unavailable'; // 503

export const PROBLEM_STATUS: Record<ProblemKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'rule-violation': 422,
  unavailable: 503,
};

export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    message: string,
    readonly rule: string,
    readonly field?: string,
    readonly extra: Record<string, unknown> = {},
    readonly errors: ProblemFieldError[] = [],
  ) {
    super(message);
    this.name = 'ProblemError';
  }
}

/** A business rule refused the command (thrown by deciders; no framework imports). */
export class DomainError extends ProblemError {
  constructor(message: string, rule: string, options: { field?: string; kind?: 'conflict' | 'rule-violation' | 'forbidden' } = {}) {
    super(options.kind ?? 'rule-violation', message, rule, options.field);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends ProblemError {
  constructor(what: string, id: string) {
    super('not-found', `${what} ${id} does not exist`, 'not-found', 'id', { id });
  }
}

export class ForbiddenError extends ProblemError {
  constructor(message: string, rule = 'authorization') {
    super('forbidden', message, rule);
  }
}
