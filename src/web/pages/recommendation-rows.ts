import { reasonText } from '../../recommend/reason-text.js';
import type { Recommendation } from '../../recommend/recommendation.js';
import type { RecommendationStatusRow } from '../../store/recommendations.js';
import type { PageContext, PageTools } from './page-context.js';
import type { Column, Row } from './page-data.js';

export const RECOMMENDATION_COLUMNS: Column[] = [
  { key: 'kind', kind: 'enum' },
  { key: 'group', kind: 'text' },
  { key: 'units', kind: 'text' },
  { key: 'status', kind: 'enum' },
  { key: 'reason', kind: 'text' },
  { key: 'messagesPerMemberPerWeek', kind: 'decimal' },
  { key: 'messagesMovedPerMemberPerWeek', kind: 'decimal' },
  { key: 'minutesPerWeek', kind: 'decimal' },
];

export const HISTORY_COLUMNS: Column[] = [
  { key: 'kind', kind: 'enum' },
  { key: 'group', kind: 'text' },
  { key: 'units', kind: 'text' },
  { key: 'status', kind: 'enum' },
  { key: 'week', kind: 'week' },
  { key: 'updatedAt', kind: 'time' },
];

/** Whether a recommendation (or a stored answer) concerns a group the viewer sees. */
export function touchesVisible(tools: PageTools, groupIds: readonly string[]): boolean {
  return groupIds.some((g) => tools.visible(g));
}

function unitsOf(tools: PageTools, groupIds: readonly string[]): string {
  const units = new Set(
    groupIds.filter((g) => tools.visible(g)).map((g) => tools.unitLabel(tools.unitOf(g))),
  );
  return [...units].join(tools.t.listSep);
}

function names(tools: PageTools, groupIds: readonly string[]): string {
  return [...new Set(groupIds.map((g) => tools.groupName(g)))].join(tools.t.listSep);
}

function firstLink(tools: PageTools, groupIds: readonly string[]): Record<string, string> | undefined {
  const href = groupIds.map((g) => tools.groupLink(g)).find((l) => l !== undefined);
  return href ? { group: href } : undefined;
}

/** The reason shown for a recommendation: null when a group concerned has hidden figures. */
function shownReason(ctx: PageContext, tools: PageTools, r: Recommendation): string | null {
  // Reasons and savings are derived from every group concerned: hidden if any is hidden or out of scope.
  const hide = r.groupIds.some((g) => !tools.shows(g));
  return hide ? null : reasonText(r, ctx.locale, (g) => tools.groupName(g));
}

/**
 * The recommendations as the viewer reads them: identical advice (the same kind, groups, status and
 * reason, e.g. a merge sent to both owners of the two groups) counted once. The one definition of
 * "how many recommendations": every count on the dashboard (the 建议 card, the chart, the status
 * cards) and every table uses this list, so a card always equals its table's rows.
 */
export function distinctRecommendations(
  ctx: PageContext,
  tools: PageTools,
  list: readonly Recommendation[],
): Recommendation[] {
  const seen = new Set<string>();
  const out: Recommendation[] = [];
  for (const r of list) {
    const key = [r.kind, r.groupIds.join(','), r.status, shownReason(ctx, tools, r)].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

/**
 * The recommendations as rows, the reason in the page's language with groups outside the viewer's
 * scope unnamed. When a group concerned is hidden or out of scope, reason and savings show "—". Identical
 * rows (the same advice to two owners of the same groups) are shown once (distinctRecommendations).
 */
export function recommendationRows(
  ctx: PageContext,
  tools: PageTools,
  list: readonly Recommendation[],
): Row[] {
  return distinctRecommendations(ctx, tools, list).map((r) => {
    const hide = r.groupIds.some((g) => !tools.shows(g));
    return {
      cells: {
        kind: r.kind,
        group: names(tools, r.groupIds),
        units: unitsOf(tools, r.groupIds),
        status: r.status,
        reason: shownReason(ctx, tools, r),
        // Quiet-hours advice moves messages into working hours; it removes none.
        messagesPerMemberPerWeek:
          hide || r.kind === 'quiet-hours' ? null : round(r.savings.messagesPerMemberPerWeek),
        messagesMovedPerMemberPerWeek:
          hide || r.kind !== 'quiet-hours' ? null : round(r.savings.messagesPerMemberPerWeek),
        minutesPerWeek: hide ? null : round(r.savings.minutesPerWeek),
      },
      links: firstLink(tools, r.groupIds),
    };
  });
}

/** Stored answers (accepted / dismissed / reopened) as rows; who answered is never shown. */
export function historyRows(tools: PageTools, list: readonly RecommendationStatusRow[]): Row[] {
  return list.map((s) => ({
    cells: {
      kind: s.kind,
      group: names(tools, s.groupIds),
      units: unitsOf(tools, s.groupIds),
      status: s.status,
      week: s.week,
      updatedAt: s.updatedAt,
    },
    links: firstLink(tools, s.groupIds),
  }));
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
