import { analyseContractWeek } from '../analysis/analyse-contract-week.js';
import type { StoredWeekAnalysis } from '../analysis/analyse-stored-week.js';
import { shiftWeek, weekBounds } from '../calendar/weeks.js';
import type { Config } from '../config/schema.js';
import type { StoreReads } from '../store/contract.js';
import { recommend } from './recommend.js';
import type { Recommendation } from './recommendation.js';
import { summariseWeekEvidence, type WeekEvidence } from './week-evidence.js';

/**
 * recommendStoredWeek over the async store contract: the evidence of the `recommend.windowWeeks` − 1
 * weeks before (newest first, stopping before the first stored message), analysed one week at a time
 * (each earlier week is loaded, reduced to its summary and dropped before the next is loaded).
 */
export async function recommendContractWeek(
  reads: StoreReads,
  config: Config,
  week: string,
  analysis: StoredWeekAnalysis,
): Promise<Recommendation[]> {
  const history = await reads.readRecommendationHistory();
  const { first } = await reads.readMessageSpan();
  const earlier: WeekEvidence[] = [];
  if (first !== null) {
    for (let i = 1; i < config.recommend.windowWeeks; i++) {
      const w = shiftWeek(week, -i, config.timezone);
      if (weekBounds(w, config.timezone).to <= first) break;
      const { data, findings } = await analyseContractWeek(reads, config, w);
      earlier.push(summariseWeekEvidence(data, findings, config.recommend));
    }
  }
  return recommend({ data: analysis.data, findings: analysis.findings, config, history, earlier });
}
