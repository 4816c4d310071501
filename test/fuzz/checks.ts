/**
 * What must hold after the storm: /health is up with every projection caught up, and every
 * DFDG message a job centre's case system can pull is complete (the served JSON Schema: all
 * fields present, a CPR number, …), numbered 1, 2, 3… without gaps, each message id once.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Sender } from './send';

export interface ProjectionState {
  name: string;
  lag: number | null;
  /** False when the runner's loop has stopped: nothing would ever catch it up. */
  running?: boolean;
  failing?: unknown;
  lastError?: string;
}

export interface HealthResult {
  status: number;
  stalled: { name: string; lag: number | null; failing?: unknown; lastError?: string }[];
}

/** Polls /health until every projection runs with lag 0 and none fails, or the time is up. */
export async function waitForHealth(sender: Sender, timeoutMs: number): Promise<HealthResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await sender.send('GET', '/health', {});
    const projections = ((res.json as { projections?: ProjectionState[] } | undefined)?.projections ?? []);
    const stalled = projections.filter((p) => p.lag !== 0 || p.running === false || p.failing || p.lastError)
      .map(({ name, lag, failing, lastError }) => ({ name, lag, failing, lastError }));
    const healthy = res.status === 200 && projections.length > 0 && stalled.length === 0;
    if (healthy || Date.now() > deadline) return { status: res.status, stalled: res.status === 200 || stalled.length ? stalled : [{ name: '(health)', lag: null, lastError: res.text.slice(0, 300) }] };
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface DfdgResult {
  jobcentres: string[];
  messages: number;
  /** Messages that fail the schema, with the first errors. */
  invalid: { jobcentre: string; sequence: unknown; messageId: unknown; errors: string[] }[];
  /** Gaps, repeats or a feed that would not answer. */
  feedProblems: string[];
}

/** Pulls every job centre's whole feed as its case system and checks each message. */
export async function checkDfdgFeeds(sender: Sender, jobcentres: string[], caseSystemToken: (jobcentre: string) => Promise<string>): Promise<DfdgResult> {
  const schemaAnswer = await sender.send('GET', '/api/dfdg/messages/schema', {});
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schemaAnswer.json as object);
  const result: DfdgResult = { jobcentres, messages: 0, invalid: [], feedProblems: [] };
  for (const jobcentre of jobcentres) {
    const auth = { authorization: `Bearer ${await caseSystemToken(jobcentre)}` };
    const ids = new Set<string>();
    let after: string | undefined;
    let expected = 1;
    for (let page = 0; page < 10_000; page++) {
      // The whole page is read: a page cut short would not parse, and its messages would go unchecked.
      const res = await sender.send('GET', `/api/dfdg/messages?limit=1000&wait=0${after ? `&after=${encodeURIComponent(after)}` : ''}`, auth, undefined, 64 * 1024 * 1024);
      const body = res.json as { messages?: Record<string, unknown>[]; next?: string } | undefined;
      if (res.status !== 200 || !body || !Array.isArray(body.messages)) {
        result.feedProblems.push(`job centre ${jobcentre}: the feed answered ${res.status}${res.status === 200 ? ' without a messages array' : ''} ${res.text.slice(0, 200)}`);
        break;
      }
      for (const m of body.messages) {
        result.messages++;
        if (!validate(m as object)) {
          const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`);
          result.invalid.push({ jobcentre, sequence: m.sequence, messageId: m.messageId, errors });
        }
        if (m.sequence !== expected) result.feedProblems.push(`job centre ${jobcentre}: sequence ${String(m.sequence)} where ${expected} was due`);
        expected = typeof m.sequence === 'number' ? m.sequence + 1 : expected + 1;
        if (ids.has(String(m.messageId))) result.feedProblems.push(`job centre ${jobcentre}: message ${String(m.messageId)} twice`);
        ids.add(String(m.messageId));
      }
      if (!body.messages.length || body.next === after) break;
      after = body.next;
    }
  }
  return result;
}
