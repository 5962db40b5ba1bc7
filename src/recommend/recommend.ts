import type { WeekFindings } from '../analysis/registry.js';
import { createWorkCalendar, type WorkCalendar } from '../calendar/work-calendar.js';
import type { Config } from '../config/schema.js';
import type { Locale } from '../model/locale.js';
import type { WeekData } from '../model/week-data.js';
import { effectiveStatus } from './effective-status.js';
import { findRelayArchives, findZombieArchives } from './find-archives.js';
import { findDedupes } from './find-dedupes.js';
import { findMerges } from './find-merges.js';
import { findReplyHabits } from './find-reply-habits.js';
import { findTimingHabits } from './find-timing-habits.js';
import { reasonText } from './reason-text.js';
import type { Recommendation, RecommendationHistoryEntry, RecommendationKind } from './recommendation.js';
import { recommendationId } from './recommendation-id.js';
import type { Draft, RuleContext } from './rule-context.js';
import { EvidenceWindow, summariseWeekEvidence, type WeekEvidence } from './week-evidence.js';
import { weekNotices } from './week-notices.js';

export interface RecommendInput {
  data: WeekData;
  findings: WeekFindings;
  config: Config;
  /** Defaults to the calendar the config describes. */
  calendar?: WorkCalendar;
  /** What owners said about earlier recommendations, by id (Recommendations.history). */
  history?: ReadonlyMap<string, RecommendationHistoryEntry>;
  /** Language of `reason`; defaults to config.locale. */
  locale?: Locale;
  /**
   * The evidence of the weeks before this one, newest first (summariseWeekEvidence); the merge and
   * relay rules judge this week together with up to `recommend.windowWeeks` − 1 of them.
   */
  earlier?: readonly WeekEvidence[];
}

/**
 * Order of presentation: structural changes first (they remove the most for good), then reply
 * habits, then timing (which moves burden rather than removing it); within a tier, most minutes first.
 */
const TIER: Record<RecommendationKind, number> = {
  merge: 0,
  archive: 0,
  'dedupe-notices': 0,
  'replace-rollcall': 1,
  'curb-likes': 1,
  'stop-photo-proof': 1,
  'quiet-hours': 2,
  'avoid-rush': 2,
};

/**
 * One week's recommendations from its data and findings. Pure: the same input gives the same
 * recommendations, ids and order. Rules (docs/RECOMMENDATIONS.md): archive (zombie, relay) first,
 * then merge among the rest, then dedupe-notices outside the groups archived or merged away, then
 * per-group habits. Status comes from `history` (see effectiveStatus); dismissed ones are returned
 * with status 'dismissed' so callers can count them, and digests leave them out.
 */
export function recommend(input: RecommendInput): Recommendation[] {
  const { data, findings, config } = input;
  const calendar = input.calendar ?? createWorkCalendar(config);
  const groups = new Map(data.groups.map((g) => [g.id, g]));
  const notices = weekNotices(data, findings);
  const current = summariseWeekEvidence(data, findings, config.recommend, notices);
  const ctx: RuleContext = {
    data,
    findings,
    config: config.recommend,
    calendar,
    notices,
    groups,
    zombieIds: new Set(findings.zombies.map((z) => z.groupId)),
    window: new EvidenceWindow(current, input.earlier ?? [], config.recommend.windowWeeks),
  };
  const archives = [...findZombieArchives(ctx), ...findRelayArchives(ctx)];
  const archived = new Set(archives.flatMap((a) => a.groupIds));
  const merges = findMerges(ctx, archived);
  const mergedAway = new Set(merges.flatMap((m) => m.groupIds.filter((g) => g !== m.keepGroupId)));
  const drafts: Draft[] = [
    ...archives,
    ...merges,
    ...findDedupes(ctx, new Set([...archived, ...mergedAway])),
    ...findReplyHabits(ctx),
    ...findTimingHabits(ctx),
  ];

  const locale = input.locale ?? config.locale;
  const nameOf = (id: string) => groups.get(id)?.name || id;
  return drafts
    .map((d): Recommendation => {
      const id = recommendationId(d.kind, d.groupIds, d.ownerId);
      const status = effectiveStatus(
        d.magnitude,
        input.history?.get(id),
        data.week,
        config.recommend.dismissal,
        config.timezone,
      );
      return { id, ...d, reason: reasonText(d, locale, nameOf), status };
    })
    .sort(
      (a, b) =>
        TIER[a.kind] - TIER[b.kind] ||
        b.savings.minutesPerWeek - a.savings.minutesPerWeek ||
        a.id.localeCompare(b.id),
    );
}
