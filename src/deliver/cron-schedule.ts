import { DateTime } from 'luxon';
import { parse } from 'node-cron';

/** How a job's runs are told apart: by ISO week, by local day, or by the fire time itself. */
export type PeriodGranularity = 'week' | 'day' | 'fire';

/** Far enough back for any expression node-cron accepts (29 February recurs within 8 years). */
const MAX_DAYS_BACK = 8 * 366 + 1;

function numbers(field: string, values: readonly (number | string)[]): number[] {
  if (values.some((v) => typeof v !== 'number')) {
    throw new Error(`cron ${field}: special tokens (L, W, #) are not supported in qingqun schedules`);
  }
  return [...(values as number[])].sort((a, b) => a - b);
}

/**
 * A node-cron expression evaluated in a timezone, for computing fire times on any clock (real or
 * simulated). Parsing is node-cron's own; matching follows node-cron: day-of-month AND day-of-week
 * must both match. Local times that do not exist (a DST gap) never fire.
 */
export class CronSchedule {
  readonly granularity: PeriodGranularity;
  private readonly seconds: number[];
  private readonly minutes: number[];
  private readonly hours: number[];
  private readonly days: Set<number>;
  private readonly months: Set<number>;
  /** 0 = Sunday … 6 = Saturday, as in cron. */
  private readonly weekdays: Set<number>;

  constructor(
    readonly expression: string,
    readonly timezone: string,
  ) {
    if (!DateTime.now().setZone(timezone).isValid) throw new Error(`unknown timezone: ${timezone}`);
    const f = parse(expression);
    this.seconds = numbers('second', f.second);
    this.minutes = numbers('minute', f.minute);
    this.hours = numbers('hour', f.hour);
    this.days = new Set(numbers('day of month', f.dayOfMonth));
    this.months = new Set(numbers('month', f.month));
    this.weekdays = new Set(numbers('day of week', f.dayOfWeek));
    const oncePerDay = this.seconds.length * this.minutes.length * this.hours.length === 1;
    const everyDayOfMonth = this.days.size === 31 && this.months.size === 12;
    this.granularity =
      oncePerDay && everyDayOfMonth && this.weekdays.size === 1 ? 'week' : oncePerDay ? 'day' : 'fire';
  }

  /** Fire times t with from < t ≤ to, ascending (ms since epoch). */
  firesBetween(from: number, to: number): number[] {
    const fires: number[] = [];
    let day = this.localDay(from);
    while (day.toMillis() <= to) {
      for (const t of this.firesOn(day)) if (t > from && t <= to) fires.push(t);
      day = day.plus({ days: 1 });
    }
    return fires;
  }

  /** The last fire time at or before `t`, if there was one in the last eight years. */
  latestFireAtOrBefore(t: number): number | undefined {
    let day = this.localDay(t);
    for (let i = 0; i < MAX_DAYS_BACK; i++) {
      const fires = this.firesOn(day).filter((f) => f <= t);
      if (fires.length > 0) return fires[fires.length - 1];
      day = day.minus({ days: 1 });
    }
    return undefined;
  }

  /** The first fire time after `t`, if there is one within eight years. */
  nextFireAfter(t: number): number | undefined {
    let day = this.localDay(t);
    for (let i = 0; i < MAX_DAYS_BACK; i++) {
      const fire = this.firesOn(day).find((f) => f > t);
      if (fire !== undefined) return fire;
      day = day.plus({ days: 1 });
    }
    return undefined;
  }

  /**
   * The calendar period containing `t` at this schedule's granularity, in local time:
   * '2026-W48' (ISO week), '2026-11-23', or '2026-11-23T09:00' (seconds added when the
   * expression has a seconds field other than 0).
   */
  periodOf(t: number): string {
    const local = DateTime.fromMillis(t, { zone: this.timezone });
    if (this.granularity === 'week') return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
    if (this.granularity === 'day') return local.toISODate() as string;
    const withSeconds = this.seconds.length > 1 || this.seconds[0] !== 0;
    return local.toFormat(withSeconds ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
  }

  private localDay(t: number): DateTime {
    return DateTime.fromMillis(t, { zone: this.timezone }).startOf('day');
  }

  /** This schedule's fire times on one local day, ascending. */
  private firesOn(day: DateTime): number[] {
    if (!this.months.has(day.month) || !this.days.has(day.day) || !this.weekdays.has(day.weekday % 7))
      return [];
    const fires: number[] = [];
    for (const hour of this.hours) {
      for (const minute of this.minutes) {
        for (const second of this.seconds) {
          const at = day.set({ hour, minute, second, millisecond: 0 });
          // In a DST gap luxon moves the time forward; such a local time does not exist.
          if (at.hour === hour && at.minute === minute && at.second === second) fires.push(at.toMillis());
        }
      }
    }
    return fires;
  }
}
