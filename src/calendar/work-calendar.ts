import chineseDays from 'chinese-days';
import { DateTime } from 'luxon';
import type { Config } from '../config/schema.js';

export interface LocalParts {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  hour: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
}

/**
 * Local time and working time in the configured timezone. Chinese public holidays and make-up
 * workdays (调休) come from `chinese-days` when enabled; otherwise only the configured weekdays count.
 */
export interface WorkCalendar {
  timezone: string;
  local(ms: number): LocalParts;
  isWorkday(date: string): boolean;
  isWorkingTime(ms: number): boolean;
  /** UTC ms of the end of working hours on the local day of `ms`. */
  endOfWorkday(ms: number): number;
  /** UTC ms of local midnight starting the given local date. */
  startOfDay(date: string): number;
}

// chinese-days is CommonJS without named exports Node can detect: use its default export.
const { isHoliday, isWorkday: isChineseWorkday } = chineseDays;

const HOUR = 3_600_000;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function createWorkCalendar(config: Pick<Config, 'timezone' | 'workingHours'>): WorkCalendar {
  const zone = config.timezone;
  const { days, start, end, chineseHolidays } = config.workingHours;
  const startMin = minutes(start);
  const endMin = minutes(end);
  // Offsets only change at hour boundaries in every real zone: cache them per UTC hour so that
  // analysing a million messages does not build a million luxon objects.
  const offsetByHour = new Map<number, number>();
  const workdayByDate = new Map<string, boolean>();

  function offsetMinutes(ms: number): number {
    const key = Math.floor(ms / HOUR);
    let off = offsetByHour.get(key);
    if (off === undefined) {
      off = DateTime.fromMillis(key * HOUR, { zone }).offset;
      offsetByHour.set(key, off);
    }
    return off;
  }

  function local(ms: number): LocalParts {
    const shifted = new Date(ms + offsetMinutes(ms) * 60_000);
    const date = shifted.toISOString().slice(0, 10);
    const hour = shifted.getUTCHours();
    const weekday = ((shifted.getUTCDay() + 6) % 7) + 1;
    return { date, weekday, hour, minuteOfDay: hour * 60 + shifted.getUTCMinutes() };
  }

  function isWorkday(date: string): boolean {
    let answer = workdayByDate.get(date);
    if (answer === undefined) {
      const weekday = DateTime.fromISO(date, { zone }).weekday;
      const byWeekday = days.includes(weekday);
      if (!chineseHolidays) answer = byWeekday;
      else if (isHoliday(date)) answer = false;
      else if (weekday >= 6 && isChineseWorkday(date))
        answer = true; // make-up workday
      else answer = byWeekday;
      workdayByDate.set(date, answer);
    }
    return answer;
  }

  const midnightByDate = new Map<string, number>();
  function startOfDay(date: string): number {
    let ms = midnightByDate.get(date);
    if (ms === undefined) {
      ms = DateTime.fromISO(date, { zone }).startOf('day').toMillis();
      midnightByDate.set(date, ms);
    }
    return ms;
  }

  return {
    timezone: zone,
    local,
    isWorkday,
    isWorkingTime(ms) {
      const p = local(ms);
      return isWorkday(p.date) && p.minuteOfDay >= startMin && p.minuteOfDay < endMin;
    },
    endOfWorkday(ms) {
      const p = local(ms);
      return startOfDay(p.date) + endMin * 60_000;
    },
    startOfDay,
  };
}
