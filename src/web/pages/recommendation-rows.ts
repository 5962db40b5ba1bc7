import { reasonText } from '../../recommend/reason-text.js';
import type { Recommendation } from '../../recommend/recommendation.js';
import type { RecommendationStatusRow } from '../../store/read-recommendation-statuses.js';
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

/**
 * The recommendations as rows, the reason in the page's language with groups outside the viewer's
 * scope unnamed. When a group concerned has hidden figures, reason and savings show "—". Identical
 * rows (the same advice to two owners of the same groups) are shown once.
 */
export function recommendationRows(
  ctx: PageContext,
  tools: PageTools,
  list: readonly Recommendation[],
): Row[] {
  const seen = new Set<string>();
  const rows: Row[] = [];
  for (const r of list) {
    const hide = r.groupIds.some((g) => tools.view.hidden.has(g));
    const reason = hide ? null : reasonText(r, ctx.locale, (g) => tools.groupName(g));
    const key = [r.kind, r.groupIds.join(','), r.status, reason].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      cells: {
        kind: r.kind,
        group: names(tools, r.groupIds),
        units: unitsOf(tools, r.groupIds),
        status: r.status,
        reason,
        // Quiet-hours advice moves messages into working hours; it removes none.
        messagesPerMemberPerWeek:
          hide || r.kind === 'quiet-hours' ? null : round(r.savings.messagesPerMemberPerWeek),
        messagesMovedPerMemberPerWeek:
          hide || r.kind !== 'quiet-hours' ? null : round(r.savings.messagesPerMemberPerWeek),
        minutesPerWeek: hide ? null : round(r.savings.minutesPerWeek),
      },
      links: firstLink(tools, r.groupIds),
    });
  }
  return rows;
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
