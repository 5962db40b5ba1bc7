/**
 * Exponential backoff: the wait before the next attempt after `attempts` failed ones (1, 2, …) is
 * base · 2^(attempts − 1), never more than max.
 */
export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  const exponent = Math.max(0, attempts - 1);
  // 2^31 · base already exceeds any sane max; stop before the power overflows to Infinity.
  return Math.min(maxMs, exponent >= 31 ? maxMs : baseMs * 2 ** exponent);
}
