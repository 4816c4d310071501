/**
 * Which app processes are alive, as PostgreSQL sees them (issue 11). Each process holds a
 * session advisory lock named after its instance id on a connection of its own. When a process
 * dies (even by `kill -9`) the server ends its session and the lock is gone at once, so a
 * pending Idempotency-Key claim whose owner holds no lock belongs to a dead process, and a retry
 * may take it over without waiting out a timeout.
 *
 * Losing the lock while alive (the database restarted) only lets another process take over a
 * claim of ours early: harmless, since a request's case and event ids are derived from its key,
 * so both runs write the same events once (idempotent-ids.ts). The lock is taken again on the
 * next claim.
 */
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { connectionLossListener } from '../database/connection-loss';
import { uuidv7 } from '../events/uuidv7';

/** The first key of the two-key advisory lock: this system's space for instance locks. */
const LOCK_SPACE = 0x1d3_0011;

/** The second key: 31 bits of the instance id's hash (non-negative, as pg_locks shows an oid). */
export function instanceLockKey(instanceId: string): number {
  return createHash('sha256').update(instanceId).digest().readUInt32BE(0) & 0x7fffffff;
}

/** The two keys of an instance's advisory lock: `pg_advisory_lock(space, key)`. */
export const instanceLockKeys = (instanceId: string): [number, number] => [LOCK_SPACE, instanceLockKey(instanceId)];

@Injectable()
export class InstanceLiveness implements OnApplicationShutdown {
  readonly instanceId = uuidv7();
  private readonly logger = new Logger('InstanceLiveness');
  private holding?: Promise<Client>;
  private closed = false;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Holds this process's lock (again, after a lost connection) before it claims a key. */
  async ensureHeld(): Promise<void> {
    if (this.closed) return;
    this.holding ??= this.hold();
    await this.holding.catch((error: unknown) => {
      this.holding = undefined; // the next claim tries again
      throw error;
    });
  }

  /** Whether the process that made a claim still runs. */
  async isAlive(instanceId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::bigint::oid AND objid = $2::bigint::oid AND objsubid = 2 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      instanceLockKeys(instanceId),
    );
    return rows.length > 0;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const client = await this.holding?.catch(() => undefined);
    this.holding = undefined;
    await client?.end().catch(() => undefined);
  }

  private async hold(): Promise<Client> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    const lost = connectionLossListener('idempotency instance lock', this.logger);
    client.on('error', (error) => {
      lost(error);
      this.holding = undefined;
    });
    client.on('end', () => {
      if (!this.closed) this.holding = undefined;
    });
    try {
      await client.connect();
      await client.query('SELECT pg_advisory_lock($1, $2)', instanceLockKeys(this.instanceId));
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return client;
  }
}
