/**
 * The fuzz run shared by the jest suite and `npm run fuzz`: reads the served OpenAPI document,
 * sweeps every operation once with every caller (valid input), then sends seeded random
 * requests (valid, one thing broken, or hostile) in small concurrent batches, learning case ids
 * from the answers; then checks /health, the projections and the DFDG feeds.
 */
import fc from 'fast-check';
import { Role } from '../../src/platform/auth/principal';
import { HOSTILE_KINDS } from './hostile';
import { checkDfdgFeeds, DfdgResult, HealthResult, waitForHealth } from './checks';
import { Forced, generateRequest, RequestSpec } from './generate';
import { Operation, operationsOf } from './openapi';
import { Answer, Sender } from './send';
import { CALLERS, Caller, GARBAGE_TOKEN, NO_TOKEN, World } from './world';

export interface FuzzOptions {
  baseUrl: string;
  requests: number;
  seed: number;
  /** Requests in flight at once (1: exactly reproducible from the seed). */
  concurrency?: number;
  bodyLimitBytes?: number;
  token(role: Role, org: string): Promise<string>;
  /** The app's own error for a request, by its X-Correlation-Id (when the app runs in-process). */
  appErrorFor?(correlationId: string): string | undefined;
  healthTimeoutMs?: number;
  /** Stop sending at this time (ms since the epoch) even if fewer requests went out, so a test never times out. */
  stopAt?: number;
  progress?(line: string): void;
}

export interface Failure {
  operation: string;
  status: number;
  label: string;
  caller: string;
  request: string;
  answer: string;
  correlationId: string;
  appError?: string;
  /** How many requests failed the same way (operation, status, label). */
  count: number;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  by_status: Record<string, number>;
  s5xx: number;
  stalled_projections: number;
  dfdg_missing_fields: number;
  duration_s: number;
  failures: Failure[];
  health: HealthResult;
  dfdg: DfdgResult;
  /** Operation → answers by status, to see which ones the run reached. */
  coverage: Record<string, Record<string, number>>;
}

const CREATES = /^(POST \/api\/[a-z-]+|POST \/api\/dfdg\/(assignments|subscriptions)|PUT \/api\/reference-data\/[a-z-]+)$/;
/** Reference data first, in the order its records depend on each other, so the cases after it can be valid. */
const REFERENCE_ORDER = ['jobcentres', 'companies', 'p-units', 'citizens'].map((kind) => `PUT /api/reference-data/${kind}`);
/** About how many fields a creating body has: the field-by-field phase's turns per kind of damage. */
const FIELDS_PER_BODY = 8;
const SLOW = /\/export$|^GET \/(health|metrics)$/;

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const sender = new Sender(new URL(options.baseUrl));
  try {
    const docAnswer = await sender.send('GET', '/api/docs-json', {});
    if (docAnswer.status !== 200) throw new Error(`GET /api/docs-json answered ${docAnswer.status}`);
    const ops = operationsOf(docAnswer.json as Parameters<typeof operationsOf>[0]);
    const run = new Run(options, sender, ops);
    await run.sweep();
    await run.fieldByField();
    await run.random();
    const health = await waitForHealth(sender, options.healthTimeoutMs ?? 30_000);
    const dfdg = await checkDfdgFeeds(sender, [...run.world.jobcentres].sort(), (jc) => options.token('case-system', jc));
    return {
      seed: options.seed,
      requests: run.sent,
      by_status: run.byStatus,
      s5xx: run.s5xx,
      stalled_projections: health.stalled.length,
      dfdg_missing_fields: dfdg.invalid.length,
      duration_s: Math.round((Date.now() - started) / 100) / 10,
      failures: [...run.failures.values()],
      health,
      dfdg,
      coverage: run.coverage,
    };
  } finally {
    sender.close();
  }
}

class Run {
  readonly world = new World();
  sent = 0;
  s5xx = 0;
  readonly byStatus: Record<string, number> = {};
  readonly failures = new Map<string, Failure>();
  readonly coverage: Record<string, Record<string, number>> = {};
  private readonly tokens = new Map<string, string>();
  private readonly weighted: { arbitrary: fc.Arbitrary<Operation>; weight: number }[];

  constructor(private readonly options: FuzzOptions, private readonly sender: Sender, private readonly ops: Operation[]) {
    this.weighted = ops.map((op) => ({ arbitrary: fc.constant(op), weight: CREATES.test(op.key) ? 30 : SLOW.test(op.key) ? 3 : 10 }));
  }

  /** Every operation with every caller and no token, valid input; creating operations first. */
  async sweep(): Promise<void> {
    const rank = (op: Operation) => {
      const reference = REFERENCE_ORDER.indexOf(op.key);
      return reference >= 0 ? reference : CREATES.test(op.key) ? 10 : 20;
    };
    const ordered = [...this.ops].sort((a, b) => rank(a) - rank(b) || a.path.length - b.path.length);
    const plan = ordered.flatMap((op) => [...CALLERS, NO_TOKEN].map((caller) => ({ op, forced: { mode: 'valid', caller } as Forced })));
    for (let i = 0; i < plan.length && this.sent < this.options.requests && Date.now() < (this.options.stopAt ?? Infinity); i += this.batchSize()) {
      await this.batch(plan.slice(i, Math.min(i + this.batchSize(), i + this.options.requests - this.sent)));
    }
  }

  /**
   * The operations that create cases and import reference data, each field of a valid body
   * broken in turn with each kind of hostile value, by a caller that may create: the deepest
   * paths (events appended, projections fed) see every kind of damage at CI size.
   */
  async fieldByField(): Promise<void> {
    const creating = this.ops.filter((op) => CREATES.test(op.key) && op.body?.['application/json']);
    const perOperation = FIELDS_PER_BODY * HOSTILE_KINDS.length;
    const plan = creating.flatMap((op) => {
      const callers = this.world.callersAdmitted(op.key);
      return Array.from({ length: perOperation }, (_, k) => ({
        op, forced: { mode: 'body-field', media: 'application/json', caller: callers.length ? CALLERS.find((c) => c.label === callers[k % callers.length]) : undefined } as Forced,
      }));
    });
    for (let i = 0; i < plan.length && this.sent < this.options.requests && Date.now() < (this.options.stopAt ?? Infinity); i += this.batchSize()) {
      await this.batch(plan.slice(i, Math.min(i + this.batchSize(), i + this.options.requests - this.sent)));
    }
  }

  async random(): Promise<void> {
    while (this.sent < this.options.requests && Date.now() < (this.options.stopAt ?? Infinity)) {
      const n = Math.min(this.batchSize(), this.options.requests - this.sent);
      const plan = Array.from({ length: n }, (_, k) => ({ op: this.draw(this.sent + k)(() => fc.oneof(...this.weighted)), forced: {} }));
      await this.batch(plan);
      if (this.sent % 500 < n) this.options.progress?.(`${this.sent} requests, ${this.s5xx} 5xx`);
    }
  }

  private batchSize(): number {
    return Math.max(1, this.options.concurrency ?? 4);
  }

  /** The generator of request `index`: a function of the seed and the index only. */
  private draw(index: number): fc.GeneratorValue {
    // Unbiased: the choices are meant to be uniform; the hostile catalogue supplies the edge cases.
    return fc.sample(fc.noBias(fc.gen()), { seed: (this.options.seed * 1_000_003 + index * 7_919) | 0, numRuns: 1 })[0];
  }

  /** Generates the batch from what is known now, sends it at once, and learns in batch order. */
  private async batch(plan: { op: Operation; forced: Forced }[]): Promise<void> {
    const base = this.sent;
    const specs = plan.map(({ op, forced }, k) => {
      const g = this.draw(base + k + 1_000_000);
      return generateRequest(g, op, this.world, this.options.bodyLimitBytes ?? 1_048_576, forced);
    });
    this.sent += specs.length;
    const answers = await Promise.all(specs.map(async (spec, k) => this.send(spec, `fuzz-${this.options.seed}-${base + k}`)));
    specs.forEach((spec, k) => this.record(spec, answers[k]));
  }

  private async send(spec: RequestSpec, correlationId: string): Promise<Answer & { correlationId: string }> {
    const headers: Record<string, string> = { 'x-correlation-id': correlationId, ...spec.headers };
    const auth = await this.authorization(spec.caller);
    if (auth) headers.authorization = auth;
    const answer = await this.sender.send(spec.method, spec.url, headers, spec.body);
    return { ...answer, correlationId: headers['x-correlation-id'] };
  }

  private async authorization(caller: Caller): Promise<string | undefined> {
    if (caller === NO_TOKEN) return undefined;
    if (caller === GARBAGE_TOKEN) return 'Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYXVkaXRvciJ9.';
    let token = this.tokens.get(caller.label);
    if (!token) {
      token = await this.options.token(caller.role!, caller.org!);
      this.tokens.set(caller.label, token);
    }
    return `Bearer ${token}`;
  }

  private record(spec: RequestSpec, answer: Answer & { correlationId: string }): void {
    const status = answer.status === -1 ? 'client-refused' : String(answer.status);
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
    const cov = (this.coverage[spec.operation] ??= {});
    cov[status] = (cov[status] ?? 0) + 1;
    this.world.learn(spec.operation, spec.url, spec.caller, answer.status, answer.json);
    if (answer.status >= 200 && answer.status < 300) this.world.learnRequest(spec.operation, spec.body);
    const hung = answer.status === 0 && /no answer within/.test(answer.error ?? '');
    if (answer.status < 500 && !hung) return;
    if (answer.status >= 500) this.s5xx++;
    const key = `${spec.operation} ${answer.status} ${spec.label}`;
    const seen = this.failures.get(key);
    if (seen) {
      seen.count++;
      return;
    }
    this.failures.set(key, {
      operation: spec.operation, status: answer.status, label: spec.label, caller: spec.caller.label,
      request: describe(spec), answer: (answer.error ?? answer.text).slice(0, 300), correlationId: answer.correlationId,
      appError: this.options.appErrorFor?.(answer.correlationId), count: 1,
    });
  }
}

/** A short, printable summary of a request: method, URL, media type and the start of the body. */
export function describe(spec: RequestSpec): string {
  const body = spec.body ? spec.body.subarray(0, 240).toString('utf8').replace(/[^\x20-\x7e\u00a0-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : '';
  const more = spec.body && spec.body.length > 240 ? `… (${spec.body.length} bytes)` : '';
  return `${spec.method} ${spec.url.slice(0, 300)}${spec.headers['content-type'] ? ` [${spec.headers['content-type']}]` : ''}${body ? ` ${body}${more}` : ''}`;
}
