/**
 * What analysing and recommending one week reads from storage, as one small async interface: the
 * week-analysis service (src/app/week-analyses.ts) runs the pure, synchronous detectors and
 * `recommend` over what these return. SQLite implements it in src/store/week-source.ts; another
 * engine (PostgreSQL) implements the same methods. Reads only.
 */
import type { RecommendationHistoryEntry } from './recommendation-status.js';
import type { MessageSpan, MessageTimes, WeekData, WeekRange } from './week-data.js';

/**
 * A cheap fingerprint of the stored data, compared before every cached answer is reused. `data`
 * changes with new messages, rosters, room events or groups (what an analysis reads); `statuses`
 * changes when an owner answers a recommendation (what recommendations read besides the analysis).
 */
export interface WeekSourceStamp {
  data: string;
  statuses: string;
}

export interface WeekSource {
  /** The current stamp: cheap (index look-ups and counts over small tables). */
  stamp(): Promise<WeekSourceStamp>;
  /**
   * Everything the detectors read about `range` (see WeekData), with `lookback` set to the text
   * messages of [lookbackFrom, range.from) at least `minRequestLength` characters long.
   */
  weekData(range: WeekRange, lookbackFrom: number, minRequestLength: number): Promise<WeekData>;
  /** Group, time and mention-all of every message in [from, to): last week's comparison figures. */
  messageTimes(from: number, to: number): Promise<MessageTimes>;
  /** Every stored recommendation status, by recommendation id (the `history` input of recommend). */
  recommendationHistory(): Promise<Map<string, RecommendationHistoryEntry>>;
  /** The span of stored messages: where the evidence window of earlier weeks stops. */
  messageSpan(): Promise<MessageSpan>;
}

/**
 * The same reads answered at once, for an engine that can (SQLite): lets the callers that are still
 * synchronous (the private-chat commands, the dashboard) share the one cache with the async ones.
 */
export interface SyncWeekSource {
  stamp(): WeekSourceStamp;
  weekData(range: WeekRange, lookbackFrom: number, minRequestLength: number): WeekData;
  messageTimes(from: number, to: number): MessageTimes;
  recommendationHistory(): Map<string, RecommendationHistoryEntry>;
  messageSpan(): MessageSpan;
}
