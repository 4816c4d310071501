/**
 * The SQL of the DFDG outbox, all set-based (one statement per step and batch), all inside the
 * batch's transaction: the latest message of each touched case, the last sequence of each job
 * centre, and the insert. Plus the D7 mark of supplementary grants closed unused, which no
 * message can carry (they get none): a monotonic side table keyed by case, valid for the live
 * table and for a rebuild's fresh copy alike, because it records the revision from which the
 * case is silent and the fold compares revisions.
 */
import { DataSource, EntityManager } from 'typeorm';
import { DfdgMessage } from '../../src/dfdg/dfdg-message';
import { ident } from '../runner/projection-table';
import { DfdgCaseState, stateFromMessage } from './dfdg-fold';

export const UNREPORTED_TABLE = 'dfdg_unreported_cases';

/** The latest message of each case (by its revision: after a transfer the sequences of two job centres are not comparable). */
export async function loadCaseStates(m: EntityManager, table: string, caseIds: string[], supplementaryIds: string[]): Promise<Map<string, DfdgCaseState>> {
  const states = new Map<string, DfdgCaseState>();
  if (!caseIds.length) return states;
  // One index probe per case (a lateral join): the planner knows nothing of a rebuild's fresh table, and must not scan it.
  const rows: { case_id: string; body: DfdgMessage }[] = await m.query(
    `SELECT c.id AS case_id, l.body FROM unnest($1::text[]) AS c(id)
     CROSS JOIN LATERAL (SELECT t.body FROM ${ident(table)} t WHERE t.case_id = c.id ORDER BY (t.body->>'caseRevision')::int DESC LIMIT 1) l`,
    [caseIds],
  );
  const unreported = await loadUnreported(m, supplementaryIds);
  for (const r of rows) states.set(r.case_id, stateFromMessage(r.body, unreported.get(r.case_id) ?? null));
  return states;
}

/** The last sequence of each job centre (0 for none): one backward index probe each. */
export async function lastSequences(m: EntityManager, table: string, jobcentres: string[]): Promise<Map<string, number>> {
  const rows: { jobcentre: string; last: string | null }[] = await m.query(
    `SELECT j.jobcentre, (SELECT t.sequence FROM ${ident(table)} t WHERE t.jobcentre = j.jobcentre ORDER BY t.sequence DESC LIMIT 1) AS last
     FROM unnest($1::text[]) AS j(jobcentre)`,
    [jobcentres],
  );
  return new Map(rows.map((r) => [r.jobcentre, Number(r.last ?? 0)]));
}

/** A plain insert: a second message for an event would be a bug, so it fails the batch rather than hide. */
export async function insertMessages(m: EntityManager, table: string, messages: DfdgMessage[]): Promise<void> {
  if (!messages.length) return;
  const rows = messages.map((b) => ({ message_id: b.messageId, jobcentre: b.jobcentre, sequence: b.sequence, case_id: b.vitasId, case_type: b.caseType, body: b, occurred_at: b.occurredAt }));
  await m.query(
    `INSERT INTO ${ident(table)} (message_id, jobcentre, sequence, case_id, case_type, body, occurred_at)
     SELECT message_id, jobcentre, sequence, case_id, case_type, body, occurred_at
     FROM jsonb_to_recordset($1::jsonb) AS x(message_id text, jobcentre text, sequence bigint, case_id text, case_type text, body jsonb, occurred_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}

const ensured = new WeakMap<DataSource, Promise<void>>();

/** Created once per database, outside the batch's transaction (so a rolled-back batch cannot undo it). */
function ensureUnreportedTable(m: EntityManager): Promise<void> {
  const db = m.connection;
  let done = ensured.get(db);
  if (!done) {
    done = db.query(`CREATE TABLE IF NOT EXISTS ${UNREPORTED_TABLE} (case_id text PRIMARY KEY, from_revision integer NOT NULL)`).then(() => undefined);
    done.catch(() => ensured.delete(db));
    ensured.set(db, done);
  }
  return done;
}

async function loadUnreported(m: EntityManager, caseIds: string[]): Promise<Map<string, number>> {
  if (!caseIds.length) return new Map();
  await ensureUnreportedTable(m);
  const rows: { case_id: string; from_revision: number }[] = await m.query(`SELECT case_id, from_revision FROM ${UNREPORTED_TABLE} WHERE case_id = ANY($1)`, [caseIds]);
  return new Map(rows.map((r) => [r.case_id, r.from_revision]));
}

export async function markUnreported(m: EntityManager, marks: [string, number][]): Promise<void> {
  if (!marks.length) return;
  await ensureUnreportedTable(m);
  await m.query(
    `INSERT INTO ${UNREPORTED_TABLE} (case_id, from_revision) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT (case_id) DO NOTHING`,
    [marks.map(([id]) => id), marks.map(([, r]) => r)],
  );
}
