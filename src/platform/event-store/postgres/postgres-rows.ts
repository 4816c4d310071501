import { Checkpoint, RecordedEvent } from '../event-store.port';

export interface EventRow {
  position: string;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: any;
  recorded_ms: number;
  tx_text: string;
}

/** A checkpoint is "<transaction id>:<position>", the key of the global order. */
export function encodeCheckpoint(txId: string, position: string): Checkpoint {
  return `${txId}:${position}`;
}

export function decodeCheckpoint(checkpoint: Checkpoint | null): [string, string] {
  if (checkpoint === null) return ['0', '0'];
  const match = /^(\d+):(\d+)$/.exec(checkpoint);
  if (!match) throw new Error(`Not a PostgreSQL event store checkpoint: '${checkpoint}'`);
  return [match[1], match[2]];
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    revision: row.revision,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: new Date(row.recorded_ms),
    checkpoint: encodeCheckpoint(row.tx_text, row.position),
  };
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (e?.code && CONNECTION_CODES.has(e.code)) return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(e?.message ?? '');
}
