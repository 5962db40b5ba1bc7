import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../src/ingest/simulate/prng.js';
import {
  createWeekClock,
  formatShanghai,
  isoWeekName,
  localParts,
  shanghaiMidnight,
} from '../../../src/ingest/simulate/sim-clock.js';

const bj = (iso: string) => Date.parse(`${iso}+08:00`);

describe('sim-clock', () => {
  it.each(['2026-10-26T00:00:00', '2026-11-22T23:59:59', '2024-02-29T12:34:56', '2027-01-01T00:00:01'])(
    'formats %s back to the same Beijing time with +08:00',
    (local) => {
      expect(formatShanghai(bj(local))).toBe(`${local}+08:00`);
    },
  );

  it.each([
    ['2026-10-26', '2026-W44'],
    ['2026-11-22', '2026-W47'],
    ['2026-12-28', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2025-12-29', '2026-W01'],
  ])('names the ISO week of %s as %s', (date, week) => {
    expect(isoWeekName(shanghaiMidnight(date) + 3600_000)).toBe(week);
  });

  it('marks Chinese holidays and make-up days in the week clock', () => {
    // 2026-09-28 week: National Day holiday from Thursday 10-01; Sunday 09-27 is outside it.
    const clock = createWeekClock(shanghaiMidnight('2026-09-28'));
    expect(clock.workdays.slice(0, 3)).toEqual([true, true, true]);
    expect(clock.workdays.slice(3)).toEqual([false, false, false, false]);
    expect(clock.week).toBe('2026-W40');
  });

  it('samples times inside the week and mostly within working hours', () => {
    const clock = createWeekClock(shanghaiMidnight('2026-11-16'));
    const rng = createPrng(5);
    let working = 0;
    for (let i = 0; i < 4000; i++) {
      const t = clock.sample(rng, 'office');
      expect(t).toBeGreaterThanOrEqual(clock.start);
      expect(t).toBeLessThan(clock.end);
      expect(t % 1000).toBe(0);
      const p = localParts(t);
      if (p.weekday <= 5 && p.minute >= 510 && p.minute < 1080) working++;
    }
    expect(working / 4000).toBeGreaterThan(0.75);
    expect(working / 4000).toBeLessThan(0.98);
  });

  it('samples working-day times between the given minutes', () => {
    const clock = createWeekClock(shanghaiMidnight('2026-11-16'));
    const rng = createPrng(6);
    for (let i = 0; i < 500; i++) {
      const p = localParts(clock.sampleWorkday(rng, 510, 840));
      expect(p.weekday).toBeLessThanOrEqual(5);
      expect(p.minute).toBeGreaterThanOrEqual(510);
      expect(p.minute).toBeLessThan(840);
    }
  });
});
