import type { Config } from '../config/schema.js';

export type ThrottleSettings = Pick<
  Config['deliver'],
  'minGapMs' | 'jitterMs' | 'minGapSameRecipientMs' | 'maxPerMinute'
>;

const MINUTE = 60_000;

/**
 * Spacing of sends like a careful human: a gap (with random jitter) before writing to another
 * person, a shorter one between parts to the same person, and never more than maxPerMinute sends
 * in any 60 seconds. Sends are recorded at their completion, so every gap is measured from the end
 * of the previous call (conservative when a call takes time).
 */
export class SendThrottle {
  private last: { recipientId: string; at: number } | undefined;
  /** Completion times of the sends still inside the rate window, oldest first. */
  private readonly recent: number[] = [];

  constructor(
    private readonly settings: ThrottleSettings,
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * How long to wait from `now` before sending to `recipientId`. Draws the jitter, so call it once
   * per send, then sleep, then send and `record`.
   */
  delayBefore(recipientId: string, now: number): number {
    const { minGapMs, jitterMs, minGapSameRecipientMs, maxPerMinute } = this.settings;
    let earliest = now;
    if (this.last) {
      const gap =
        this.last.recipientId === recipientId ? minGapSameRecipientMs : minGapMs + this.random() * jitterMs;
      earliest = Math.max(earliest, this.last.at + Math.ceil(gap));
    }
    this.forget(now);
    if (this.recent.length >= maxPerMinute) {
      // The send that must leave the window before another may go.
      const blocking = this.recent[this.recent.length - maxPerMinute] as number;
      earliest = Math.max(earliest, blocking + MINUTE);
    }
    return earliest - now;
  }

  /** A send to `recipientId` completed at `at` (any puppet call counts, successful or not). */
  record(recipientId: string, at: number): void {
    this.last = { recipientId, at };
    this.recent.push(at);
  }

  /** Restores memory of earlier sends (e.g. from the outbox after a restart), oldest first. */
  seed(sends: readonly { recipientId: string; at: number }[]): void {
    for (const s of sends) this.record(s.recipientId, s.at);
  }

  private forget(now: number): void {
    let drop = 0;
    while (drop < this.recent.length && (this.recent[drop] as number) <= now - MINUTE) drop++;
    if (drop > 0) this.recent.splice(0, drop);
  }
}
