/**
 * What tests, the fault suite and the benchmarks share to wait for things: a free loopback port,
 * and a bounded poll for a condition. Tests wait for conditions, never for fixed times, so a
 * loaded machine makes them slower, not red.
 */
import * as net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `condition` (a throw counts as false) until it holds; fails naming `what` after `timeoutMs`. */
export async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await Promise.resolve().then(condition).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await pause(everyMs);
  }
}

/** Until the wall clock has passed the millisecond it shows now: what comes after is recorded later. */
export async function clockMovesOn(): Promise<void> {
  const now = Date.now();
  await until('the clock moves on', () => Date.now() > now + 1, 5_000, 1);
}
