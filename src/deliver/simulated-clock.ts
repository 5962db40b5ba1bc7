import type { Clock } from './clock.js';

/**
 * Virtual time for tests and the simulated week of `npm start`: `sleep` advances the clock at once
 * and records how long was asked for, so throttling can be checked without real waiting.
 */
export class SimulatedClock implements Clock {
  /** Every sleep asked for, in order (ms). */
  readonly sleeps: number[] = [];
  private time: number;

  constructor(start: number) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return;
    this.sleeps.push(ms);
    if (ms > 0) this.time += ms;
    // Yield a macrotask like a real timer would, so I/O and other timers are not starved.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Moves time forward by `ms` (never backwards). */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('a simulated clock cannot go back');
    this.time += ms;
  }

  /**
   * Moves to `time` if it is later than now; otherwise stays (throttled sends may already have
   * carried the clock past the next scheduled fire).
   */
  advanceTo(time: number): void {
    this.time = Math.max(this.time, time);
  }

  /** Jumps to `time`, which must not be earlier than now. */
  set(time: number): void {
    if (time < this.time) throw new RangeError('a simulated clock cannot go back');
    this.time = time;
  }
}
