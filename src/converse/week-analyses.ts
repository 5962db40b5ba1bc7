import { analyseStoredWeek, type StoredWeekAnalysis } from '../analysis/analyse-stored-week.js';
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';

/**
 * Analysed weeks kept for the private-chat commands, so that a cadre asking 我的群 then 静音建议
 * (four weeks each) does not run the detectors eight times. The whole cache is dropped as soon as
 * the store holds new messages, rosters, room events or groups (Stats.dataStamp), so an answer never
 * rests on an analysis older than the data. At most `max` weeks are kept, least recently used out.
 */
export class WeekAnalyses {
  private readonly entries = new Map<string, StoredWeekAnalysis>();
  private stamp = '';

  constructor(
    readonly store: Store,
    readonly config: Config,
    private readonly max = 12,
  ) {}

  get(week: string): StoredWeekAnalysis {
    const { messages, snapshots, events, groups } = this.store.stats.dataStamp();
    const stamp = `${messages}:${snapshots}:${events}:${groups}`;
    if (stamp !== this.stamp) {
      this.entries.clear();
      this.stamp = stamp;
    }
    const hit = this.entries.get(week);
    if (hit) {
      this.entries.delete(week);
      this.entries.set(week, hit);
      return hit;
    }
    const analysis = analyseStoredWeek(this.store, this.config, week);
    this.entries.set(week, analysis);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return analysis;
  }
}
