import type { HandledOutcome } from './recorder-plugin.js';

export type OutcomeCounts = Record<HandledOutcome, number>;

export interface Settled {
  outcomes: OutcomeCounts;
  /** Expected ids never handled (Wechaty could not load them, or the recorder is not installed). */
  missing: string[];
}

const zero = (): OutcomeCounts => ({ inserted: 0, duplicate: 0, conflict: 0, skipped: 0, failed: 0 });

/**
 * Lets a producer (the simulation player, tests) wait until the recorder has handled the messages it
 * emitted. Wire `record` to the recorder's `onMessageHandled`, call `expect(ids)` before emitting,
 * then `settle()`. Only the first outcome of each expected id counts; replays count in `totals`.
 */
export class MessageTally {
  readonly totals: OutcomeCounts = zero();
  private pending = new Set<string>();
  private outcomes: OutcomeCounts = zero();
  private wake: (() => void) | undefined;

  readonly record = (messageId: string, outcome: HandledOutcome): void => {
    this.totals[outcome]++;
    if (!this.pending.delete(messageId)) return;
    this.outcomes[outcome]++;
    this.wake?.();
  };

  expect(ids: Iterable<string>): void {
    for (const id of ids) this.pending.add(id);
  }

  /**
   * Resolves once every expected id was handled, or when none was handled for `idleMs` (then the
   * rest are reported missing). Starts a fresh expectation afterwards.
   */
  settle(idleMs = 10_000): Promise<Settled> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve({ outcomes: this.outcomes, missing: [...this.pending] });
        this.pending = new Set();
        this.outcomes = zero();
      };
      const rearm = () => {
        clearTimeout(timer);
        timer = setTimeout(done, idleMs);
      };
      if (this.pending.size === 0) return done();
      this.wake = () => (this.pending.size === 0 ? done() : rearm());
      rearm();
    });
  }
}
