import { analyseReadWeek, type StoredWeekAnalysis, weekReads } from '../analysis/week-analysis.js';
import type { Config } from '../config/schema.js';
import type { SyncWeekSource, WeekSource, WeekSourceStamp } from '../model/week-source.js';
import { recommend } from '../recommend/recommend.js';
import type { Recommendation } from '../recommend/recommendation.js';
import { summariseWeekEvidence, type WeekEvidence } from '../recommend/week-evidence.js';
import type { Store } from '../store/store.js';
import { SqliteWeekSource } from '../store/week-source.js';
import { earlierWeeks } from './stored-week.js';

/** What the service has computed since it was made: the cost of its callers, counted without timing. */
export interface WeekAnalysisCounts {
  /** Weeks analysed (every detector run over one week). */
  analyses: number;
  /** Calls of `recommend` (one week's recommendations). */
  recommends: number;
}

/** Weeks kept by default: a digest's week and its evidence window, a dashboard page, a cadre's four weeks. */
const DEFAULT_MAX_WEEKS = 12;

export interface WeekAnalysesOptions {
  /** Analysed weeks kept at most (each holds a week's messages); default 12. */
  max?: number;
  /**
   * Answers older than this are made again (ms; default: kept until the data stamp changes). The
   * stamp misses in-place changes (retention purges, renamed groups): the dashboard bounds their age.
   */
  maxAgeMs?: number;
  now?: () => number;
}

interface Kept<T> {
  value: T;
  at: number;
}

/**
 * The one week-analysis service: analyses a week once per data stamp and recommends it once per
 * data and status stamp, for every caller holding the same instance (the CLI's report, digest and
 * audit; the private-chat commands; the dashboard; the delivery jobs). Before each answer the
 * source's stamp is read: new messages, rosters, room events or groups drop everything kept, a new
 * answer to a recommendation drops the recommendations. At most `max` analysed weeks are kept (each
 * holds a week's messages), least recently used out; evidence summaries are small and kept longer.
 *
 * The API is async over a WeekSource (any engine). A source that can also answer at once (`sync`,
 * SQLite) serves the `…Now` methods, for callers that are not async yet; both paths share the cache.
 */
export class WeekAnalyses {
  readonly counts: WeekAnalysisCounts = { analyses: 0, recommends: 0 };
  private readonly analysed = new Map<string, Kept<StoredWeekAnalysis>>();
  private readonly evidenceByWeek = new Map<string, Kept<WeekEvidence>>();
  private readonly recommended = new Map<string, Kept<Recommendation[]>>();
  private readonly pending = new Map<string, Promise<unknown>>();
  private stamp: WeekSourceStamp | null = null;
  private readonly max: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    readonly source: WeekSource & { readonly sync?: SyncWeekSource },
    readonly config: Config,
    options: WeekAnalysesOptions = {},
  ) {
    this.max = options.max ?? DEFAULT_MAX_WEEKS;
    this.maxAgeMs = options.maxAgeMs ?? Number.POSITIVE_INFINITY;
    this.now = options.now ?? Date.now;
  }

  /** The service over a SQLite store (both the async and the `…Now` reads). */
  static forStore(store: Store, config: Config, options: WeekAnalysesOptions = {}): WeekAnalyses {
    return new WeekAnalyses(new SqliteWeekSource(store), config, options);
  }

  /** The week analysed (cached). */
  async analysis(week: string): Promise<StoredWeekAnalysis> {
    this.refresh(await this.source.stamp());
    return this.analysisOf(week);
  }

  /** The week's recommendations with the owners' earlier answers applied (cached). */
  async recommendations(week: string): Promise<Recommendation[]> {
    this.refresh(await this.source.stamp());
    const hit = this.fresh(this.recommended, week);
    if (hit) return hit;
    return this.once(`recommend:${week}`, async () => {
      const analysis = await this.analysisOf(week);
      const earlier: WeekEvidence[] = [];
      for (const w of earlierWeeks(this.config, week, await this.source.messageSpan())) {
        earlier.push(this.fresh(this.evidenceByWeek, w) ?? this.evidenceFrom(w, await this.analysisOf(w)));
      }
      const history = await this.source.recommendationHistory();
      return this.keepRecommendations(week, analysis, earlier, history);
    });
  }

  /** analysis(), answered at once; only for a source with `sync` reads (SQLite). */
  analysisNow(week: string): StoredWeekAnalysis {
    const sync = this.syncSource();
    this.refresh(sync.stamp());
    return this.analysisNowOf(sync, week);
  }

  /** recommendations(), answered at once; only for a source with `sync` reads (SQLite). */
  recommendationsNow(week: string): Recommendation[] {
    const sync = this.syncSource();
    this.refresh(sync.stamp());
    const hit = this.fresh(this.recommended, week);
    if (hit) return hit;
    const analysis = this.analysisNowOf(sync, week);
    const earlier = earlierWeeks(this.config, week, sync.messageSpan()).map((w) =>
      this.evidenceFrom(w, this.fresh(this.evidenceByWeek, w) ? null : this.analysisNowOf(sync, w)),
    );
    return this.keepRecommendations(week, analysis, earlier, sync.recommendationHistory());
  }

  /** Forgets everything kept (the next answers analyse again). */
  clear(): void {
    this.analysed.clear();
    this.evidenceByWeek.clear();
    this.recommended.clear();
  }

  private refresh(next: WeekSourceStamp): void {
    const prev = this.stamp;
    this.stamp = next;
    if (prev === null) return;
    if (prev.data !== next.data) this.clear();
    else if (prev.statuses !== next.statuses) this.recommended.clear();
  }

  private syncSource(): SyncWeekSource {
    if (!this.source.sync) throw new Error('WeekAnalyses: this week source answers only asynchronously');
    return this.source.sync;
  }

  private async analysisOf(week: string): Promise<StoredWeekAnalysis> {
    const hit = this.touch(week);
    if (hit) return hit;
    return this.once(`analyse:${week}`, async () => {
      const reads = weekReads(this.config, week);
      const data = await this.source.weekData(reads.range, reads.lookbackFrom, reads.minRequestLength);
      const times = await this.source.messageTimes(reads.previous.from, reads.previous.to);
      return this.keepAnalysis(week, analyseReadWeek(this.config, reads, data, times));
    });
  }

  private analysisNowOf(sync: SyncWeekSource, week: string): StoredWeekAnalysis {
    const hit = this.touch(week);
    if (hit) return hit;
    const reads = weekReads(this.config, week);
    const data = sync.weekData(reads.range, reads.lookbackFrom, reads.minRequestLength);
    const times = sync.messageTimes(reads.previous.from, reads.previous.to);
    return this.keepAnalysis(week, analyseReadWeek(this.config, reads, data, times));
  }

  /** A kept answer about `week` unless it is too old (then forgotten). */
  private fresh<T>(map: Map<string, Kept<T>>, week: string): T | undefined {
    const hit = map.get(week);
    if (hit === undefined) return undefined;
    if (this.now() - hit.at < this.maxAgeMs) return hit.value;
    map.delete(week);
    return undefined;
  }

  /** A kept analysis, marked most recently used. */
  private touch(week: string): StoredWeekAnalysis | undefined {
    const hit = this.fresh(this.analysed, week);
    if (hit) {
      const kept = this.analysed.get(week) as Kept<StoredWeekAnalysis>;
      this.analysed.delete(week);
      this.analysed.set(week, kept);
    }
    return hit;
  }

  private keepAnalysis(week: string, analysis: StoredWeekAnalysis): StoredWeekAnalysis {
    this.counts.analyses++;
    this.analysed.set(week, { value: analysis, at: this.now() });
    while (this.analysed.size > this.max) {
      const oldest = this.analysed.keys().next().value;
      if (oldest === undefined) break;
      this.analysed.delete(oldest);
    }
    return analysis;
  }

  /** The evidence of `week` (kept), from its analysis when not kept yet. */
  private evidenceFrom(week: string, analysis: StoredWeekAnalysis | null): WeekEvidence {
    const hit = this.fresh(this.evidenceByWeek, week);
    if (hit) return hit;
    if (analysis === null) throw new Error(`WeekAnalyses: no analysis of ${week}`);
    const evidence = summariseWeekEvidence(analysis.data, analysis.findings, this.config.recommend);
    this.evidenceByWeek.set(week, { value: evidence, at: this.now() });
    // Evidence is small: keep many more weeks of it than analyses, then start again.
    if (this.evidenceByWeek.size > this.max * 40) this.evidenceByWeek.clear();
    return evidence;
  }

  private keepRecommendations(
    week: string,
    analysis: StoredWeekAnalysis,
    earlier: WeekEvidence[],
    history: Parameters<typeof recommend>[0]['history'],
  ): Recommendation[] {
    this.counts.recommends++;
    const recommendations = recommend({
      data: analysis.data,
      findings: analysis.findings,
      config: this.config,
      history,
      earlier,
    });
    this.recommended.set(week, { value: recommendations, at: this.now() });
    while (this.recommended.size > this.max) {
      const oldest = this.recommended.keys().next().value;
      if (oldest === undefined) break;
      this.recommended.delete(oldest);
    }
    return recommendations;
  }

  /** Runs `make` once for concurrent callers asking the same thing. */
  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    const running = this.pending.get(key) as Promise<T> | undefined;
    if (running) return running;
    const p = make().finally(() => this.pending.delete(key));
    this.pending.set(key, p);
    return p;
  }
}
