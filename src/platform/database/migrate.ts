import { DataSource } from 'typeorm';
import { connectionLossListener } from './connection-loss';
import { MIGRATIONS } from './migrations';

const MIGRATION_LOCK = 7302201;

/** Runs pending migrations; several processes starting at once serialise on an advisory lock. */
export async function runMigrations(databaseUrl: string): Promise<void> {
  const ds = new DataSource({
    type: 'postgres', url: databaseUrl, migrations: MIGRATIONS, migrationsTransactionMode: 'each', logging: false,
    poolErrorHandler: connectionLossListener('migrations pool'),
  });
  await ds.initialize();
  const lock = ds.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await ds.runMigrations();
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  } finally {
    await lock.release();
    await ds.destroy();
  }
}
