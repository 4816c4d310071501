/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"):
 * after the n-th failed try, wait a random time between 0 and min(max, base · 2^(n−1)), so many
 * failing deliveries spread out instead of retrying in lockstep.
 */
export function backoffDelayMs(failedTries: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(failedTries - 1, 0), 40));
  return Math.floor(random() * cap);
}
