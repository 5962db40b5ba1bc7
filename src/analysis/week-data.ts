import type { Contact } from '../model/contact.js';
import type { Group } from '../model/group.js';
import type { StoredMessage } from '../model/message.js';
import type { RequestText } from './repeated/repeated-request.js';

/**
 * Everything a detector may read about one ISO week, loaded once from the store by
 * `store.weekData.load` (src/store/week-data.ts). Detectors never query the store themselves.
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
   * window reaches back (repeated requests). Loaded by analyseStoredWeek; absent means none.
   */
  lookback?: RequestText[];
}
