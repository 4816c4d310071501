import { EntityManager } from 'typeorm';
import { Checkpoint } from '../../src/platform/event-store/event-store.port';

export interface CheckpointRow {
  checkpoint: Checkpoint | null;
  definitionHash: string;
}

/** `forUpdate` locks the row for the batch, serialising with a rebuild's swap. */
export async function readCheckpoint(m: EntityManager, name: string, forUpdate: boolean): Promise<CheckpointRow> {
  const rows = await m.query(
    `SELECT checkpoint, definition_hash FROM projection_checkpoints WHERE name = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [name],
  );
  if (!rows.length) throw new Error(`No checkpoint row for projection ${name}`);
  return { checkpoint: rows[0].checkpoint, definitionHash: rows[0].definition_hash };
}

export async function saveCheckpoint(m: EntityManager, name: string, checkpoint: Checkpoint | null, definitionHash?: string): Promise<void> {
  await m.query(
    `UPDATE projection_checkpoints SET checkpoint = $2, definition_hash = coalesce($3, definition_hash), updated_at = now() WHERE name = $1`,
    [name, checkpoint, definitionHash ?? null],
  );
}
