/**
 * Local days of a work calendar: the bounds of a date (midnight, end of work) and date arithmetic,
 * and the local date, hour slot and working status of each minute of a range, computed once per minute.
 */
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

export interface LocalMinute {
  /** Local date, YYYY-MM-DD (one string per date, shared). */
  date: string;
  /** (ISO weekday − 1) × 24 + local hour: the hour × weekday cell. */
  slot: number;
  working: boolean;
}

const MINUTE = 60_000;
/** Ranges longer than this (five weeks of minutes) go to the map only. */
const MAX_SPAN = 5 * 7 * 24 * 60;

/**
 * calendar.local and isWorkingTime, computed once per UTC minute: offsets are whole minutes (in every
 * zone since 1972), so every instant of one UTC minute has the same local date, hour and working
 * status. A week has 10,080 minutes and may have a million messages; computing both per message was
 * what the volume pass spent its time on. Minutes in [from, to) are kept in an array, others in a map.
 */
export function localMinutes(calendar: WorkCalendar, from: number, to: number): (ms: number) => LocalMinute {
  const first = Math.floor(from / MINUTE);
  const span = Math.ceil(to / MINUTE) - first + 1;
  const inRange: (LocalMinute | undefined)[] = new Array(span > 0 && span <= MAX_SPAN ? span : 0);
  const outside = new Map<number, LocalMinute>();
  const dates = new Map<string, string>();
  return (ms) => {
    const key = Math.floor(ms / MINUTE);
    const i = key - first;
    const cached = i >= 0 && i < inRange.length;
    let parts = cached ? inRange[i] : outside.get(key);
    if (parts === undefined) {
      const local = calendar.local(ms);
      const date = dates.get(local.date) ?? local.date;
      dates.set(date, date);
      parts = { date, slot: (local.weekday - 1) * 24 + local.hour, working: calendar.isWorkingTime(ms) };
      if (cached) inRange[i] = parts;
      else outside.set(key, parts);
    }
    return parts;
  };
}
