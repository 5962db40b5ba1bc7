import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../src/deliver/retry-delay.js';

describe('retryDelay', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [4, 240_000],
    [7, 1_800_000],
    [0, 30_000],
    [1000, 1_800_000],
  ])('after %s failed attempts waits %s ms', (attempts, expected) => {
    expect(retryDelay(attempts, 30_000, 1_800_000)).toBe(expected);
  });
});
