import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../src/deliver/simulated-clock.js';

describe('SimulatedClock', () => {
  it('sleeps by advancing virtual time at once and records each sleep', async () => {
    const clock = new SimulatedClock(1000);
    await clock.sleep(3000);
    await clock.sleep(0);
    expect(clock.now()).toBe(4000);
    expect(clock.sleeps).toEqual([3000, 0]);
  });

  it('does not sleep when aborted', async () => {
    const clock = new SimulatedClock(0);
    const abort = new AbortController();
    abort.abort();
    await clock.sleep(5000, abort.signal);
    expect(clock.now()).toBe(0);
    expect(clock.sleeps).toEqual([]);
  });

  it('never goes back: set refuses, advanceTo stays', () => {
    const clock = new SimulatedClock(100);
    expect(() => clock.set(50)).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    clock.advanceTo(50);
    expect(clock.now()).toBe(100);
    clock.advanceTo(150);
    clock.set(200);
    clock.advance(5);
    expect(clock.now()).toBe(205);
  });
});
