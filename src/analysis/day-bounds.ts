import type { WorkCalendar } from './work-calendar.js';

export interface DayBounds {
  /** UTC ms of local midnight starting the date. */
  start: number;
  /** UTC ms of the end of working hours on the date. */
  endOfWork: number;
}

const caches = new WeakMap<WorkCalendar, Map<string, DayBounds>>();

/**
 * Start and end of work of a local date, memoised per calendar: the calendar's own conversions go
 * through luxon timezones (tens of microseconds each), and a week has only a handful of dates.
 */
export function dayBounds(calendar: WorkCalendar, date: string): DayBounds {
  let cache = caches.get(calendar);
  if (!cache) {
    cache = new Map();
    caches.set(calendar, cache);
  }
  let b = cache.get(date);
  if (!b) {
    const start = calendar.startOfDay(date);
    b = { start, endOfWork: calendar.endOfWorkday(start) };
    cache.set(date, b);
  }
  return b;
}

/** The ISO date `days` after `date` (calendar arithmetic on YYYY-MM-DD, no timezone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return ((new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay() + 6) % 7) + 1;
}
