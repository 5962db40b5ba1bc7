/**
 * Analysing and recommending one stored week, synchronously over SQLite: for the callers that hold a
 * Store and want one answer (scripts, the evaluation, tests). Everything that answers more than one
 * question about a week goes through the week-analysis service (week-analyses.ts) instead, which
 * keeps what it computed.
 */
import { analyseReadWeek, type StoredWeekAnalysis, weekReads } from '../analysis/week-analysis.js';
import { shiftWeek, weekBounds } from '../analysis/week-bounds.js';
import type { Config } from '../config/schema.js';
import type { MessageSpan } from '../model/week-data.js';
import type { SyncWeekSource } from '../model/week-source.js';
import { recommend } from '../recommend/recommend.js';
import type { Recommendation } from '../recommend/recommendation.js';
import { summariseWeekEvidence, type WeekEvidence } from '../recommend/week-evidence.js';
import type { Store } from '../store/store.js';
import { SqliteWeekSource } from '../store/week-source.js';

export type { StoredWeekAnalysis };

export interface StoredWeekRecommendations {
  analysis: StoredWeekAnalysis;
  recommendations: Recommendation[];
}

/** A week's evidence summary; callers that cache (the dashboard, the evaluation) pass their own. */
export type EvidenceOf = (week: string) => WeekEvidence;

/** Reads `week` from a synchronous source and runs every detector over it, plus last week's totals. */
export function analyseWeekFrom(source: SyncWeekSource, config: Config, week: string): StoredWeekAnalysis {
  const reads = weekReads(config, week);
  const data = source.weekData(reads.range, reads.lookbackFrom, reads.minRequestLength);
  const times = source.messageTimes(reads.previous.from, reads.previous.to);
  return analyseReadWeek(config, reads, data, times);
}

/**
 * Loads a week from the store and runs every detector over it, plus last week's totals. Each call
 * analyses again: callers answering several questions use the week-analysis service.
 */
export function analyseStoredWeek(store: Store, config: Config, week: string): StoredWeekAnalysis {
  return analyseWeekFrom(new SqliteWeekSource(store).sync, config, week);
}

/** Analyses a week from the store and keeps only its evidence summary. */
export function storedWeekEvidence(store: Store, config: Config, week: string): WeekEvidence {
  const { data, findings } = analyseStoredWeek(store, config, week);
  return summariseWeekEvidence(data, findings, config.recommend);
}

/**
 * The weeks of the evidence window before `week` (`recommend.windowWeeks` − 1 of them), newest
 * first, stopping at the week of the first stored message (nothing to judge before it).
 */
export function earlierWeeks(config: Config, week: string, span: MessageSpan): string[] {
  const out: string[] = [];
  const { first } = span;
  if (first === null) return out;
  for (let i = 1; i < config.recommend.windowWeeks; i++) {
    const earlier = shiftWeek(week, -i, config.timezone);
    if (weekBounds(earlier, config.timezone).to <= first) break;
    out.push(earlier);
  }
  return out;
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
  return earlierWeeks(config, week, new SqliteWeekSource(store).sync.messageSpan()).map(evidenceOf);
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
    history: new SqliteWeekSource(store).sync.recommendationHistory(),
    earlier: loadEarlierEvidence(store, config, week, evidenceOf),
  });
  return { analysis, recommendations };
}
