import { analyseStoredWeek, type StoredWeekAnalysis } from '../analysis/analyse-stored-week.js';
import type { Config } from '../config/schema.js';
import { readRecommendationHistory } from '../store/recommendation-status.js';
import type { Store } from '../store/store.js';
import { recommend } from './recommend.js';
import type { Recommendation } from './recommendation.js';

export interface StoredWeekRecommendations {
  analysis: StoredWeekAnalysis;
  recommendations: Recommendation[];
}

/**
 * The week's recommendations with the statuses owners gave earlier: analyses the week from the
 * store (or takes an analysis already made) and reads the status history. Reads only.
 */
export function recommendStoredWeek(
  store: Store,
  config: Config,
  week: string,
  analysis: StoredWeekAnalysis = analyseStoredWeek(store, config, week),
): StoredWeekRecommendations {
  const recommendations = recommend({
    data: analysis.data,
    findings: analysis.findings,
    config,
    history: readRecommendationHistory(store),
  });
  return { analysis, recommendations };
}
