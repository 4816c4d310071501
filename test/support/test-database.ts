/**
 * A fresh, migrated database per test file on the run's PostgreSQL server
 * (see global-setup.ts). Real storage, never a mock.
 */
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';

export function adminUrl(): string {
  const url = process.env.TEST_PG_ADMIN_URL;
  if (!url) throw new Error('TEST_PG_ADMIN_URL is not set: run the tests through jest (global-setup.ts)');
  return url;
}

/** Creates an empty database and returns its URL. */
export async function createEmptyDatabase(prefix = 'test'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
