import type { Config } from '../config/schema.js';
import type { MessageTimes, WeekData, WeekRange } from '../model/week-data.js';
import { analyseWeek, type WeekFindings } from './registry.js';
import { MIN_REQUEST_LENGTH } from './repeated/request-part.js';
import { summarisePreviousWeek } from './summarise-previous-week.js';
import { shiftWeek, weekBounds } from './week-bounds.js';
import type { PreviousWeek } from './weekly-report.js';
import { createWorkCalendar } from './work-calendar.js';

/** One week analysed: its data, every detector's findings, and last week's totals (null: no data). */
export interface StoredWeekAnalysis {
  data: WeekData;
  findings: WeekFindings;
  previous: PreviousWeek | null;
}

/** What to read for analysing `week`: the week, where its lookback starts, and the week before. */
export interface WeekReads {
  range: WeekRange;
  /** Start of the days before the week the repeated-requests window reaches back to. */
  lookbackFrom: number;
  minRequestLength: number;
  previous: WeekRange;
}

export function weekReads(config: Config, week: string): WeekReads {
  const range = weekBounds(week, config.timezone);
  const lookbackDays = config.analysis.repeatedRequests.windowDays;
  return {
    range,
    lookbackFrom: range.from - lookbackDays * 86_400_000,
    minRequestLength: MIN_REQUEST_LENGTH,
    previous: weekBounds(shiftWeek(week, -1, config.timezone), config.timezone),
  };
}

/**
 * Runs every detector over a week already read (`data`, with its lookback) and sums up last week
 * from its message times. Pure and synchronous: the week-analysis service (src/weeks/) does the reads.
 */
export function analyseReadWeek(
  config: Config,
  reads: WeekReads,
  data: WeekData,
  previousTimes: MessageTimes,
): StoredWeekAnalysis {
  const calendar = createWorkCalendar(config);
  const findings = analyseWeek({ data, config, calendar });
  const previous =
    previousTimes.times.length > 0
      ? summarisePreviousWeek(reads.previous.week, previousTimes, calendar)
      : null;
  return { data, findings, previous };
}
