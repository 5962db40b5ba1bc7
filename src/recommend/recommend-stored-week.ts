import { analyseStoredWeek, type StoredWeekAnalysis } from '../analysis/analyse-stored-week.js';
import { shiftWeek, weekBounds } from '../analysis/week-bounds.js';
import type { Config } from '../config/schema.js';
import { readMessageSpan } from '../store/read-message-span.js';
import { readRecommendationHistory } from '../store/recommendation-status.js';
import type { Store } from '../store/store.js';
import { recommend } from './recommend.js';
import type { Recommendation } from './recommendation.js';
import { summariseWeekEvidence, type WeekEvidence } from './week-evidence.js';

export interface StoredWeekRecommendations {
  analysis: StoredWeekAnalysis;
  recommendations: Recommendation[];
}

/** How a caller that caches analyses (the dashboard) lends them to the window. */
export type AnalyseWeek = (week: string) => StoredWeekAnalysis;

/**
 * The evidence of the `recommend.windowWeeks` − 1 weeks before `week`, newest first, skipping weeks
 * before the first stored message (nothing to judge there). Each earlier week is analysed from the
 * store like the week itself (all SQL stays in src/store), then reduced to its compact summary.
 */
export function loadEarlierEvidence(
  store: Store,
  config: Config,
  week: string,
  analyse: AnalyseWeek = (w) => analyseStoredWeek(store, config, w),
): WeekEvidence[] {
  const { first } = readMessageSpan(store);
  const out: WeekEvidence[] = [];
  if (first === null) return out;
  for (let i = 1; i < config.recommend.windowWeeks; i++) {
    const earlier = shiftWeek(week, -i, config.timezone);
    if (weekBounds(earlier, config.timezone).to <= first) break;
    const { data, findings } = analyse(earlier);
    out.push(summariseWeekEvidence(data, findings, config.recommend));
  }
  return out;
}

/**
 * The week's recommendations with the statuses owners gave earlier: analyses the week from the
 * store (or takes an analysis already made), the weeks of the evidence window before it, and reads
 * the status history. Reads only.
 */
export function recommendStoredWeek(
  store: Store,
  config: Config,
  week: string,
  analysis: StoredWeekAnalysis = analyseStoredWeek(store, config, week),
  analyse?: AnalyseWeek,
): StoredWeekRecommendations {
  const recommendations = recommend({
    data: analysis.data,
    findings: analysis.findings,
    config,
    history: readRecommendationHistory(store),
    earlier: loadEarlierEvidence(store, config, week, analyse),
  });
  return { analysis, recommendations };
}
