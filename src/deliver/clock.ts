import { setTimeout as delay } from 'node:timers/promises';

/**
 * Time as the send queue and the schedules see it. `sleep` resolves early (without error) when
 * `signal` aborts, so a stopping loop never waits out a long gap.
 */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Wall-clock time and real timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  async sleep(ms, signal) {
    if (ms <= 0 || signal?.aborted) return;
    try {
      await delay(ms, undefined, { signal });
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    }
  },
};
