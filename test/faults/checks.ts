/**
 * What the fault suite verifies after the faults, on the database itself:
 * - every command's events against what it was answered (exactly once, matched by the
 *   correlation id each command sent, which its events carry; one append per causation id);
 * - every read model against a replay of all events into a scratch table, row by row;
 * - the pushes a deduplicating receiver kept against the outbox.
 */
import { DataSource } from 'typeorm';
import { PROJECTIONS } from '../../projections/projections';
import { ident } from '../../projections/runner/projection-table';
import { rebuildProjection } from '../../projections/runner/rebuild';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { createEventRegistry } from '../../src/event-types';
import { openPostgresEventStore } from '../../src/platform/event-store/postgres/postgres-event-store';
import { CommandRecord } from './clients';
import { Received } from './receiver';

export interface CommandFindings {
  commands: number;
  commands_ok: number;
  /** A 2xx command without any event. */
  events_missing: number;
  /** A command whose events were appended more than once (two drafts for one key, an act twice). */
  events_duplicated: number;
  /** A command that never got a 2xx (no answer, or a refusal on retry) yet has events. */
  events_without_2xx: number;
  /** Of those, the commands sent during the database outage: a case written although the command failed. */
  outage_half_written: number;
  /** Events that carry a suite correlation id no command sent (should be impossible). */
  events_unknown: number;
  examples: string[];
}

export async function checkCommands(db: DataSource, ledger: CommandRecord[], correlationPrefix: string): Promise<CommandFindings> {
  const rows: { correlation_id: string; appends: number; events: number; streams: string[] }[] = await db.query(
    `SELECT metadata->>'correlationId' AS correlation_id, count(DISTINCT metadata->>'causationId')::int AS appends,
            count(*)::int AS events, array_agg(DISTINCT stream_id) AS streams
     FROM events WHERE metadata->>'correlationId' LIKE $1 GROUP BY 1`,
    [`${correlationPrefix}%`],
  );
  const byCorrelation = new Map(rows.map((r) => [r.correlation_id, r]));
  const findings: CommandFindings = {
    commands: ledger.length, commands_ok: 0, events_missing: 0, events_duplicated: 0,
    events_without_2xx: 0, outage_half_written: 0, events_unknown: 0, examples: [],
  };
  const example = (kind: string, r: CommandRecord, appends: number) => {
    if (findings.examples.length < 10) {
      findings.examples.push(`${kind}: ${r.label} ${r.path} key=${r.key} tries=${describeTries(r)} appends=${appends}`);
    }
  };
  for (const r of ledger) {
    const appends = byCorrelation.get(r.correlationId)?.appends ?? 0;
    byCorrelation.delete(r.correlationId);
    if (r.ok) findings.commands_ok++;
    if (r.ok && appends === 0) {
      findings.events_missing++;
      example('missing', r, appends);
    }
    if (appends > 1) {
      findings.events_duplicated++;
      example('duplicated', r, appends);
    }
    if (!r.ok && appends > 0) {
      findings.events_without_2xx++;
      if (r.phase === 'outage') findings.outage_half_written++;
      example('without 2xx', r, appends);
    }
  }
  findings.events_unknown = byCorrelation.size;
  return findings;
}

/** A command's answers, repeats folded: `0, 409(idempotency-key-in-progress)×23, 201` (0: no answer). */
function describeTries(r: CommandRecord): string {
  const runs: { what: string; n: number }[] = [];
  for (const t of r.tries) {
    const what = `${t.status}${t.rule ? `(${t.rule})` : ''}`;
    if (runs.at(-1)?.what === what) runs.at(-1)!.n++;
    else runs.push({ what, n: 1 });
  }
  return runs.map((x) => (x.n > 1 ? `${x.what}×${x.n}` : x.what)).join(', ');
}

export interface ReadModelComparison {
  projection: string;
  rows: number;
  differing: number;
  missing: number;
  extra: number;
}

/**
 * Replays every event into a scratch copy of each projection's table (the runner pointed at
 * another table and checkpoint, as a rebuild does) and compares it with the live table on the
 * key, whole rows as jsonb. The published outbox is verified by rebuildProjection itself.
 * Run it with the app stopped, so the live tables hold still.
 */
export async function compareReadModels(databaseUrl: string): Promise<ReadModelComparison[]> {
  const store = await openPostgresEventStore({ databaseUrl, migrate: false, poolSize: 4 });
  const db = await new DataSource({ type: 'postgres', url: databaseUrl, extra: { max: 4 }, logging: false }).initialize();
  const registry = createEventRegistry();
  const results: ReadModelComparison[] = [];
  try {
    for (const projection of PROJECTIONS) {
      if (projection.published) {
        const { verification: v } = await rebuildProjection(store, db, registry, projection, { batchSize: 1000 });
        const [{ rows }] = await db.query(`SELECT count(*)::int AS rows FROM ${ident(projection.table)}`);
        // Without verification the table was empty and the rebuild swapped in the replay: nothing to compare.
        results.push({ projection: projection.name, rows, differing: v?.differing ?? 0, missing: v?.missing ?? 0, extra: v?.extra ?? 0 });
        continue;
      }
      const scratch = `${projection.table}_faults`;
      const checkpointName = `${projection.name}#faults`;
      await db.query(`DROP TABLE IF EXISTS ${ident(scratch)}`);
      await db.query(`DELETE FROM projection_checkpoints WHERE name = $1`, [checkpointName]);
      const runner = new ProjectionRunner(store, db, registry, projection, { batchSize: 1000, pollIntervalMs: 0, table: scratch, checkpointName });
      await runner.prepare();
      await runner.catchUp();
      const key = ident(projection.key);
      const [row] = await db.query(`
        SELECT count(*) FILTER (WHERE l.k IS NOT NULL)::int AS rows,
               count(*) FILTER (WHERE f.k IS NOT NULL AND l.k IS NOT NULL AND f.r <> l.r)::int AS differing,
               count(*) FILTER (WHERE l.k IS NULL)::int AS missing,
               count(*) FILTER (WHERE f.k IS NULL)::int AS extra
        FROM (SELECT ${key} AS k, to_jsonb(t) AS r FROM ${ident(scratch)} t) f
        FULL JOIN (SELECT ${key} AS k, to_jsonb(t) AS r FROM ${ident(projection.table)} t) l ON f.k = l.k`);
      results.push({ projection: projection.name, ...row });
      await db.query(`DROP TABLE ${ident(scratch)}`);
      await db.query(`DELETE FROM projection_checkpoints WHERE name = $1`, [checkpointName]);
    }
  } finally {
    await store.close().catch(() => undefined);
    await db.destroy().catch(() => undefined);
  }
  return results;
}

export interface PushFindings {
  messages: number;
  push_missing: number;
  push_out_of_order: number;
}

/** The outbox's messages of `jobcentre` against the receiver's first arrivals; per case, revisions must rise. */
export async function checkPushes(db: DataSource, jobcentre: string, accepted: Received[]): Promise<PushFindings> {
  const rows: { message_id: string }[] = await db.query(`SELECT message_id FROM dfdg_messages WHERE jobcentre = $1`, [jobcentre]);
  const received = new Set(accepted.map((a) => a.messageId));
  const lastRevision = new Map<string, number>();
  let outOfOrder = 0;
  for (const a of accepted) {
    const before = lastRevision.get(a.vitasId);
    if (before !== undefined && a.caseRevision <= before) outOfOrder++;
    lastRevision.set(a.vitasId, Math.max(before ?? -1, a.caseRevision));
  }
  return { messages: rows.length, push_missing: rows.filter((r) => !received.has(r.message_id)).length, push_out_of_order: outOfOrder };
}
