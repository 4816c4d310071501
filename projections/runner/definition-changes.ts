import { DataSource, EntityManager } from 'typeorm';
import { Checkpoint } from '../../src/platform/event-store/event-store.port';
import { definitionHash } from './apply-batch';
import { readCheckpoint } from './checkpoints';
import { AnyProjection as Projection } from './projection';

export interface DefinitionChange {
  fromHash: string;
  toHash: string;
  /** The new definition applies to the events after this checkpoint; what came before stays as published. */
  fromCheckpoint: Checkpoint | null;
}

/**
 * Records that a published projection's definition changed, instead of rebuilding it (issue 11):
 * its rows keep their ids, sequences and bodies, and the new definition applies from the
 * projection's current checkpoint on. Under the checkpoint row's lock, so no batch commits between.
 */
export async function recordDefinitionChange(db: DataSource, projection: Projection): Promise<DefinitionChange> {
  const toHash = definitionHash(projection);
  return db.transaction(async (m) => {
    const stored = await readCheckpoint(m, projection.name, true);
    const change = { fromHash: stored.definitionHash, toHash, fromCheckpoint: stored.checkpoint };
    await m.query(`INSERT INTO projection_definition_changes (name, from_hash, to_hash, from_checkpoint) VALUES ($1, $2, $3, $4)`, [projection.name, change.fromHash, toHash, stored.checkpoint]);
    await m.query(`UPDATE projection_checkpoints SET definition_hash = $2, updated_at = now() WHERE name = $1`, [projection.name, toHash]);
    return change;
  });
}

/** How many definition changes were recorded for a projection: replays can only match the table when none were. */
export async function definitionChangeCount(db: DataSource | EntityManager, projection: Projection): Promise<number> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM projection_definition_changes WHERE name = $1`, [projection.name]);
  return n;
}
