import { shiftWeek, weekBounds, weekOf } from '../../calendar/weeks.js';
import { createWorkCalendar, type WorkCalendar } from '../../calendar/work-calendar.js';
import type { Config } from '../../config/schema.js';
import { type DisclosurePlan, disclosureCells, planDisclosure } from '../../recommend/disclosure-plan.js';
import type { Recommendation } from '../../recommend/recommendation.js';
import type { SupervisorAudit } from '../../recommend/supervisor-audit.js';
import type { Store } from '../../store/store.js';
import { auditInputsNow, buildSupervisorAudit } from '../../weeks/build-supervisor-audit.js';
import { defaultReportWeek } from '../../weeks/stored-weeks.js';
import { WeekAnalyses } from '../../weeks/week-analyses.js';
import { type Access, accessScope, canSeeUnit } from '../access.js';
import { BackgroundQueue } from './background-queue.js';
import { WeekCache } from './week-cache.js';
import { summariseWeek, type WeekSummary } from './week-summary.js';

/** The week list's length at most: ten years. */
const MAX_LISTED_WEEKS = 520;

import type { GroupFacts } from '../../store/groups.js';
import type { RecommendationStatusRow } from '../../store/recommendations.js';
import type { DataStamp } from '../../store/stats.js';
import { buildWeekView, type WeekView } from './week-view.js';

/** Full analyses kept at once: each holds a week's messages. Summaries are small and kept longer. */
const MAX_VIEWS = 3;
const MAX_SUMMARIES = 530;

/**
 * The dashboard's read side: analyses weeks from the store on demand and keeps them in memory.
 * `refresh()` (once per request) compares a cheap DataStamp with the last one: new messages drop
 * the weeks from the earliest new message on; new rosters, room events or groups drop everything;
 * new answers to recommendations drop the recommendations. Entries also expire after
 * web.cacheSeconds, which catches in-place changes (retention purges, renamed groups). Reads only.
 */
export class DashboardSource {
  readonly calendar: WorkCalendar;
  private stamp: DataStamp | null = null;
  private readonly views: WeekCache<WeekView>;
  private readonly summaries: WeekCache<WeekSummary>;
  private readonly audits: WeekCache<SupervisorAudit>;
  private readonly plans: WeekCache<DisclosurePlan>;
  /** The week-analysis service: analyses and recommendations (with the evidence window's weeks). */
  readonly weeks: WeekAnalyses;
  /** Lists of weeks by first week and last: pure calendar arithmetic, worth keeping. */
  private readonly weekLists = new Map<string, string[]>();
  private readonly background = new BackgroundQueue((week) => this.summary(week));
  private whole: { lifecycles?: GroupFacts[]; statuses?: RecommendationStatusRow[]; at: number } = { at: 0 };

  constructor(
    readonly store: Store,
    readonly config: Config,
    readonly now: () => number = Date.now,
    shared?: WeekAnalyses,
  ) {
    this.calendar = createWorkCalendar(config);
    const ttl = config.web.cacheSeconds * 1000;
    const to = (week: string) => weekBounds(week, config.timezone).to;
    this.views = new WeekCache(MAX_VIEWS, ttl, now, to);
    this.summaries = new WeekCache(MAX_SUMMARIES, ttl, now, to);
    this.audits = new WeekCache(MAX_SUMMARIES, ttl, now, to);
    this.plans = new WeekCache(MAX_SUMMARIES, ttl, now, to);
    // A process that also delivers (`qingqun run`) passes its one service; alone, the dashboard keeps
    // few weeks (each holds its messages) and lets them expire like its other caches.
    this.weeks = shared ?? WeekAnalyses.forStore(store, config, { max: MAX_VIEWS, maxAgeMs: ttl, now });
  }

  /** Drops what the store's changes made stale. Call once per request, before reading. */
  refresh(): void {
    const next = this.store.stats.dataStamp();
    const prev = this.stamp;
    this.stamp = next;
    for (const cache of this.weekCaches()) cache.expire();
    if (this.now() - this.whole.at >= this.config.web.cacheSeconds * 1000) this.whole = { at: this.now() };
    if (prev === null) return;
    if (
      next.snapshots !== prev.snapshots ||
      next.events !== prev.events ||
      next.groups !== prev.groups ||
      next.messages < prev.messages
    ) {
      this.clear();
      return;
    }
    if (next.messages > prev.messages) {
      const earliest = this.store.messages.earliestTimeAfter(prev.messages);
      if (earliest !== null) for (const cache of this.weekCaches()) cache.dropFrom(earliest);
      this.whole.lifecycles = undefined;
    }
    // New answers to recommendations: the service sees them in its own stamp.
    if (next.statuses !== prev.statuses) this.whole.statuses = undefined;
  }

  clear(): void {
    for (const cache of this.weekCaches()) cache.clear();
    this.weeks.clear();
    this.whole = { at: this.now() };
  }

  /**
   * The stored weeks, oldest first: from the first stored message's week to `upTo`, at most the 520
   * weeks (ten years) before `upTo`. Whatever is stored cannot push the real weeks out of the list: the
   * first message is the first with a plausible time (Messages.span), and a list that would be longer
   * keeps its latest weeks, not its oldest.
   */
  storedWeeks(upTo: string): string[] {
    const { first } = this.store.messages.span();
    if (first === null) return [upTo];
    const tz = this.config.timezone;
    const earliest = shiftWeek(upTo, -(MAX_LISTED_WEEKS - 1), tz);
    const firstWeek = weekOf(first, tz);
    const start = firstWeek.localeCompare(earliest) > 0 ? firstWeek : earliest;
    const key = `${start}/${upTo}`;
    let weeks = this.weekLists.get(key);
    if (!weeks) {
      weeks = [];
      for (let w = start; w <= upTo && weeks.length < MAX_LISTED_WEEKS; w = shiftWeek(w, 1, tz))
        weeks.push(w);
      if (weeks.length === 0) weeks.push(upTo);
      if (this.weekLists.size > 100) this.weekLists.clear();
      this.weekLists.set(key, weeks);
    }
    return [...weeks];
  }

  /** The week shown when none is asked for: the latest stored week if it is over, else last week. */
  defaultWeek(): string {
    return defaultReportWeek(this.store, this.config.timezone, this.now());
  }

  /** The weeks a trend ending at `week` covers (web.trendWeeks, not before the first stored week). */
  trendWeeks(week: string): string[] {
    const all = this.storedWeeks(week).filter((w) => w <= week);
    return all.slice(-this.config.web.trendWeeks);
  }

  view(week: string): WeekView {
    return this.views.get(week, () =>
      buildWeekView({
        analysis: this.weeks.analysisNow(week),
        calendar: this.calendar,
        groupUnits: this.config.org.groupUnits,
        minPeople: this.config.recommend.minPeople,
      }),
    );
  }

  summary(week: string): WeekSummary {
    return this.summaries.get(week, () => summariseWeek(this.view(week)));
  }

  /**
   * The summaries of `weeks` (oldest first) for a trend, keeping a page's work bounded: of the weeks
   * not analysed yet, only the newest `budget` are analysed now (a week whose full analysis is in
   * memory — the page's own — costs nothing); the others are queued for analysis in the background
   * (one week per turn of the event loop) and come back as null until then.
   */
  trendSummaries(weeks: readonly string[], budget = 1): (WeekSummary | null)[] {
    let left = budget;
    const later: string[] = [];
    const out = [...weeks].reverse().map((week) => {
      const cached = this.summaries.peek(week);
      if (cached !== undefined) return cached;
      if (this.views.peek(week) !== undefined) return this.summary(week);
      if (left > 0) {
        left--;
        return this.summary(week);
      }
      later.push(week);
      return null;
    });
    if (later.length > 0) this.background.add(later);
    return out.reverse();
  }

  /** Resolves when the weeks queued by trendSummaries are analysed. */
  settled(): Promise<void> {
    return this.background.settled();
  }

  /** The week's recommendations (the service keeps them, and the evidence of the weeks before). */
  recommendations(week: string): Recommendation[] {
    return this.weeks.recommendationsNow(week);
  }

  /** The supervisors' audit of the week, limited to what `access` sees. */
  audit(week: string, access: Access): SupervisorAudit {
    const scope = accessScope(access);
    return this.audits.get(
      week,
      () =>
        buildSupervisorAudit(
          auditInputsNow(this.store, this.config, week, (w) => this.weeks.analysisNow(w)),
          this.config,
          week,
          {
            units: scope ?? undefined,
            analysis: this.view(week).analysis,
            recommendations: this.recommendations(week),
          },
        ),
      JSON.stringify(scope),
    );
  }

  /**
   * What the viewer may see of `week` (planDisclosure, the one rule every page, export and trend
   * asks): computed from the week's rosters over the groups of the viewer's scope, as the audit
   * does. Analyses the week if it is not yet.
   */
  plan(week: string, access: Access): DisclosurePlan {
    return this.planOf(this.summary(week), access);
  }

  /** The plan of an analysed week (trends pass the summaries they have). */
  planOf(summary: WeekSummary, access: Access): DisclosurePlan {
    return this.plans.get(
      summary.week,
      () => {
        const units = this.config.org.groupUnits;
        const groups = this.lifecycles()
          .map((facts) => ({ facts, unit: facts.unit ?? units[facts.id] ?? null }))
          .filter((g) => canSeeUnit(access, g.unit));
        const { from, to } = weekBounds(summary.week, this.config.timezone);
        return planDisclosure(
          disclosureCells(groups, summary.members, from, to),
          this.config.recommend.minPeople,
        );
      },
      JSON.stringify(accessScope(access)),
    );
  }

  lifecycles(): GroupFacts[] {
    this.whole.lifecycles ??= this.store.groups.lifecycles();
    return this.whole.lifecycles;
  }

  statuses(): RecommendationStatusRow[] {
    this.whole.statuses ??= this.store.recommendations.statuses();
    return this.whole.statuses;
  }

  /**
   * Analyses the given weeks ahead of the first visitor, one week per turn of the event loop so
   * requests are served in between. Stops when `signal` is aborted, or at the first error and
   * rejects with it.
   */
  async warm(weeks: readonly string[], signal?: AbortSignal): Promise<void> {
    for (const week of weeks) {
      if (signal?.aborted) return;
      this.refresh();
      this.summary(week);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private weekCaches(): WeekCache<unknown>[] {
    return [this.views, this.summaries, this.audits, this.plans];
  }
}
