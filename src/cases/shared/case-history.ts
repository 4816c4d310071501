/**
 * A case's history (issue 12, item 1): every event of its stream as one entry, oldest first.
 * Pure functions, no framework: the entry mapping, the masking for a reader who may not see the
 * citizen, and the opaque paging cursor. `case-history.reader.ts` reads the stream and applies them.
 */
import { RecordedEvent } from '../../platform/event-store/event-store.port';
import { danishDateTime } from '../../platform/clock/danish-time';
import { ProblemError } from '../../platform/http/problems';
import { maskCprs } from '../../platform/http/echo';
import { eventLabel } from '../../registries/event-labels';
import { fieldLabel, ROLE_LABELS } from '../../registries/field-labels';
import { AA_MASKING } from '../../registries/search-display';

export type HistoryValue = string | number | boolean | null;

/** One field an event set: its data path (nested objects flattened with dots), Danish label and value. */
export interface HistoryField {
  field: string;
  label: string;
  value: HistoryValue;
}

/** Who acted, from the event's metadata (the verified token of the request, or a system user). */
export interface HistoryActor {
  role: string;
  roleLabel: string;
  organisation: string;
  userId: string;
  name: string | null;
}

export interface CaseHistoryEntry {
  /** 0-based position in the case's stream; the `ETag` of the case right after this event. */
  revision: number;
  eventId: string;
  /** The stable event type name, e.g. `GrantSentForCompanyApproval`. */
  type: string;
  /** What happened, in Danish (src/registries/event-labels.ts). */
  label: string;
  /** When it happened, as Danish wall-clock time with its offset, e.g. `2026-03-01T09:00:00+01:00`. */
  danishTime: string;
  /** When it happened (the metadata's occurred-at), UTC. */
  occurredAt: string;
  /** When the event store recorded it, UTC (what `?asOf` compares with). */
  recordedAt: string;
  actor: HistoryActor;
  fields: HistoryField[];
  correlationId: string;
  causationId: string;
  /** Reserved for the tamper-evidence hash chain (issue 12, item 3): always null for now. */
  hash: null;
}

/** A JSON value flattened into leaves: `{ period: { start } }` → `period.start`; arrays by index (`files.0.name`). */
export function flattenData(value: unknown, prefix = ''): { field: string; value: HistoryValue }[] {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return prefix ? [{ field: prefix, value: null }] : [];
    return entries.flatMap(([key, v]) => flattenData(v, prefix ? `${prefix}.${key}` : key));
  }
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  return prefix ? [{ field: prefix, value: scalar }] : [];
}

/** The history entry of one recorded (and upcast) event, as every reader who may see everything sees it. */
export function toHistoryEntry(event: RecordedEvent): CaseHistoryEntry {
  const { metadata } = event;
  const occurredAt = new Date(metadata.occurredAt);
  const { principal } = metadata;
  return {
    revision: event.revision,
    eventId: event.id,
    type: event.type,
    label: eventLabel(event.type),
    danishTime: danishDateTime(occurredAt),
    occurredAt: occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
    actor: {
      role: principal.role,
      roleLabel: (ROLE_LABELS as Record<string, string>)[principal.role] ?? principal.role,
      organisation: principal.org,
      userId: principal.userId,
      name: principal.name ?? null,
    },
    fields: flattenData(event.data).map(({ field, value }) => ({ field, label: fieldLabel(field), value })),
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    hash: null,
  };
}

/** Fields that hold a CPR number. */
export const CPR_FIELDS: ReadonlySet<string> = new Set(['citizen.cpr', 'cpr']);
/** Fields that hold a person's name. */
export const NAME_FIELDS: ReadonlySet<string> = new Set(['firstName', 'lastName']);

/**
 * The entry as a reader who may not see the case's citizen sees it (an AA once the citizen is no
 * longer assigned to it, R12): the search lists' masking texts (AA_MASKING) instead of every CPR
 * (a CPR field, any value holding the citizen's CPR or a CPR-shaped number) and every person's
 * name (name fields, a citizen actor's name); a citizen actor's organisation and user id are
 * their CPR and MitID identity, so they are masked too.
 */
export function maskHistoryEntry(entry: CaseHistoryEntry, citizenCpr: string | null): CaseHistoryEntry {
  const holdsCpr = (text: string) => (citizenCpr !== null && text.includes(citizenCpr)) || maskCprs(text) !== text;
  const citizenActor = entry.actor.role === 'citizen';
  return {
    ...entry,
    actor: {
      ...entry.actor,
      organisation: citizenActor || holdsCpr(entry.actor.organisation) ? AA_MASKING.cpr : entry.actor.organisation,
      userId: citizenActor || holdsCpr(entry.actor.userId) ? AA_MASKING.cpr : entry.actor.userId,
      name: entry.actor.name !== null && citizenActor ? AA_MASKING.name : entry.actor.name,
    },
    fields: entry.fields.map((f) => {
      if (CPR_FIELDS.has(f.field) || (typeof f.value === 'string' && holdsCpr(f.value))) return { ...f, value: AA_MASKING.cpr };
      if (NAME_FIELDS.has(f.field) && f.value !== null) return { ...f, value: AA_MASKING.name };
      return f;
    }),
  };
}

export const DEFAULT_HISTORY_LIMIT = 100;
export const MAX_HISTORY_LIMIT = 500;

/**
 * The paging cursor: base64url of `h1:<case id>:<last revision seen>`, bound to its case so a
 * cursor of another case is refused. Only the canonical encoding is accepted.
 */
const CURSOR = /^h1:([0-9a-f-]{36}):(0|[1-9][0-9]{0,9})$/;

export function encodeHistoryCursor(caseId: string, revision: number): string {
  return Buffer.from(`h1:${caseId}:${revision}`, 'utf8').toString('base64url');
}

/** The revision after which the page starts (-1: from the first event); a 400 naming `cursor` for anything not issued for this case. */
export function decodeHistoryCursor(cursor: string | undefined, caseId: string): number {
  if (cursor === undefined) return -1;
  const invalid = () => new ProblemError('validation', '`cursor` is not a cursor of this case\'s history: use the `nextCursor` of an earlier page, or leave it out to start from the first event', 'invalid-cursor', 'cursor');
  if (!/^[A-Za-z0-9_-]{1,120}$/.test(cursor)) throw invalid();
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || match[1] !== caseId.toLowerCase()) throw invalid();
  const revision = Number(match[2]);
  if (encodeHistoryCursor(match[1], revision) !== cursor) throw invalid();
  return revision;
}

/** One page of the stream: the events after `after`, at most `limit`, and whether more follow. */
export function pageOfEvents<E extends { revision: number }>(events: readonly E[], after: number, limit: number): { page: E[]; more: boolean } {
  const rest = events.filter((e) => e.revision > after);
  return { page: rest.slice(0, limit), more: rest.length > limit };
}

export interface CaseHistoryPage {
  items: CaseHistoryEntry[];
  nextCursor: string | null;
  links: { self: string; next: string | null; case: string };
}

/** The page as the API answers it; `caseLink` is the case's `links.self`. */
export function historyPage(caseLink: string, caseId: string, items: CaseHistoryEntry[], more: boolean, query: { cursor?: string; limit: number }): CaseHistoryPage {
  const nextCursor = more && items.length > 0 ? encodeHistoryCursor(caseId, items[items.length - 1].revision) : null;
  const at = (cursor: string | undefined) => `${caseLink}/history?${cursor === undefined ? '' : `cursor=${cursor}&`}limit=${query.limit}`;
  return { items, nextCursor, links: { self: at(query.cursor), next: nextCursor === null ? null : at(nextCursor), case: caseLink } };
}
