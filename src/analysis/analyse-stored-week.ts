import { shiftWeek, weekBounds } from '../calendar/weeks.js';
import { createWorkCalendar } from '../calendar/work-calendar.js';
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import { analyseWeek, type WeekFindings } from './registry.js';
import { MIN_REQUEST_LENGTH } from './repeated/request-part.js';
import { summarisePreviousWeek } from './summarise-previous-week.js';
import type { WeekData } from './week-data.js';
import type { PreviousWeek } from './weekly-report.js';

export interface StoredWeekAnalysis {
  data: WeekData;
  findings: WeekFindings;
  previous: PreviousWeek | null;
}

/**
 * Loads a week from the store and runs every detector over it, plus last week's totals. The one
 * place that joins the store to the (pure) detectors; CLI commands, digests and the dashboard call it.
 */
export function analyseStoredWeek(store: Store, config: Config, week: string): StoredWeekAnalysis {
  const bounds = weekBounds(week, config.timezone);
  const calendar = createWorkCalendar(config);
  const data = store.weekData.load(bounds);
  // The days before the week that the repeated-requests window reaches back to.
  const lookbackDays = config.analysis.repeatedRequests.windowDays;
  data.lookback = store.messages.requestTexts(
    bounds.from - lookbackDays * 86_400_000,
    bounds.from,
    MIN_REQUEST_LENGTH,
  );
  const findings = analyseWeek({ data, config, calendar });
  const previousWeek = shiftWeek(week, -1, config.timezone);
  const prevBounds = weekBounds(previousWeek, config.timezone);
  const times = store.messages.times(prevBounds.from, prevBounds.to);
  const previous = times.times.length > 0 ? summarisePreviousWeek(previousWeek, times, calendar) : null;
  return { data, findings, previous };
}
