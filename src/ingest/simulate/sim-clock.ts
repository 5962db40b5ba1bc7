/**
 * Time for the simulation. Everything happens in Asia/Shanghai, which has had no daylight saving time
 * since 1991, so local time is UTC+8 throughout and plain arithmetic is exact (and fast: no timezone
 * library per message). Working days follow Chinese public holidays and make-up days (chinese-days).
 */
import chineseDays from 'chinese-days';
import type { Prng } from './prng.js';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
const OFFSET = 8 * HOUR;

/** UTC ms of local midnight starting a local date 'YYYY-MM-DD'. */
export function shanghaiMidnight(date: string): number {
  const ms = Date.parse(`${date}T00:00:00+08:00`);
  // Date.parse rolls 2026-02-30 over to March: only a date that reads back the same is real.
  if (Number.isNaN(ms) || localDate(ms) !== date) {
    throw new RangeError(`start: expected a date like 2026-10-26, got "${date}"`);
  }
  return ms;
}

const dayPrefix = new Map<number, string>();
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `2026-11-17T09:12:05+08:00` (hot: once per message, so the date part is cached per day). */
export function formatShanghai(ms: number): string {
  const local = ms + OFFSET;
  const day = Math.floor(local / DAY);
  let prefix = dayPrefix.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefix.set(day, prefix);
  }
  const seconds = Math.floor((local - day * DAY) / 1000);
  return `${prefix}${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}+08:00`;
}

/** Local calendar parts of a UTC ms. */
export function localParts(ms: number): {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minute: number;
} {
  const d = new Date(ms + OFFSET);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
    minute: d.getUTCHours() * 60 + d.getUTCMinutes(),
  };
}

export function localDate(ms: number): string {
  return new Date(ms + OFFSET).toISOString().slice(0, 10);
}

/** Local midnight at or before `ms`. */
export function startOfLocalDay(ms: number): number {
  return Math.floor((ms + OFFSET) / DAY) * DAY - OFFSET;
}

/** Monday 00:00 local of the ISO week containing `ms`. */
export function startOfIsoWeek(ms: number): number {
  const day = startOfLocalDay(ms);
  return day - (localParts(day).weekday - 1) * DAY;
}

/** ISO week name ('2026-W44') of the local date of `ms`. */
export function isoWeekName(ms: number): string {
  const thursday = startOfIsoWeek(ms) + 3 * DAY;
  const year = localParts(thursday).year;
  const firstDay = shanghaiMidnight(`${year}-01-01`);
  const week = 1 + Math.floor((thursday - firstDay) / WEEK);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export type TimeProfile = 'office' | 'chat';

/** [from hour, to hour, weight] per half-hour, for working days and days off. */
const SHAPES: Record<TimeProfile, { work: number[][]; off: number[][] }> = {
  office: {
    work: [
      [7, 8.5, 0.15],
      [8.5, 9, 0.8],
      [9, 11.5, 1.3],
      [11.5, 12, 0.7],
      [12, 13.5, 0.2],
      [13.5, 17.5, 1.1],
      [17.5, 18, 0.5],
      [18, 20, 0.12],
      [20, 22.5, 0.15],
      [22.5, 23.5, 0.03],
    ],
    off: [
      [9, 12, 0.08],
      [14, 18, 0.08],
      [20, 22.5, 0.08],
    ],
  },
  chat: {
    work: [
      [0, 1, 0.03],
      [6.5, 8.5, 0.25],
      [8.5, 12, 1],
      [12, 13.5, 0.45],
      [13.5, 18, 1],
      [18, 20, 0.25],
      [20, 21, 0.3],
      [21, 22.5, 0.4],
      [22.5, 24, 0.08],
    ],
    off: [
      [0, 1, 0.02],
      [8, 12, 0.14],
      [12, 14, 0.08],
      [14, 18, 0.14],
      [18, 22.5, 0.16],
      [22.5, 24, 0.04],
    ],
  },
};

function halfHourWeights(shape: number[][]): number[] {
  const out = new Array<number>(48).fill(0);
  for (const [from, to, w] of shape) {
    for (let h = (from as number) * 2; h < (to as number) * 2; h++) out[h] = w as number;
  }
  return out;
}

/** The clock of one simulated week: its bounds, its working days and time samplers. */
export interface WeekClock {
  /** UTC ms of Monday 00:00 local (inclusive) and of the next Monday (exclusive). */
  start: number;
  end: number;
  week: string;
  /** Per day 0..6 (Monday first): whether it is a working day. */
  workdays: boolean[];
  /** A second-aligned time drawn from the profile's distribution over the week. */
  sample(rng: Prng, profile: TimeProfile): number;
  /** A second-aligned time on a working day between two local minutes of the day (e.g. 510 = 08:30). */
  sampleWorkday(rng: Prng, fromMinute: number, toMinute: number): number;
}

export function createWeekClock(start: number): WeekClock {
  const workdays: boolean[] = [];
  for (let d = 0; d < 7; d++) workdays.push(chineseDays.isWorkday(localDate(start + d * DAY)));
  const cumulative = new Map<TimeProfile, Float64Array>();
  for (const profile of ['office', 'chat'] as const) {
    const work = halfHourWeights(SHAPES[profile].work);
    const off = halfHourWeights(SHAPES[profile].off);
    const cum = new Float64Array(7 * 48);
    let total = 0;
    for (let i = 0; i < cum.length; i++) {
      total += ((workdays[Math.floor(i / 48)] ? work : off)[i % 48] as number) || 0;
      cum[i] = total;
    }
    cumulative.set(profile, cum);
  }
  // With no working day at all (a holiday week) official work still happens on Monday–Friday.
  const workdayIndexes = workdays.flatMap((w, i) => (w ? [i] : []));
  const dutyDays = workdayIndexes.length > 0 ? workdayIndexes : [0, 1, 2, 3, 4];

  return {
    start,
    end: start + WEEK,
    week: isoWeekName(start),
    workdays,
    sample(rng, profile) {
      const cum = cumulative.get(profile) as Float64Array;
      const r = rng.next() * (cum[cum.length - 1] as number);
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cum[mid] as number) > r) hi = mid;
        else lo = mid + 1;
      }
      return start + lo * 30 * MINUTE + rng.int(0, 30 * 60 - 1) * 1000;
    },
    sampleWorkday(rng, fromMinute, toMinute) {
      const day = rng.pick(dutyDays);
      return start + day * DAY + fromMinute * MINUTE + rng.int(0, (toMinute - fromMinute) * 60 - 1) * 1000;
    },
  };
}
