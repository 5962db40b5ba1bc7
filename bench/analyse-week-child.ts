/**
 * Child process of the analysis benchmark: what `qingqun report --week W` does on DB — load the
 * week, run every detector, last week's totals, build the report (timed together: the figure), then
 * render it as text (timed apart) — and one JSON line on stdout with the times and this process's
 * peak RSS. Run alone, in its own process, so the peak belongs to the analysis and nothing else.
 *
 *   node --import tsx bench/analyse-week-child.ts DB WEEK [--phases]
 *
 * `--phases` times each step (loading, each detector, the report) instead; add `--cpu-prof` to node
 * for a profile.
 */
import { analyseStoredWeek } from '../src/analysis/analyse-stored-week.js';
import { DETECTORS } from '../src/analysis/registry.js';
import { summarisePreviousWeek } from '../src/analysis/summarise-previous-week.js';
import type { WeekData } from '../src/analysis/week-data.js';
import { buildWeeklyReport, type WeeklyReport } from '../src/analysis/weekly-report.js';
import { shiftWeek, weekBounds } from '../src/calendar/weeks.js';
import { createWorkCalendar } from '../src/calendar/work-calendar.js';
import { configSchema } from '../src/config/schema.js';
import { renderReport } from '../src/render/render-report.js';
import { Store } from '../src/store/store.js';
import { startTiming } from './timed.js';

export interface AnalysisChildResult {
  messages: number;
  groups: number;
  /** Analysis and report, without rendering. */
  seconds: number;
  cpuSeconds: number;
  renderSeconds: number;
  maxRssMb: number;
  /** Step → seconds (wall), with `--phases` only. */
  phases?: Record<string, number>;
}

const [db, week, flag] = process.argv.slice(2);
if (!db || !week) throw new Error('usage: analyse-week-child.ts DB WEEK [--phases]');
const config = configSchema.parse({});
const store = new Store(db, { readonly: true });
try {
  const stop = startTiming();
  const { report, contacts, phases } = flag === '--phases' ? inPhases(store, week) : whole(store, week);
  const timing = stop();
  const stopRender = startTiming();
  renderReport(report, { format: 'text', locale: config.locale, contacts });
  const renderSeconds = stopRender().seconds;
  const result: AnalysisChildResult = {
    messages: report.totals.messages,
    groups: report.totals.groups,
    ...timing,
    renderSeconds,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    ...(phases ? { phases } : {}),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  store.close();
}

interface Analysed {
  report: WeeklyReport;
  contacts: WeekData['contacts'];
  phases?: Record<string, number>;
}

function whole(store: Store, week: string): Analysed {
  const { data, findings, previous } = analyseStoredWeek(store, config, week);
  const report = buildWeeklyReport({ data, findings, previous, timezone: config.timezone });
  return { report, contacts: data.contacts };
}

/** The same steps as `whole` (analyseStoredWeek's, unrolled), each timed. */
function inPhases(store: Store, week: string): Analysed {
  const phases: Record<string, number> = {};
  const step = <T>(name: string, work: () => T): T => {
    const stop = startTiming();
    const value = work();
    phases[name] = stop().seconds;
    return value;
  };
  const calendar = createWorkCalendar(config);
  const data = step('loadWeekData', () => store.weekData.load(weekBounds(week, config.timezone)));
  const findings: Record<string, unknown> = {};
  for (const detector of DETECTORS) {
    findings[detector.name] = step(detector.name, () => detector.run({ data, config, calendar }, findings));
  }
  const previous = step('previousWeek', () => {
    const previousWeek = shiftWeek(week, -1, config.timezone);
    const { from, to } = weekBounds(previousWeek, config.timezone);
    const times = store.messages.times(from, to);
    return times.times.length > 0 ? summarisePreviousWeek(previousWeek, times, calendar) : null;
  });
  const report = step('buildWeeklyReport', () =>
    buildWeeklyReport({
      data,
      findings: findings as ReturnType<typeof analyseStoredWeek>['findings'],
      previous,
      timezone: config.timezone,
    }),
  );
  return { report, contacts: data.contacts, phases };
}
