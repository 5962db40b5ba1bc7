import { shiftWeek, weekBounds } from '../calendar/weeks.js';
import { createWorkCalendar } from '../calendar/work-calendar.js';
import type { Config } from '../config/schema.js';
import type { Group } from '../model/group.js';
import type { Locale } from '../model/locale.js';
import type { WeekChartSpec } from '../model/week-chart.js';
import type { MessageTimes } from '../model/week-data.js';
import { dailyFiguresByOwner, previousFiguresByGroup, weekDays } from '../recommend/owner-week-figures.js';
import type { Recommendation } from '../recommend/recommendation.js';
import { type DigestGroupFigures, renderOwnerDigest } from '../render/render-owner-digest.js';
import { renderWeekChart } from '../render/render-week-chart.js';
import type { Store } from '../store/store.js';
import type { StoredWeekAnalysis } from './stored-week.js';
import { WeekAnalyses } from './week-analyses.js';

export interface OwnerDigest {
  ownerId: string;
  ownerName: string;
  week: string;
  /** WeChat message parts, in order, each ≤ recommend.digest.maxPartChars characters. */
  parts: string[];
  /**
   * The week's chart as what to draw, or null when the owner's groups had no message all week (an
   * owner whose only group is a zombie): an empty chart tells nothing the text does not. Queueing
   * keeps the spec; the send queue draws it when the message goes out.
   */
  chart: WeekChartSpec | null;
  /** The chart drawn (PNG), on first read and then kept: for previews and private-chat replies. */
  readonly chartPng: Buffer | null;
  /** The open recommendations the digest numbers: "采纳 N" means recommendationIds[N − 1]. */
  recommendationIds: string[];
  /** Those recommendations themselves, in the same order (what queueing records as issued). */
  recommendations: Recommendation[];
}

export interface BuildOwnerDigestsOptions {
  /** Only this owner's digest. */
  ownerId?: string;
  /** Defaults to config.locale. */
  locale?: Locale;
}

/**
 * What the digests of one week are built from, loaded from either engine (loadDigestInputs,
 * digestInputsNow): the week's analysis and recommendations, and last week's message times (the
 * figures each group is compared with).
 */
export interface DigestInputs {
  analysis: StoredWeekAnalysis;
  recommendations: readonly Recommendation[];
  previousTimes: MessageTimes;
}

function previousWeek(config: Config, week: string) {
  return weekBounds(shiftWeek(week, -1, config.timezone), config.timezone);
}

/** The inputs of `week`'s digests through the week-analysis service, from its source (any engine). */
export async function loadDigestInputs(analyses: WeekAnalyses, week: string): Promise<DigestInputs> {
  const prev = previousWeek(analyses.config, week);
  return {
    analysis: await analyses.analysis(week),
    recommendations: await analyses.recommendations(week),
    previousTimes: await analyses.source.messageTimes(prev.from, prev.to),
  };
}

/** loadDigestInputs answered at once, for a service over a synchronous source (SQLite). */
export function digestInputsNow(analyses: WeekAnalyses, week: string): DigestInputs {
  const { sync } = analyses.source;
  if (!sync) throw new Error('digestInputsNow: this week source answers only asynchronously');
  const prev = previousWeek(analyses.config, week);
  return {
    analysis: analyses.analysisNow(week),
    recommendations: analyses.recommendationsNow(week),
    previousTimes: sync.messageTimes(prev.from, prev.to),
  };
}

/** Every owner's digest of `week` from a SQLite store at once (one service for this call unless given). */
export function ownerDigestsNow(
  store: Store,
  config: Config,
  week: string,
  options: BuildOwnerDigestsOptions & { analyses?: WeekAnalyses } = {},
): OwnerDigest[] {
  const analyses = options.analyses ?? WeekAnalyses.forStore(store, config);
  return buildOwnerDigests(digestInputsNow(analyses, week), config, week, options);
}

/**
 * One digest per group owner known to the store for `week`, covering all of the owner's groups,
 * sorted by owner id. Pure over what was loaded: recording which recommendations a digest carried
 * is for whoever actually sends it.
 *
 * Groups of fewer than `recommend.minPeople` members (or without a known roster) are listed by name
 * with "fewer than 5 members: no figures" and left out of everything else — the totals, the burden
 * counts, the chart and the recommendations — so no figure about them can be read off the digest,
 * not even by subtracting the other groups from a total. The owner is not trusted to be a member:
 * `org.ownerOverrides` can name someone outside the group, and digests get forwarded.
 */
export function buildOwnerDigests(
  inputs: DigestInputs,
  config: Config,
  week: string,
  options: BuildOwnerDigestsOptions = {},
): OwnerDigest[] {
  const locale = options.locale ?? config.locale;
  const { analysis, recommendations } = inputs;
  const { data, findings } = analysis;
  const calendar = createWorkCalendar(config);
  const previous = previousFiguresByGroup(inputs.previousTimes, calendar);
  const days = weekDays(data, calendar);
  const minPeople = config.recommend.minPeople;
  const small = (groupId: string) => (data.members.get(groupId)?.length ?? 0) < minPeople;
  const daily = dailyFiguresByOwner(data, findings, calendar, (g) => !small(g));
  const volumes = new Map(findings.volume.groups.map((v) => [v.groupId, v]));
  const zombies = new Set(findings.zombies.map((z) => z.groupId));

  const byOwner = new Map<string, Group[]>();
  for (const g of data.groups) {
    if (g.ownerId === null || (options.ownerId !== undefined && g.ownerId !== options.ownerId)) continue;
    const same = byOwner.get(g.ownerId);
    if (same) same.push(g);
    else byOwner.set(g.ownerId, [g]);
  }

  return [...byOwner.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([ownerId, groups]) => {
      // Only the groups whose figures may be shown count anywhere (see above).
      const ids = new Set(groups.filter((g) => !small(g.id)).map((g) => g.id));
      const mine = <T extends { groupId: string }>(list: readonly T[]) =>
        list.filter((x) => ids.has(x.groupId)).length;
      const figures: DigestGroupFigures[] = groups.map((g) => {
        const v = volumes.get(g.id);
        return {
          id: g.id,
          name: g.name || g.id,
          members: data.members.get(g.id)?.length ?? 0,
          messages: v?.messages ?? 0,
          offHoursMessages: v?.offHoursMessages ?? 0,
          atAllMessages: v?.atAllMessages ?? 0,
          previous: previous
            ? (previous.get(g.id) ?? { messages: 0, offHoursMessages: 0, atAllMessages: 0 })
            : null,
          zombie: zombies.has(g.id),
          hidden: small(g.id),
        };
      });
      const own = recommendations.filter((r) => r.ownerId === ownerId && r.groupIds.every((g) => !small(g)));
      // Ordered by the figure the digest's header names: minutes saved per week, most first; advice
      // that only moves messages (quiet hours) comes last, whatever its minutes.
      const open = own
        .filter((r) => r.status === 'open')
        .sort(
          (a, b) =>
            Number(a.kind === 'quiet-hours') - Number(b.kind === 'quiet-hours') ||
            b.savings.minutesPerWeek - a.savings.minutesPerWeek ||
            a.id.localeCompare(b.id),
        );
      const ownerName = data.contacts.get(ownerId)?.name || ownerId;
      const parts = renderOwnerDigest(
        {
          week,
          firstDay: days[0] as string,
          lastDay: days[days.length - 1] as string,
          owner: { id: ownerId, name: ownerName },
          groups: figures.sort(
            (a, b) =>
              Number(a.zombie) - Number(b.zombie) || b.messages - a.messages || a.id.localeCompare(b.id),
          ),
          burden: {
            duplicates: findings.duplicates.filter((c) => c.groupIds.some((g) => ids.has(g))).length,
            rollCalls: mine(findings.rollCalls),
            ackFloods: mine(findings.ackFloods),
            likeSpam: mine(findings.likeSpam),
            photoProof: mine(findings.photoProof),
            rushed: mine(findings.rushedRequests),
          },
          recommendations: open,
          accepted: own.filter((r) => r.status === 'accepted'),
          detailed: config.recommend.digest.detailed,
          maxPartChars: config.recommend.digest.maxPartChars,
          minPeople,
          dismissWeeks: config.recommend.dismissal.weeks,
        },
        locale,
      );
      const perDay = daily.get(ownerId);
      const day = (d: string) => perDay?.get(d) ?? { messages: 0, offHoursMessages: 0, duplicates: 0 };
      const quiet = days.every((d) => day(d).messages === 0);
      const chart: WeekChartSpec | null = quiet
        ? null
        : {
            input: {
              week,
              days,
              messages: days.map((d) => day(d).messages),
              offHoursShare: days.map((d) =>
                day(d).messages === 0 ? null : day(d).offHoursMessages / day(d).messages,
              ),
              duplicates: days.map((d) => day(d).duplicates),
            },
            locale,
          };
      const drawn = drawnOnce(chart);
      return {
        ownerId,
        ownerName,
        week,
        parts,
        chart,
        get chartPng() {
          return drawn();
        },
        recommendationIds: open.map((r) => r.id),
        recommendations: open,
      };
    });
}

/** Draws `chart` on first use and keeps the PNG; a null chart stays null. */
function drawnOnce(chart: WeekChartSpec | null): () => Buffer | null {
  let png: Buffer | null | undefined;
  return () => {
    if (png === undefined) png = chart === null ? null : renderWeekChart(chart.input, chart.locale);
    return png;
  };
}
