/**
 * `npm run bench:dfdg`: on one throw-away PostgreSQL, the DFDG outbox projection's rebuild
 * (event to outbox, bench/dfdg-projection.ts), then push delivery to a local receiver on a
 * fresh database of the same server (bench/dfdg-push.ts). Progress on stderr; one JSON line
 * with `messages_per_s_projection` and `push_per_s` last on stdout.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { measureDfdgProjection } from './dfdg-projection';
import { measurePush } from './dfdg-push';
import { log, runBench } from './support';

/** A new empty database on the server of `url`. */
async function freshDatabase(url: string, prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return fresh.toString();
}

void runBench('dfdg', async (url) => {
  log('projection: rebuild of the DFDG outbox');
  const projection = await measureDfdgProjection(url);
  log('push: delivery to a local receiver, on a fresh database');
  const push = await measurePush(await freshDatabase(url, 'dfdg_push'));
  return {
    messages_per_s_projection: projection.messages_per_s_projection,
    push_per_s: push.push_per_s,
    projection,
    push,
  };
});
