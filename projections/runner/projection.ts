/**
 * A projection is a fold: the event types it handles, which row an event touches, and a
 * pure `evolve(row | null, event) → row | null` (null deletes). The runner persists it.
 */
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
  handles: readonly string[];
  /** Bump when `evolve` changes meaning: the runner then rebuilds the table from the events. */
  version?: number;
  keyOf(event: RecordedEvent): string;
  evolve(row: R | null, event: RecordedEvent): R | null;
}

/** Any projection, whatever its row type (the runner treats rows as plain JSON objects). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = Projection<any>;
