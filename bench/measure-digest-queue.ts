import { buildWeeklyReport } from '../src/analysis/weekly-report.js';
import { buildWeeklyOwnerDigests, outboxOnlyQueue, queueOwnerDigests } from '../src/app/weekly-deliveries.js';
import { configSchema } from '../src/config/schema.js';
import { withRecommendations } from '../src/recommend/with-recommendations.js';
import { renderReport } from '../src/render/render-report.js';
import { Store } from '../src/store/store.js';
import { WeekAnalyses, type WeekAnalysisCounts } from '../src/weeks/week-analyses.js';
import { startTiming, type Timing } from './timed.js';

export interface DigestQueueMeasurement {
  owners: number;
  /** `qingqun report` of the week: analysed, recommended, built and rendered as text. */
  report: Timing;
  /** `qingqun digest` of the same week: every owner's digest built (with its chart) and queued. */
  digestQueue: Timing;
  /** digestQueue.seconds / report.seconds (issue 16: at most about 2). */
  ratio: number;
  /** What the week-analysis service computed for each (the test's bound, without timing). */
  counts: { report: WeekAnalysisCounts; digestQueue: WeekAnalysisCounts };
}

/**
 * Queueing every owner's digest of `week` beside one report of it, each with a fresh week-analysis
 * service (as the two commands run). Queueing writes the outbox of `dbPath`.
 */
export function measureDigestQueue(dbPath: string, week: string): DigestQueueMeasurement {
  const config = configSchema.parse({});
  const store = new Store(dbPath);
  try {
    const stopReport = startTiming();
    const reportWeeks = WeekAnalyses.forStore(store, config);
    const { data, findings, previous } = reportWeeks.analysisNow(week);
    const built = buildWeeklyReport({ data, findings, previous, timezone: config.timezone });
    const report = withRecommendations(built, reportWeeks.recommendationsNow(week));
    renderReport(report, { format: 'text', locale: config.locale, contacts: data.contacts });
    const reportTiming = stopReport();

    const stopQueue = startTiming();
    const queueWeeks = WeekAnalyses.forStore(store, config);
    const now = Date.now();
    const digests = buildWeeklyOwnerDigests(store, config, week, { analyses: queueWeeks });
    queueOwnerDigests(store, config, outboxOnlyQueue(store, now), week, now, { digests });
    const queueTiming = stopQueue();
    return {
      owners: digests.length,
      report: reportTiming,
      digestQueue: queueTiming,
      ratio: queueTiming.seconds / reportTiming.seconds,
      counts: { report: { ...reportWeeks.counts }, digestQueue: { ...queueWeeks.counts } },
    };
  } finally {
    store.close();
  }
}
