/**
 * `dfdg_messages`: the outbox of DFDG webservice messages for the job centres' case systems
 * (domain.md §3.8 item 4, §5, R61). Written by `applyBatch`, so each batch's messages commit with
 * the checkpoint; a rebuild writes a fresh table and swaps it in. The pull feed (src/dfdg) and the
 * push delivery (src/dfdg/push) read it. Contract: one row per message, `message_id` = the event
 * id, `sequence` per job centre 1, 2, 3… without gaps in global event order, `body` = the message
 * exactly as served.
 */
import { EntityManager } from 'typeorm';
import { DfdgMessage, DfdgMessageDraft } from '../../src/dfdg/dfdg-message';
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';
import { Projection } from '../runner/projection';
import { DFDG_EVENT_TYPES, DfdgCaseState, dfdgCaseIdOf, foldDfdgEvent, isDfdgStream } from './dfdg-fold';
import { insertMessages, lastSequences, loadCaseStates, markUnreported } from './dfdg-outbox';
import { DfdgStateCache } from './dfdg-state-cache';

export interface DfdgMessageRow extends Record<string, unknown> {
  message_id: string;
  jobcentre: string;
  sequence: number;
  case_id: string;
  case_type: string;
  body: DfdgMessage;
  occurred_at: string;
}

const CREATED = new Set(['GrantDrafted', 'SupplementaryGrantDrafted']);
/** Enough for the cases a rebuild interleaves at once (a few hundred bytes each); the live runner needs far fewer. */
const cache = new DfdgStateCache(100_000);

/** Each touched case's state before the batch: new, held from the last batches, or read from the outbox. */
async function statesBefore(m: EntityManager, table: string, events: RecordedEvent[]): Promise<Map<string, DfdgCaseState | null>> {
  const states = new Map<string, DfdgCaseState | null>();
  const toLoad = new Map<string, boolean>(); // case id → is a supplementary grant
  for (const e of events) {
    const id = dfdgCaseIdOf(e);
    if (states.has(id) || toLoad.has(id)) continue;
    const held = CREATED.has(e.type) ? null : cache.take(m.connection, table, id, e.revision);
    if (held === undefined) toLoad.set(id, e.streamId.startsWith('supplementary-grant-'));
    else states.set(id, held);
  }
  const supplementary = [...toLoad].filter(([, s]) => s).map(([id]) => id);
  const loaded = await loadCaseStates(m, table, [...toLoad.keys()], supplementary);
  for (const id of toLoad.keys()) states.set(id, loaded.get(id) ?? null);
  return states;
}

/** Folds a batch in global order: the touched cases' states, the pure fold, numbering per job centre, one insert. */
export async function writeDfdgMessages(m: EntityManager, table: string, batch: RecordedEvent[]): Promise<void> {
  const events = batch.filter((e) => isDfdgStream(e.streamId));
  const states = await statesBefore(m, table, events);
  const drafts: DfdgMessageDraft[] = [];
  const marks: [string, number][] = [];
  const lastRevision = new Map<string, number>();
  for (const e of events) {
    const id = dfdgCaseIdOf(e);
    const before = states.get(id) ?? null;
    const { state, message } = foldDfdgEvent(before, e);
    states.set(id, state);
    lastRevision.set(id, e.revision);
    if (message) drafts.push(message);
    if (state && state.unreportedFrom !== null && before?.unreportedFrom == null) marks.push([id, state.unreportedFrom]);
  }
  await markUnreported(m, marks);
  if (drafts.length) {
    const last = await lastSequences(m, table, [...new Set(drafts.map((d) => d.jobcentre))]);
    const messages = drafts.map(({ messageId, ...rest }): DfdgMessage => {
      const sequence = last.get(rest.jobcentre)! + 1;
      last.set(rest.jobcentre, sequence);
      return { messageId, sequence, ...rest };
    });
    await insertMessages(m, table, messages);
  }
  for (const [id, revision] of lastRevision) {
    const state = states.get(id);
    if (state) cache.put(m.connection, table, id, revision, state);
  }
}

export const dfdgMessagesProjection: Projection<DfdgMessageRow> = {
  name: 'dfdg_messages',
  table: 'dfdg_messages',
  key: 'message_id',
  columns: [
    { name: 'message_id', type: 'text' },
    { name: 'jobcentre', type: 'text', nullable: false },
    { name: 'sequence', type: 'bigint', nullable: false },
    { name: 'case_id', type: 'text', nullable: false },
    { name: 'case_type', type: 'text', nullable: false },
    { name: 'body', type: 'jsonb', nullable: false },
    { name: 'occurred_at', type: 'timestamptz', nullable: false },
  ],
  uniqueIndexes: [['jobcentre', 'sequence']],
  indexes: [['case_id', 'sequence']],
  handles: DFDG_EVENT_TYPES,
  // Case systems hold cursors into the sequences: never rebuilt or renumbered once published (issue 11).
  published: true,
  keyOf: (event) => event.id,
  evolve: () => {
    throw new Error('dfdg_messages is written by its applyBatch, one message per event');
  },
  applyBatch: writeDfdgMessages,
};
