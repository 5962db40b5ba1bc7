import { shiftWeek, weekBounds, weekOf } from '../calendar/weeks.js';
import { createWorkCalendar } from '../calendar/work-calendar.js';
import type { Config } from '../config/schema.js';
import type { StoreReads } from '../store/contract.js';
import type { StoredWeekAnalysis } from './analyse-stored-week.js';
import { analyseWeek } from './registry.js';
import { MIN_REQUEST_LENGTH } from './repeated/request-part.js';
import type { StoredWeekSpan } from './stored-weeks.js';
import { summarisePreviousWeek } from './summarise-previous-week.js';

/**
 * analyseStoredWeek over the async store contract (src/store/contract.ts), for either engine: the
 * same loads in the same order, then the same pure detectors. Kept step for step equal to
 * analyse-stored-week.ts and stored-weeks.ts (the report equality test runs both engines).
 */
export async function analyseContractWeek(
  reads: StoreReads,
  config: Config,
  week: string,
): Promise<StoredWeekAnalysis> {
  const bounds = weekBounds(week, config.timezone);
  const calendar = createWorkCalendar(config);
  const data = await reads.loadWeekData(bounds);
  const lookbackDays = config.analysis.repeatedRequests.windowDays;
  data.lookback = await reads.readRequestTexts(
    bounds.from - lookbackDays * 86_400_000,
    bounds.from,
    MIN_REQUEST_LENGTH,
  );
  const findings = analyseWeek({ data, config, calendar });
  const previousWeek = shiftWeek(week, -1, config.timezone);
  const prevBounds = weekBounds(previousWeek, config.timezone);
  const times = await reads.readMessageTimes(prevBounds.from, prevBounds.to);
  const previous = times.times.length > 0 ? summarisePreviousWeek(previousWeek, times, calendar) : null;
  return { data, findings, previous };
}

export async function contractWeekSpan(reads: StoreReads, timezone: string): Promise<StoredWeekSpan> {
  const { first, last } = await reads.readMessageSpan();
  return {
    firstWeek: first === null ? null : weekOf(first, timezone),
    lastWeek: last === null ? null : weekOf(last, timezone),
  };
}

/** As defaultReportWeek. */
export async function contractDefaultWeek(reads: StoreReads, timezone: string, now: number): Promise<string> {
  const current = weekOf(now, timezone);
  const { lastWeek } = await contractWeekSpan(reads, timezone);
  if (lastWeek === null) return shiftWeek(current, -1, timezone);
  return lastWeek < current ? lastWeek : shiftWeek(current, -1, timezone);
}

export async function contractWeekHasMessages(
  reads: StoreReads,
  week: string,
  timezone: string,
): Promise<boolean> {
  const { from, to } = weekBounds(week, timezone);
  return reads.hasMessagesBetween(from, to);
}
