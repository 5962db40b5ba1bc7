import { analyseStoredWeek, type StoredWeekAnalysis } from '../analysis/analyse-stored-week.js';
import { shiftWeek, weekBounds } from '../calendar/weeks.js';
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import { recommend } from './recommend.js';
import type { Recommendation } from './recommendation.js';
import { summariseWeekEvidence, type WeekEvidence } from './week-evidence.js';

export interface StoredWeekRecommendations {
  analysis: StoredWeekAnalysis;
  recommendations: Recommendation[];
}

/** A week's evidence summary; callers that cache (the dashboard, the evaluation) pass their own. */
export type EvidenceOf = (week: string) => WeekEvidence;

/** Analyses a week from the store and keeps only its evidence summary. */
export function storedWeekEvidence(store: Store, config: Config, week: string): WeekEvidence {
  const { data, findings } = analyseStoredWeek(store, config, week);
  return summariseWeekEvidence(data, findings, config.recommend);
}

/**
 * The evidence of the `recommend.windowWeeks` − 1 weeks before `week`, newest first, skipping weeks
 * before the first stored message (nothing to judge there). Each earlier week is analysed from the
 * store like the week itself (all SQL stays in src/store), then reduced to its compact summary.
 */
export function loadEarlierEvidence(
  store: Store,
  config: Config,
  week: string,
  evidenceOf: EvidenceOf = (w) => storedWeekEvidence(store, config, w),
): WeekEvidence[] {
  const { first } = store.messages.span();
  const out: WeekEvidence[] = [];
  if (first === null) return out;
  for (let i = 1; i < config.recommend.windowWeeks; i++) {
    const earlier = shiftWeek(week, -i, config.timezone);
    if (weekBounds(earlier, config.timezone).to <= first) break;
    out.push(evidenceOf(earlier));
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
  evidenceOf?: EvidenceOf,
): StoredWeekRecommendations {
  const recommendations = recommend({
    data: analysis.data,
    findings: analysis.findings,
    config,
    history: store.recommendations.history(),
    earlier: loadEarlierEvidence(store, config, week, evidenceOf),
  });
  return { analysis, recommendations };
}
