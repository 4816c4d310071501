/**
 * The suite's load: clients that carry cases through realistic command sequences, each command
 * with its own Idempotency-Key and X-Correlation-Id (recorded in its events' metadata), and a
 * ledger of what every command got back. A command that got no answer is retried with the same
 * key and correlation id once the app is back; one whose key is still claimed by a dead request
 * (409 idempotency-key-in-progress) is set aside and retried at the end (`retryDeferred`).
 */
import { danishDate } from '../../src/platform/clock/dates';
import { cessationReasonsFor } from '../../src/registries/cessation-reasons';
import { Answer, send } from './http';
import { pause } from './net';

export type Phase = 'crash' | 'outage' | 'flap';

export interface CommandRecord {
  key: string;
  correlationId: string;
  /** E.g. 'application:create', 'grant:terminate'. */
  label: string;
  phase: Phase;
  method: 'POST';
  path: string;
  token: string;
  body: unknown;
  /** Every try's status (0: no answer) and when it ended. */
  tries: { status: number; at: number; rule?: string }[];
  /** A 2xx came back, on the first try or a retry with the key. */
  ok: boolean;
  /** The case it made or acted on (a create's from its 201). */
  caseId?: string;
  deferred?: boolean;
}

export interface Tokens {
  caseworker: string;
  company: string;
  representative: string;
}

export interface LoadOptions {
  port: number;
  tokens: Tokens;
  runId: string;
  /** Resolves when the app answers again (the orchestrator swaps it around a kill). */
  appUp: () => Promise<void>;
  phase: () => Phase;
}

const CVR = '12345678';
const P_NUMBER = '1000000001'; // has an employee representative: the application takes the representative step (D23)
/** About two minutes of retries at RETRY_MS: longer than a restart or the outage. */
const MAX_TRIES = 500;
const RETRY_MS = 250;
const day = (offset: number) => danishDate(new Date(Date.now() + offset * 86_400_000));
const reasons = cessationReasonsFor('wage-subsidy').filter((r) => !r.requiresSubReason);

const ruleOf = (a: Answer) => (a.body && typeof a.body === 'object' ? (a.body.rule as string | undefined) : undefined);

export class Load {
  readonly ledger: CommandRecord[] = [];
  private running = false;
  private clients: Promise<void>[] = [];
  private sequence = 0;

  constructor(private readonly o: LoadOptions) {}

  start(clients: number): void {
    this.running = true;
    this.clients = Array.from({ length: clients }, (_, n) => this.client(n));
  }

  /** Lets every client finish its current command (including its retries), then resolves. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.clients);
  }

  /** Stops the clients after their current request, without waiting for them (a failed run's cleanup). */
  halt(): void {
    this.running = false;
  }

  private async client(n: number): Promise<void> {
    const { caseworker, company, representative } = this.o.tokens;
    for (let i = 0; this.running; i++) {
      const citizen = { cpr: String(1_000_000_000 + n * 100_000 + i).slice(0, 10) };
      const companyRef = { cvr: CVR, pNumber: P_NUMBER };
      // An application from draft to approval (the representative step included).
      const app = await this.command('application:create', '/api/applications', caseworker, { scheme: 'wage-subsidy', company: companyRef, citizen });
      if (!app) continue;
      const a = `/api/applications/${app}`;
      if (!(await this.command('application:sign-as-company', `${a}/sign-as-company`, company, {}, app))) continue;
      if (!(await this.command('application:sign-as-representative', `${a}/sign-as-employee-representative`, representative, undefined, app))) continue;
      if (!(await this.command('application:approve', `${a}/approve`, caseworker, undefined, app))) continue;
      if (!this.running) break;
      // A grant from draft to termination: it makes DFDG messages for the push receiver.
      const grant = await this.command('grant:create', '/api/grants', caseworker, {
        scheme: 'wage-subsidy', company: companyRef, citizen, period: { start: day(-30), end: day(180) }, hoursPerWeek: 30, jobContent: 'Lager og forsendelse',
      });
      if (!grant) continue;
      const g = `/api/grants/${grant}`;
      if (!(await this.command('grant:send-for-approval', `${g}/send-for-approval`, caseworker, undefined, grant))) continue;
      if (!(await this.command('grant:approve-as-company', `${g}/approve-as-company`, company, { method: 'nemid-employee-signature' }, grant))) continue;
      const extended = i % 2 === 0
        ? await this.command('grant:extend', `${g}/extend`, caseworker, { newEndDate: day(270) }, grant)
        : await this.command('grant:review', `${g}/review`, caseworker, { remarks: 'Opfølgning afholdt' }, grant);
      if (!extended) continue;
      const { reasonId, subReasonId } = reasons[i % reasons.length];
      await this.command('grant:terminate', `${g}/terminate`, caseworker, { reasonId, subReasonId, effectiveDate: day(0) }, grant);
    }
  }

  /** Sends one command until it has a definite answer; returns the case id on a 2xx. */
  private async command(label: string, path: string, token: string, body: unknown, caseId?: string): Promise<string | undefined> {
    const n = ++this.sequence;
    const record: CommandRecord = {
      key: `faults-key-${this.o.runId}-${n}`, correlationId: `faults-${this.o.runId}-${n}`, label, phase: this.o.phase(),
      method: 'POST', path, token, body, tries: [], ok: false, caseId,
    };
    this.ledger.push(record);
    await this.attempt(record, () => this.running);
    return record.ok ? record.caseId : undefined;
  }

  /** Tries `record` until a definite answer (at most `maxTries` in all); `keepTrying` false stops retries of 503s. */
  private async attempt(record: CommandRecord, keepTrying: () => boolean, maxTries = MAX_TRIES): Promise<void> {
    while (record.tries.length < maxTries) {
      await this.o.appUp();
      const answer = await send(this.o.port, record.method, record.path, {
        token: record.token, body: record.body, headers: { 'Idempotency-Key': record.key, 'X-Correlation-Id': record.correlationId },
      });
      record.tries.push({ status: answer.status, at: Date.now(), rule: ruleOf(answer) });
      if (answer.status >= 200 && answer.status < 300) {
        record.ok = true;
        record.deferred = false;
        record.caseId ??= answer.body?.id;
        return;
      }
      if (answer.status === 0) {
        await pause(RETRY_MS); // no answer: the app died, or will; retry with the key once it is back
        continue;
      }
      if (answer.status === 409 && ruleOf(answer) === 'idempotency-key-in-progress') {
        record.deferred = true; // a dead request still holds the key: try again at the end
        return;
      }
      if (answer.status === 503 && keepTrying()) {
        await pause(RETRY_MS);
        continue;
      }
      return; // a definite refusal: the command appended nothing (or so the app promises)
    }
  }

  /** Retries the set-aside commands, all of them once a second, until each has a definite answer or `deadline` passes. */
  async retryDeferred(deadline: number): Promise<void> {
    for (;;) {
      const waiting = this.ledger.filter((r) => r.deferred);
      if (!waiting.length || Date.now() >= deadline) return;
      for (const record of waiting) {
        record.deferred = false;
        await this.attempt(record, () => Date.now() < deadline, record.tries.length + 20);
      }
      await pause(1_000);
    }
  }
}
