import type { SyncWeekSource, WeekSource, WeekSourceStamp } from '../model/week-source.js';
import { loadWeekData } from './load-week-data.js';
import { readDataStamp } from './read-data-stamp.js';
import { readMessageSpan } from './read-message-span.js';
import { readMessageTimes } from './read-message-times.js';
import { readRequestTexts } from './read-request-texts.js';
import { readRecommendationHistory } from './recommendation-status.js';
import type { Store } from './store.js';

/**
 * The SQLite WeekSource: today's synchronous reads behind the async interface (`sync` answers the
 * same reads at once, for callers that are not async yet).
 */
export class SqliteWeekSource implements WeekSource {
  readonly sync: SyncWeekSource;

  constructor(readonly store: Store) {
    this.sync = {
      stamp: (): WeekSourceStamp => {
        const { messages, snapshots, events, groups, statuses } = readDataStamp(store);
        return { data: `${messages}:${snapshots}:${events}:${groups}`, statuses };
      },
      weekData: (range, lookbackFrom, minRequestLength) => {
        const data = loadWeekData(store, range);
        data.lookback = readRequestTexts(store, lookbackFrom, range.from, minRequestLength);
        return data;
      },
      messageTimes: (from, to) => readMessageTimes(store, from, to),
      recommendationHistory: () => readRecommendationHistory(store),
      messageSpan: () => readMessageSpan(store),
    };
  }

  async stamp() {
    return this.sync.stamp();
  }
  async weekData(...args: Parameters<SyncWeekSource['weekData']>) {
    return this.sync.weekData(...args);
  }
  async messageTimes(from: number, to: number) {
    return this.sync.messageTimes(from, to);
  }
  async recommendationHistory() {
    return this.sync.recommendationHistory();
  }
  async messageSpan() {
    return this.sync.messageSpan();
  }
}
