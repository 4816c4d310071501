/** Statements of the PostgreSQL adapter, kept together so their index use is easy to review. */

// The transaction id leaves as text under another name: ORDER BY tx_id must sort the xid8
// column, never its text (which orders '999' after '1000' and would skip or repeat events).
// recorded_at leaves as epoch milliseconds: node-pg's timestamptz text parser costs more than
// the rest of a row together.
const COLUMNS = `position, stream_id, revision, event_id, type, schema_version, data, metadata,
  (extract(epoch FROM recorded_at) * 1000)::float8 AS recorded_ms, tx_id::text AS tx_text`;

// $1 stream, $2 jsonb array of {id,type,sv,data,meta}, $3 expected last revision (-1: no stream; null: any).
export const APPEND_SQL = `
  WITH cur AS (SELECT coalesce(max(revision), -1) AS rev FROM events WHERE stream_id = $1)
  INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata)
  SELECT $1, cur.rev + e.ord::int, (e.ev->>'id')::uuid, e.ev->>'type', (e.ev->>'sv')::int, e.ev->'data', e.ev->'meta'
  FROM cur, jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(ev, ord)
  WHERE $3::int IS NULL OR cur.rev = $3::int
  RETURNING revision`;

// The common case, one event, with plain parameters: no jsonb array to build and take apart.
// $1 stream, $2 id, $3 type, $4 schema version, $5 data, $6 metadata, $7 expected (as above).
export const APPEND_ONE_SQL = `
  WITH cur AS (SELECT coalesce(max(revision), -1) AS rev FROM events WHERE stream_id = $1)
  INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata)
  SELECT $1, cur.rev + 1, $2::uuid, $3, $4::int, $5::jsonb, $6::jsonb
  FROM cur
  WHERE $7::int IS NULL OR cur.rev = $7::int
  RETURNING revision`;

export const READ_STREAM_SQL = `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 ORDER BY revision`;

export const READ_STREAM_UP_TO_SQL = `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND recorded_at <= $2 ORDER BY revision`;

// Only transactions older than the oldest still running are visible: nothing below the
// returned checkpoint can commit later, so no reader ever skips an event.
export const READ_ALL_SQL = `
  SELECT ${COLUMNS} FROM events
  WHERE (tx_id, position) > ($1::xid8, $2::bigint)
    AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY events.tx_id, events.position
  LIMIT $3`;
