/**
 * A periodic job on a real PostgreSQL, reached through a TCP relay the test can cut: it waits for
 * the tables it needs, and an outage gives one error line and one recovery line, not one per try.
 */
import { Logger, LoggerService } from '@nestjs/common';
import * as net from 'node:net';
import { DataSource } from 'typeorm';
import { createEmptyDatabase } from '../../../test/support/test-database';
import { PeriodicJob } from './periodic-job';
import { until } from '../../../test/support/wait';

/** Forwards to PostgreSQL until `down`, which drops every connection and refuses new ones. */
async function relay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) return client.destroy();
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined).on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    setDown(value: boolean) {
      down = value;
      if (down) for (const s of sockets) s.destroy();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}


const lines: { level: string; message: unknown; params: unknown[] }[] = [];
const capture: LoggerService = {
  log: (message, ...params) => lines.push({ level: 'info', message, params }),
  error: (message, ...params) => lines.push({ level: 'error', message, params }),
  warn: (message, ...params) => lines.push({ level: 'warn', message, params }),
  debug: (message, ...params) => lines.push({ level: 'debug', message, params }),
};
const said = (level: string, text: string) => lines.filter((l) => l.level === level && l.params[0] === text);

describe('PeriodicJob', () => {
  let db: DataSource;
  let cut: Awaited<ReturnType<typeof relay>>;
  const jobs: PeriodicJob[] = [];

  beforeAll(async () => {
    Logger.overrideLogger(capture);
    const url = new URL(await createEmptyDatabase('periodic'));
    cut = await relay({ host: url.hostname, port: Number(url.port) });
    url.port = String(cut.port);
    db = await new DataSource({ type: 'postgres', url: url.toString(), extra: { connectionTimeoutMillis: 2000 } }).initialize();
  });

  beforeEach(() => lines.splice(0));

  afterAll(async () => {
    for (const job of jobs) await job.stop();
    cut.setDown(false);
    await db?.destroy();
    await cut?.close();
  });

  it('runs only once the tables it needs exist, and never logs their absence as an error', async () => {
    let runs = 0;
    const job = new PeriodicJob(db, 'test:needs-table', 10, { needs: ['made_later'] });
    jobs.push(job);
    job.start(async () => {
      runs++;
      await db.query('SELECT count(*) FROM made_later');
    });
    await until('the job said it waits', () => said('debug', 'waiting for its tables').length >= 3);
    expect(runs).toBe(0);
    await db.query('CREATE TABLE made_later (id int)');
    await until('the job ran', () => runs >= 2);
    expect(said('debug', 'tables ready: running')).toHaveLength(1);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    await job.stop();
  });

  it('logs a database outage once, backs off, and logs the recovery once with the time down', async () => {
    let tries = 0;
    const job = new PeriodicJob(db, 'test:outage', 10);
    jobs.push(job);
    job.start(() => {
      tries++;
      return job.exclusive(() => db.query('SELECT 1'));
    });
    await until('the job ran', () => tries >= 2);
    cut.setDown(true);
    const before = tries;
    await until('the job failed a few times', () => tries >= before + 6);
    cut.setDown(false);
    await until('the job recovered', () => said('info', 'recovered').length > 0);

    expect(said('error', 'paused: database unavailable, retrying with backoff')).toHaveLength(1);
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(1);
    const [recovered] = said('info', 'recovered');
    expect(recovered.message).toMatchObject({ job: 'test:outage', was: 'database-unavailable', downMs: expect.any(Number) });
    expect((recovered.message as { attempts: number }).attempts).toBeGreaterThanOrEqual(6);
    await job.stop();
  });
});
