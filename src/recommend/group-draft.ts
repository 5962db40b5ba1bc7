import type { EvidenceExcerpt, RecommendationKind, RecommendationSavings } from './recommendation.js';
import type { Draft, RuleContext } from './rule-context.js';
import { datesOf } from './rule-context.js';

/** Findings by group, in their order. */
export function groupBy<T extends { groupId: string }>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const same = out.get(x.groupId);
    if (same) same.push(x);
    else out.set(x.groupId, [x]);
  }
  return out;
}

export const sum = <T>(list: readonly T[], pick: (x: T) => number) => list.reduce((n, x) => n + pick(x), 0);

/** A recommendation about one group, addressed to its owner. */
export function groupDraft(
  ctx: RuleContext,
  kind: RecommendationKind,
  groupId: string,
  magnitude: number,
  figures: Record<string, number>,
  times: number[],
  cited: EvidenceExcerpt[],
  savings: RecommendationSavings,
): Draft {
  return {
    kind,
    groupIds: [groupId],
    ownerId: ctx.groups.get(groupId)?.ownerId ?? null,
    keepGroupId: null,
    magnitude,
    evidence: { basis: null, figures, dates: datesOf(ctx, times), excerpts: cited },
    savings,
  };
}
