import { shiftWeek, weekBounds, weekOf } from '../../calendar/weeks.js';
import { createWorkCalendar, type WorkCalendar } from '../../calendar/work-calendar.js';
import type { Config } from '../../config/schema.js';
import type { MessageSpan } from '../../model/week-data.js';
import { type DisclosurePlan, disclosureCells, planDisclosure } from '../../recommend/disclosure-plan.js';
import type { Recommendation } from '../../recommend/recommendation.js';
import type { SupervisorAudit } from '../../recommend/supervisor-audit.js';
import { SqliteStoreReads, type StoreReads } from '../../store/contract.js';
import { Store } from '../../store/store.js';
import { auditInputsNow, buildSupervisorAudit, loadAuditInputs } from '../../weeks/build-supervisor-audit.js';
import type { StoredWeekAnalysis } from '../../weeks/stored-week.js';
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
/** Reads one page may wait for at most (a page needs a handful; more means a page that never settles). */
const MAX_PENDING_READS = 200;

/**
 * Thrown by a synchronous read (view, recommendations, lifecycles…) that the store cannot answer at
 * once (PostgreSQL): `build` awaits `load`, keeps its answer for the rest of the request under `key`
 * and builds the page again. Pages are pure functions of what they read, so building one again only
 * costs the building.
 */
class PendingRead extends Error {
  constructor(
    readonly key: string,
    readonly load: () => Promise<unknown>,
  ) {
    super(`dashboard: ${key} is not read yet`);
  }
}

/**
 * The dashboard's read side: analyses weeks from the store on demand and keeps them in memory, on
 * either engine. Pages are synchronous and read through `build(make)`: a read the store cannot
 * answer at once (PostgreSQL; SQLite answers everything at once, as before) throws a PendingRead,
 * which `build` awaits before building the page again, so nothing waits on the event loop.
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
  private readonly background = new BackgroundQueue((week) => this.build(() => this.summary(week)));
  private whole: { lifecycles?: GroupFacts[]; statuses?: RecommendationStatusRow[]; at: number } = { at: 0 };
  /** The store behind the contract (either engine). */
  readonly reads: StoreReads;
  /** The SQLite store when there is one: its reads are answered at once. */
  private readonly store: Store | null;
  /** The answers awaited for the page being built (set only while `build` runs its page). */
  private memo: Map<string, unknown> | null = null;
  /** Refreshes run one after another, so a request never reads what another is still dropping. */
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    store: Store | StoreReads,
    readonly config: Config,
    readonly now: () => number = Date.now,
    shared?: WeekAnalyses,
  ) {
    this.reads = store instanceof Store ? new SqliteStoreReads(store) : store;
    this.store =
      store instanceof Store ? store : this.reads instanceof SqliteStoreReads ? this.reads.store : null;
    this.calendar = createWorkCalendar(config);
    const ttl = config.web.cacheSeconds * 1000;
    const to = (week: string) => weekBounds(week, config.timezone).to;
    this.views = new WeekCache(MAX_VIEWS, ttl, now, to);
    this.summaries = new WeekCache(MAX_SUMMARIES, ttl, now, to);
    this.audits = new WeekCache(MAX_SUMMARIES, ttl, now, to);
    this.plans = new WeekCache(MAX_SUMMARIES, ttl, now, to);
    // A process that also delivers (`qingqun run`) passes its one service; alone, the dashboard keeps
    // few weeks (each holds its messages) and lets them expire like its other caches.
    this.weeks = shared ?? new WeekAnalyses(this.reads, config, { max: MAX_VIEWS, maxAgeMs: ttl, now });
  }

  /**
   * Runs `make` (a page builder: synchronous, reading only through this source) until every read
   * it makes is answered: each PendingRead is awaited and kept for the rest of this call. On SQLite
   * the first run is the only one.
   */
  async build<T>(make: () => T): Promise<T> {
    const memo = new Map<string, unknown>();
    for (let reads = 0; ; reads++) {
      let pending: PendingRead;
      this.memo = memo;
      try {
        return make();
      } catch (error) {
        if (!(error instanceof PendingRead) || reads >= MAX_PENDING_READS) throw error;
        pending = error;
      } finally {
        this.memo = null;
      }
      memo.set(pending.key, await pending.load());
    }
  }

  /** A read inside `build`: awaited before (kept under `key`), else at once on SQLite, else pending. */
  private answer<T>(key: string, now: ((store: Store) => T) | null, load: () => Promise<T>): T {
    const memo = this.memo;
    if (memo?.has(key)) return memo.get(key) as T;
    if (this.store !== null && now !== null) return now(this.store);
    throw new PendingRead(key, load);
  }

  /** Drops what the store's changes made stale. Call (and await) once per request, before reading. */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(
      () => this.refreshOnce(),
      () => this.refreshOnce(),
    );
    return this.refreshing;
  }

  private async refreshOnce(): Promise<void> {
    const next = await this.reads.dataStamp();
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
      const earliest = await this.reads.earliestTimeAfter(prev.messages);
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
    const { first } = this.span();
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
    // As defaultReportWeek (src/weeks/stored-weeks.ts), over the span read once per page.
    const tz = this.config.timezone;
    const current = weekOf(this.now(), tz);
    const { last } = this.span();
    if (last === null) return shiftWeek(current, -1, tz);
    const lastWeek = weekOf(last, tz);
    return lastWeek < current ? lastWeek : shiftWeek(current, -1, tz);
  }

  /** The span of stored messages: read each time on SQLite (as before), once per page otherwise. */
  private span(): MessageSpan {
    return this.answer(
      'span',
      (store) => store.messages.span(),
      () => this.reads.messageSpan(),
    );
  }

  /** The week's analysis, from the week-analysis service. */
  private analysis(week: string): StoredWeekAnalysis {
    return this.answer(
      `analysis:${week}`,
      () => this.weeks.analysisNow(week),
      () => this.weeks.analysis(week),
    );
  }

  /** The weeks a trend ending at `week` covers (web.trendWeeks, not before the first stored week). */
  trendWeeks(week: string): string[] {
    const all = this.storedWeeks(week).filter((w) => w <= week);
    return all.slice(-this.config.web.trendWeeks);
  }

  view(week: string): WeekView {
    return this.views.get(week, () =>
      buildWeekView({
        analysis: this.analysis(week),
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
    return this.answer(
      `recommendations:${week}`,
      () => this.weeks.recommendationsNow(week),
      () => this.weeks.recommendations(week),
    );
  }

  /** The supervisors' audit of the week, limited to what `access` sees. */
  audit(week: string, access: Access): SupervisorAudit {
    const scope = accessScope(access);
    return this.audits.get(week, () => this.buildAudit(week, scope), JSON.stringify(scope));
  }

  /**
   * The one place the dashboard builds an audit: the pure builder over inputs loaded at once from
   * SQLite (auditInputsNow) or, on PostgreSQL, awaited once per request (loadAuditInputs; the
   * earlier weeks through the week-analysis service, so each is analysed once).
   */
  private buildAudit(week: string, scope: string[] | null): SupervisorAudit {
    const inputs = this.answer(
      `audit:${week}`,
      (store) => auditInputsNow(store, this.config, week, (w) => this.weeks.analysisNow(w)),
      () => loadAuditInputs(this.reads, this.config, week, (w) => this.weeks.analysis(w)),
    );
    return buildSupervisorAudit(inputs, this.config, week, {
      units: scope ?? undefined,
      analysis: this.view(week).analysis,
      recommendations: this.recommendations(week),
    });
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
    this.whole.lifecycles ??= this.answer(
      'lifecycles',
      (store) => store.groups.lifecycles(),
      () => this.reads.groupLifecycles(),
    );
    return this.whole.lifecycles;
  }

  statuses(): RecommendationStatusRow[] {
    this.whole.statuses ??= this.answer(
      'statuses',
      (store) => store.recommendations.statuses(),
      () => this.reads.recommendationStatuses(),
    );
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
      await this.refresh();
      await this.build(() => this.summary(week));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private weekCaches(): WeekCache<unknown>[] {
    return [this.views, this.summaries, this.audits, this.plans];
  }
}
