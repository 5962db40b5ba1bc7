import { DateTime } from 'luxon';
import { createTask } from 'node-cron';
import { describe, expect, it } from 'vitest';
import { CronSchedule } from '../../src/deliver/cron-schedule.js';

const SH = 'Asia/Shanghai';
const at = (iso: string, zone = SH) => DateTime.fromISO(iso, { zone }).toMillis();
const show = (ms: number | undefined, zone = SH) =>
  ms === undefined ? undefined : DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

describe('CronSchedule fire times', () => {
  it('lists the weekly fires in a range, exclusive of its start and inclusive of its end', () => {
    const weekly = new CronSchedule('0 9 * * 1', SH);
    expect(weekly.firesBetween(at('2026-11-23T09:00'), at('2026-12-07T09:00')).map((t) => show(t))).toEqual([
      '2026-11-30T09:00',
      '2026-12-07T09:00',
    ]);
    expect(weekly.firesBetween(at('2026-11-23T08:59'), at('2026-11-23T09:00')).map((t) => show(t))).toEqual([
      '2026-11-23T09:00',
    ]);
    expect(weekly.firesBetween(at('2026-11-24T00:00'), at('2026-11-29T23:59'))).toEqual([]);
  });

  it.each([
    ['0 9 * * 1', '2026-11-25T12:00', '2026-11-23T09:00'],
    ['0 9 * * 1', '2026-11-23T09:00', '2026-11-23T09:00'],
    ['0 9 * * 1', '2026-11-23T08:59', '2026-11-16T09:00'],
    ['0 18 * * *', '2026-11-23T17:59', '2026-11-22T18:00'],
    ['*/15 9-10 * * *', '2026-11-23T10:59', '2026-11-23T10:45'],
    ['*/15 9-10 * * *', '2026-11-23T08:00', '2026-11-22T10:45'],
    ['0 9 13 * 5', '2026-12-31T00:00', '2026-11-13T09:00'],
    ['0 9 29 2 *', '2027-06-01T00:00', '2024-02-29T09:00'],
  ])('%s: latest fire at or before %s is %s', (expression, now, expected) => {
    expect(show(new CronSchedule(expression, SH).latestFireAtOrBefore(at(now)))).toBe(expected);
  });

  it('needs day of month AND day of week, as node-cron does (Friday the 13th)', () => {
    const friday13 = new CronSchedule('0 9 13 * 5', SH);
    expect(friday13.firesBetween(at('2026-01-01T00:00'), at('2026-12-31T23:59')).map((t) => show(t))).toEqual(
      ['2026-02-13T09:00', '2026-03-13T09:00', '2026-11-13T09:00'],
    );
  });

  it('evaluates in the timezone, and never fires at a local time a DST gap skips', () => {
    const ny = 'America/New_York';
    const s = new CronSchedule('30 2 * * *', ny);
    expect(
      s.firesBetween(at('2026-03-07T00:00', ny), at('2026-03-09T23:00', ny)).map((t) => show(t, ny)),
    ).toEqual(['2026-03-07T02:30', '2026-03-09T02:30']);
    expect(new CronSchedule('0 9 * * *', SH).nextFireAfter(at('2026-11-23T12:00'))).toBe(
      Date.UTC(2026, 10, 24, 1),
    );
  });

  it('agrees with node-cron on the next fires', async () => {
    const cases: [string, string][] = [
      ['0 9 * * 1', SH],
      ['30 9 * * 1', SH],
      ['0 18 * * 1-5', SH],
      ['*/20 8-9 * * *', 'Europe/Berlin'],
      ['0 9 13 * 5', SH],
      ['15 2 1 */2 *', 'America/New_York'],
    ];
    for (const [expression, zone] of cases) {
      const task = createTask(expression, () => {}, { timezone: zone });
      try {
        const theirs = task.getNextRuns(4).map((d) => d.getTime());
        const mine: number[] = [];
        let t = Date.now();
        for (let i = 0; i < 4; i++) {
          t = new CronSchedule(expression, zone).nextFireAfter(t) as number;
          mine.push(t);
        }
        expect(mine, expression).toEqual(theirs);
      } finally {
        await task.destroy();
      }
    }
  });

  it('rejects what it cannot evaluate', () => {
    expect(() => new CronSchedule('0 9 L * *', SH)).toThrow(/special tokens/);
    expect(() => new CronSchedule('0 9 * * 5#2', SH)).toThrow(/special tokens/);
    expect(() => new CronSchedule('0 9 * * 1', 'Mars/Olympus')).toThrow(/timezone/);
    expect(() => new CronSchedule('0 25 * * *', SH)).toThrow();
  });
});

describe('CronSchedule periods', () => {
  it.each([
    ['0 9 * * 1', 'week'],
    ['30 9 * * 1', 'week'],
    ['0 18 * * *', 'day'],
    ['0 9 * * 1-5', 'day'],
    ['0 9 1 * 1', 'day'],
    ['0 9 1 * *', 'day'],
    ['*/30 9 * * *', 'fire'],
    ['0 9,17 * * 1', 'fire'],
  ])('%s is told apart by %s', (expression, granularity) => {
    expect(new CronSchedule(expression, SH).granularity).toBe(granularity);
  });

  it.each([
    ['0 9 * * 1', '2026-11-23T09:00', '2026-W48'],
    ['0 9 * * 1', '2026-12-28T09:00', '2026-W53'],
    // ISO week-years: 3 January 2027 still belongs to 2026's last week.
    ['0 9 * * 1', '2027-01-03T23:00', '2026-W53'],
    ['0 9 * * 1', '2027-01-04T09:00', '2027-W01'],
    ['0 18 * * *', '2026-11-23T18:00', '2026-11-23'],
    // Local day, not UTC day: 01:00 in Shanghai is still the previous day in UTC.
    ['0 1 * * *', '2026-11-23T01:00', '2026-11-23'],
    ['*/30 9 * * *', '2026-11-23T09:30', '2026-11-23T09:30'],
  ])('%s at %s is period %s', (expression, time, period) => {
    expect(new CronSchedule(expression, SH).periodOf(at(time))).toBe(period);
  });
});
