/**
 * A projection is a fold: the event types it handles, which row an event touches, and a
 * pure `evolve(row | null, event) → row | null` (null deletes). The runner persists it.
 */
import type { EntityManager } from 'typeorm';
import { RecordedEvent } from '../../src/platform/event-store/event-store.port';

export type Row = Record<string, unknown>;

export interface ColumnSpec {
  name: string;
  /** PostgreSQL type, e.g. `text`, `date`, `timestamptz`, `integer`, `boolean`, `jsonb`. */
  type: string;
  nullable?: boolean;
}

export interface Projection<R extends Row = Row> {
  /** Stable name; also the checkpoint key and the advisory-lock key. */
  name: string;
  /** The read-model table (the live one; rebuilds write to a fresh copy, then swap). */
  table: string;
  /** Primary key column; `keyOf` returns its value for an event. */
  key: string & keyof R;
  columns: ColumnSpec[];
  /** Extra indexes as column lists, e.g. [['status', 'created_at']]. */
  indexes?: string[][];
  /** Unique indexes as column lists, e.g. [['jobcentre', 'sequence']]. */
  uniqueIndexes?: string[][];
  handles: readonly string[];
  /** Bump when `evolve` changes meaning: the runner then rebuilds the table from the events (unless `published`). */
  version?: number;
  /**
   * Its rows are published to others who hold cursors into them (the DFDG outbox: message ids,
   * sequences and bodies). Such a table is never rebuilt or renumbered once it holds rows: a
   * changed definition applies from the checkpoint it is recorded at, and a rebuild only
   * verifies the table against a replay (projections/runner/definition-changes.ts, rebuild.ts).
   */
  published?: boolean;
  keyOf(event: RecordedEvent): string;
  evolve(row: R | null, event: RecordedEvent): R | null;
  /**
   * For a read model that is not one row per key (an append-only outbox, say): writes the
   * handled events of a batch itself, inside the batch's transaction, into `table` (the live
   * table or a rebuild's fresh copy). When present, `keyOf` and `evolve` are not used.
   */
  applyBatch?: (m: EntityManager, table: string, events: RecordedEvent[]) => Promise<void>;
  /**
   * Runs after a batch's rows are written, in the same transaction and on the same table: for a
   * fact one row's events carry about another row (a grant's approval date shown on its offer).
   * It must be deterministic in the events and the table alone, so that a rebuild gives the same rows.
   */
  afterBatch?: (m: EntityManager, table: string, events: RecordedEvent[]) => Promise<void>;
}

/** Any projection, whatever its row type (the runner treats rows as plain JSON objects). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = Projection<any>;
