import type { Contact } from './contact.js';
import type { Group } from './group.js';
import type { StoredMessage } from './message.js';

/** A text message long enough to carry a request: what the repeated-requests window reads before the week. */
export interface RequestText {
  id: string;
  groupId: string;
  senderId: string | null;
  time: number;
  text: string;
}

/** One ISO week and its [from, to) in UTC epoch ms (src/calendar/weeks.ts computes it). */
export interface WeekRange {
  /** ISO week, 'YYYY-Www'. */
  week: string;
  from: number;
  to: number;
}

/**
 * The minimum needed for week-over-week comparisons (volume, off-hours, @所有人) without loading
 * whole messages: columnar arrays of group, time and mention-all.
 */
export interface MessageTimes {
  groupIds: string[];
  times: Float64Array;
  mentionAll: Uint8Array;
}

export interface MessageSpan {
  /** UTC epoch ms of the earliest and latest stored message, or null when none is stored. */
  first: number | null;
  last: number | null;
}

/**
 * Everything a detector may read about one ISO week, loaded once from the store by
 * `loadWeekData` (src/store/load-week-data.ts). Detectors never query the store themselves.
 */
export interface WeekData {
  /** ISO week, e.g. '2026-W47', in the configured timezone. */
  week: string;
  /** [from, to): UTC epoch ms of Monday 00:00 and the next Monday 00:00, local time. */
  from: number;
  to: number;
  /** The week's messages of every group, sorted by time then rowId. */
  messages: StoredMessage[];
  /** Groups seen before the end of the week. */
  groups: Group[];
  /** Group id → member ids in the latest snapshot taken before the end of the week. */
  members: Map<string, string[]>;
  contacts: Map<string, Contact>;
  /** Group id → time of its latest human (non-system, non-recalled) message before `to`, if any. */
  lastHumanMessageAt: Map<string, number>;
  /**
   * Messages of the `analysis.repeatedRequests.windowDays` days before `from`, for detectors whose
   * window reaches back (repeated requests). Loaded by the week source (src/store/week-source.ts, src/store/postgres/pg-store.ts); absent means none.
   */
  lookback?: RequestText[];
}
