import type { SyncWeekSource, WeekSource, WeekSourceStamp } from '../model/week-source.js';
import type { Store } from './store.js';

/**
 * The SQLite WeekSource: the store's synchronous reads behind the async interface (`sync` answers
 * the same reads at once, for callers that are not async yet).
 */
export class SqliteWeekSource implements WeekSource {
  readonly sync: SyncWeekSource;

  constructor(readonly store: Store) {
    this.sync = {
      stamp: (): WeekSourceStamp => {
        const { messages, snapshots, events, groups, statuses } = store.stats.dataStamp();
        return { data: `${messages}:${snapshots}:${events}:${groups}`, statuses };
      },
      weekData: (range, lookbackFrom, minRequestLength) => {
        const data = store.weekData.load(range);
        data.lookback = store.messages.requestTexts(lookbackFrom, range.from, minRequestLength);
        return data;
      },
      messageTimes: (from, to) => store.messages.times(from, to),
      recommendationHistory: () => store.recommendations.history(),
      messageSpan: () => store.messages.span(),
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
