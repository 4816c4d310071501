/**
 * What the fuzzer has learnt from the app's answers: the case ids and links it created or saw
 * (so later requests act on real cases in whatever state they reached), DFDG cursors and
 * message ids, the job centres involved, and which callers an operation lets through.
 */
import { Role } from '../../src/platform/auth/principal';
import { CPR, CVR, JOBCENTRE, OTHER_CVR, OTHER_JOBCENTRE, P_NUMBER } from '../support/fixtures';

export interface Caller {
  /** `jobcentre:101`, `none` (no Authorization) or `garbage` (a malformed token). */
  label: string;
  role?: Role;
  org?: string;
}

/** Each role with the organisation of the fixtures, plus a second job centre and company to cross organisations. */
export const CALLERS: Caller[] = [
  ['jobcentre', JOBCENTRE], ['jobcentre', OTHER_JOBCENTRE], ['company', CVR], ['company', OTHER_CVR], ['citizen', CPR],
  ['employee-representative', P_NUMBER], ['anden-aktoer', 'aa-fuzz'], ['company-support', JOBCENTRE], ['auditor', 'auditor-fuzz'],
  ['case-system', JOBCENTRE], ['case-system', OTHER_JOBCENTRE],
].map(([role, org]) => ({ label: `${role}:${org}`, role: role as Role, org }));
export const NO_TOKEN: Caller = { label: 'none' };
export const GARBAGE_TOKEN: Caller = { label: 'garbage' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const API_LINK = /^\/api\/[\w\-/]+$/;
const MAX_POOL = 500;

export class World {
  /** `/api/grants/<uuid>`, `/api/applications/<uuid>/attachments/<sha256>`, …: paths the app handed out. */
  readonly links: string[] = [];
  readonly messageIds: string[] = [];
  readonly cursors: string[] = [];
  readonly jobcentres = new Set<string>([JOBCENTRE, OTHER_JOBCENTRE]);
  /** Operation key → labels of callers that got a 2xx from it. */
  private readonly admitted = new Map<string, Set<string>>();
  private readonly passed = new Map<string, Set<string>>();
  private readonly byId = new Map<string, Set<string>>();
  private readonly seen = new Set<string>();
  /** Operation key → how many of its bodies had a field broken: the next field's turn. */
  private readonly turns = new Map<string, number>();

  nextTurn(operation: string): number {
    const turn = this.turns.get(operation) ?? 0;
    this.turns.set(operation, turn + 1);
    return turn;
  }

  /** Links of which `template` (e.g. `/api/grants/{id}`) is a prefix. */
  linksMatching(template: string): string[] {
    const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}(/|$)`);
    return this.links.filter((l) => pattern.test(l));
  }

  /** Callers that got a 2xx from the operation. */
  callersAdmitted(operation: string): string[] {
    return [...(this.admitted.get(operation) ?? [])];
  }

  /** Callers the operation's role check let through (any answer but 401 and 403). */
  callersPassed(operation: string): string[] {
    return [...(this.passed.get(operation) ?? [])];
  }

  /** Callers that created or successfully used the case of this id (its job centre, company, …). */
  callersOf(id: string): string[] {
    return [...(this.byId.get(id) ?? [])];
  }

  /** Learns from one answer: what it links to, and that this caller may use the operation and its case. */
  learn(operation: string, requestPath: string, caller: Caller, status: number, body: unknown): void {
    if (status !== 401 && status !== 403 && status > 0) addTo(this.passed, operation, caller.label);
    if (status < 200 || status >= 300) return;
    addTo(this.admitted, operation, caller.label);
    const path = requestPath.split('?')[0];
    for (const id of path.split('/').filter((s) => UUID.test(s))) addTo(this.byId, id, caller.label);
    const created = (body as { id?: unknown } | null)?.id;
    if (typeof created === 'string' && UUID.test(created)) addTo(this.byId, created, caller.label);
    this.walk(body, path, 0);
  }

  /** A job centre imported with a 2xx may now own cases (by transfer), so its feed is checked too. */
  learnRequest(operation: string, body: Buffer | undefined): void {
    if (operation !== 'PUT /api/reference-data/jobcentres' || !body) return;
    try {
      const items = JSON.parse(body.toString('utf8')) as unknown;
      if (!Array.isArray(items)) return;
      for (const item of items) {
        const n = (item as { number?: unknown } | null)?.number;
        if (typeof n === 'string' && /^\d{1,4}$/.test(n)) this.jobcentres.add(n);
      }
    } catch {
      // A CSV import: its job centres are not followed.
    }
  }

  private walk(value: unknown, collection: string, depth: number): void {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 50)) this.walk(item, collection, depth + 1);
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string') this.note(key, v, collection, depth);
      else this.walk(v, collection, depth + 1);
    }
  }

  private note(key: string, v: string, collection: string, depth: number): void {
    // A created or listed resource's own id, on a collection path like /api/grants.
    if (key === 'id' && UUID.test(v) && depth <= 2 && /^\/api\/[a-z-]+(\/[a-z-]+)?$/.test(collection)) this.add(this.links, `${collection}/${v}`);
    else if (API_LINK.test(v) && v.length < 300) this.add(this.links, v);
    else if (key === 'messageId' && UUID.test(v)) this.add(this.messageIds, v);
    else if (key === 'next') this.add(this.cursors, v);
    else if ((key === 'jobcentre' || key === 'toJobcentre') && /^\d{1,4}$/.test(v)) this.jobcentres.add(v);
  }

  private add(pool: string[], value: string): void {
    if (this.seen.has(value)) return;
    this.seen.add(value);
    // Keep the pools bounded and fresh: the oldest entry goes.
    if (pool.length >= MAX_POOL) pool.splice(Math.floor(pool.length / 2), 1);
    pool.push(value);
  }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}
