import { describe, expect, it } from 'vitest';
import { SendThrottle } from '../../src/deliver/send-throttle.js';

const settings = { minGapMs: 3000, jitterMs: 2000, minGapSameRecipientMs: 1000, maxPerMinute: 3 };

describe('SendThrottle', () => {
  it('lets the first send go at once', () => {
    expect(new SendThrottle(settings).delayBefore('u-a', 1000)).toBe(0);
  });

  it.each([
    // [random draw, recipient of the next send, now, expected delay]
    [0, 'u-b', 0, 3000],
    [0.999, 'u-b', 0, 4998],
    [0.5, 'u-b', 2500, 1500],
    [0.5, 'u-b', 10_000, 0],
    [0.5, 'u-a', 0, 1000],
    [0.5, 'u-a', 400, 600],
    [0.5, 'u-a', 1000, 0],
  ])('after a send to u-a at 0, random %s: %s at %s waits %s ms', (draw, to, now, expected) => {
    const t = new SendThrottle(settings, () => draw);
    t.record('u-a', 0);
    expect(t.delayBefore(to, now)).toBe(expected);
  });

  it('holds the next send until the oldest of the last maxPerMinute leaves the 60 s window', () => {
    const t = new SendThrottle({ ...settings, minGapMs: 0, jitterMs: 0, minGapSameRecipientMs: 0 });
    t.record('u-a', 0);
    t.record('u-b', 10_000);
    expect(t.delayBefore('u-c', 20_000)).toBe(0);
    t.record('u-c', 20_000);
    expect(t.delayBefore('u-d', 20_000)).toBe(40_000);
    expect(t.delayBefore('u-d', 60_000)).toBe(0);
    t.record('u-d', 60_000);
    expect(t.delayBefore('u-e', 60_000)).toBe(10_000);
  });

  it('seeded with earlier sends, it remembers them', () => {
    const t = new SendThrottle({ ...settings, minGapMs: 0, jitterMs: 0 }, () => 0);
    t.seed([
      { recipientId: 'u-a', at: 0 },
      { recipientId: 'u-b', at: 1 },
      { recipientId: 'u-c', at: 2 },
    ]);
    expect(t.delayBefore('u-c', 3)).toBe(60_000 - 3);
  });
});
