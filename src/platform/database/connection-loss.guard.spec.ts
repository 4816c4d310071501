/**
 * A pooled client that is checked out (pg-pool no longer listens on it, and TypeORM may already
 * have removed its own listener) must not kill the process when the server ends its connection:
 * the fault suite's database restart once did, with an unhandled 57P01.
 */
import { Client, Pool } from 'pg';
import { adminUrl } from '../../../test/support/test-database';
import { until } from '../../../test/support/wait';
import { guardPoolClients } from './connection-loss';

describe('guardPoolClients', () => {
  it('keeps an error listener on a checked-out client, so a terminated connection is heard, not thrown', async () => {
    const pool = new Pool({ connectionString: adminUrl(), max: 2 });
    const heard: unknown[] = [];
    guardPoolClients(pool, (error) => heard.push(error));
    const held = await pool.connect();
    // TypeORM's listener is gone once a runner gave the client up; pg-pool's is off while checked out.
    expect(held.listenerCount('error')).toBe(1);
    const pid = (await held.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await until('the held client hears its connection end', () => heard.length > 0);
      expect(heard[0]).toMatchObject({ code: '57P01' });
    } finally {
      held.release(true);
      await admin.end();
      await pool.end();
    }
  });
});
