/** Loopback helpers of the fault suite: free ports, bounded waits for a condition. */
import { pause } from '../support/wait';

export { freePort, pause } from '../support/wait';

/** Polls `condition` every `everyMs` until it returns a truthy value; throws `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, timeoutMs: number, condition: () => Promise<T | undefined | false>, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(everyMs);
  }
}

export const log = (...parts: unknown[]) => process.stderr.write(`[faults ${new Date().toISOString().slice(11, 19)}] ${parts.join(' ')}\n`);
