import { describe, expect, it } from 'vitest';
import { dailyDigestTime } from '../../src/converse/daily-digest-time.js';

describe('dailyDigestTime', () => {
  it.each([
    ['0 18 * * *', '18:00'],
    ['5 7 * * *', '07:05'],
    [' 30 9 * * * ', '09:30'],
    ['0 18 * * 1-5', null],
    ['*/5 * * * *', null],
    ['0 24 * * *', null],
    ['60 1 * * *', null],
  ])('%j → %j', (cron, expected) => {
    expect(dailyDigestTime(cron)).toBe(expected);
  });
});
