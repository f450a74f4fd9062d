/**
 * Exponential backoff with "full jitter" from an injected random source, so a schedule is
 * reproducible in tests: delay(n) = random() × min(maxMs, baseMs × 2^(n-1)), at least minMs.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Floor so a retry is never immediate. */
  readonly minMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000, minMs: 100 };

/** Delay before the next attempt after `attempts` failed ones (attempts ≥ 1). */
export function backoffDelay(attempts: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  return Math.max(policy.minMs, Math.floor(random() * exp));
}
