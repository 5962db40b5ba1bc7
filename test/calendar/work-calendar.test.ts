import { describe, expect, it } from 'vitest';
import { shiftWeek, weekBounds, weekOf } from '../../src/calendar/weeks.js';
import { createWorkCalendar } from '../../src/calendar/work-calendar.js';
import { configSchema } from '../../src/config/schema.js';

const config = configSchema.parse({});
const calendar = createWorkCalendar(config);
/** UTC ms of a Beijing local time. */
const bj = (iso: string) => Date.parse(`${iso}+08:00`);

describe('createWorkCalendar', () => {
  it.each([
    ['2026-11-17T09:00:00', true, 'Tuesday morning'],
    ['2026-11-17T08:29:59', false, 'before 08:30'],
    ['2026-11-17T18:00:00', false, 'at 18:00 the day is over'],
    ['2026-11-17T22:00:00', false, 'Tuesday night'],
    ['2026-11-21T10:00:00', false, 'Saturday'],
    ['2026-10-01T10:00:00', false, 'National Day (holiday on a Thursday)'],
    ['2026-02-16T10:00:00', false, 'Spring Festival Monday'],
    ['2026-02-14T10:00:00', true, 'Saturday make-up workday (调休) before Spring Festival'],
  ])('%s is working time: %s (%s)', (local, expected) => {
    expect(calendar.isWorkingTime(bj(local))).toBe(expected);
  });

  it('ignores holidays when told to', () => {
    const plain = createWorkCalendar({
      ...config,
      workingHours: { ...config.workingHours, chineseHolidays: false },
    });
    expect(plain.isWorkingTime(bj('2026-10-01T10:00:00'))).toBe(true);
    expect(plain.isWorkingTime(bj('2026-02-14T10:00:00'))).toBe(false);
  });

  it('gives local parts and the end of the working day in the configured zone', () => {
    expect(calendar.local(bj('2026-11-17T23:30:00'))).toEqual({
      date: '2026-11-17',
      weekday: 2,
      hour: 23,
      minuteOfDay: 1410,
    });
    expect(calendar.endOfWorkday(bj('2026-11-17T10:00:00'))).toBe(bj('2026-11-17T18:00:00'));
    expect(calendar.startOfDay('2026-11-17')).toBe(bj('2026-11-17T00:00:00'));
  });
});

describe('weekBounds', () => {
  it('spans local Monday to Monday', () => {
    const b = weekBounds('2026-W47', 'Asia/Shanghai');
    expect(b.from).toBe(bj('2026-11-16T00:00:00'));
    expect(b.to).toBe(bj('2026-11-23T00:00:00'));
    expect(weekOf(bj('2026-11-22T23:59:59'), 'Asia/Shanghai')).toBe('2026-W47');
    expect(weekOf(bj('2026-11-23T00:00:00'), 'Asia/Shanghai')).toBe('2026-W48');
    expect(shiftWeek('2026-W01', -1, 'Asia/Shanghai')).toBe('2025-W52');
  });

  it.each(['2026-47', '2026-W54', 'W47', '2026-W7'])('rejects %s', (week) => {
    expect(() => weekBounds(week, 'Asia/Shanghai')).toThrow(/expected an ISO week/);
  });
});
