/**
 * How long a failing projection waits before its next try: exponential backoff with full
 * jitter (the formula of the DFDG push worker), a random wait between 0 and
 * min(max, base · 2^(n−1)) after the n-th consecutive failure. The jitter spreads the retries
 * of several processes; the cap bounds how stale a fixed projection stays before it resumes.
 */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  /** A number in [0, 1); tests pass a seeded or fixed one. */
  random: () => number;
}

export function retryDelayMs(failures: number, policy: RetryPolicy): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 40); // 2^40 already exceeds any cap
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.floor(policy.random() * ceiling);
}
