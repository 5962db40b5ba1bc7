import type { GroupOverlap } from '../analysis/group-overlap.js';
import { unionMembers } from './redundant-copies.js';
import type { Draft, RuleContext } from './rule-context.js';
import { datesOf, excerpts, round } from './rule-context.js';
import { SAVINGS } from './savings-model.js';

/** Groups whose member counts differ by at most this share are "the same size" when picking a survivor. */
const SAME_SIZE = 0.1;

function qualifies(ctx: RuleContext, o: GroupOverlap): boolean {
  const m = ctx.config.merge;
  const w = ctx.window;
  const [small, large] = o.groupIds;
  // Judged over the window: notices that reached both groups in any of its weeks, against the
  // notices each received in those weeks. A week without a shared notice does not undo the others.
  if (!w.active(small) || !w.active(large)) return false;
  const shared = w.sharedNotices(small, large);
  const nSmall = w.notices(small);
  const nLarge = w.notices(large);
  // Near-identical rosters with nothing to tell them apart — no notice in the window reached only
  // one of them (possibly none reached either) — are candidates too: twins in a quiet stretch.
  const indistinct = nSmall === shared && nLarge === shared;
  const near =
    o.jaccard >= m.minJaccard &&
    (indistinct ||
      (shared >= m.minSharedNotices &&
        shared / Math.max(1, Math.min(nSmall, nLarge)) >= m.minSharedNoticeShare));
  const contained =
    o.containment >= m.minContainment &&
    shared >= m.minContainedSharedNotices &&
    o.members[0] >= m.minContainedSizeRatio * o.members[1] &&
    shared / Math.max(1, nSmall) >= m.minContainedNoticeShare;
  return near || contained;
}

/**
 * Whether an overlap is a real merge candidate by the rules of `findMerges`, apart from the
 * exclusions (zombies, relays). The dashboard and the audit label only these "mergeable".
 */
export function isMergeCandidate(ctx: RuleContext, o: GroupOverlap): boolean {
  return qualifies(ctx, o);
}

function find(parent: Map<string, string>, x: string): string {
  let root = x;
  while (parent.get(root) !== root) root = parent.get(root) ?? root;
  parent.set(x, root);
  return root;
}

/**
 * Merge: groups with near-identical rosters (or one inside another) that are both active and got
 * the same notices over the evidence window (`recommend.windowWeeks`; thresholds in `recommend.merge`). Qualifying pairs are joined into sets, so three
 * twins make one recommendation. The survivor is the largest group; among groups of about the same
 * size, the one the shared notices were first posted into. Each distinct owner of the set gets the
 * advice. Zombie and archived (relay) groups are left to the archive advice.
 */
export function findMerges(ctx: RuleContext, archived: ReadonlySet<string>): Draft[] {
  const parent = new Map<string, string>();
  const pairOf = new Map<string, GroupOverlap>();
  for (const o of ctx.findings.overlaps) {
    const [a, b] = o.groupIds;
    if (archived.has(a) || archived.has(b) || ctx.zombieIds.has(a) || ctx.zombieIds.has(b)) continue;
    if (!qualifies(ctx, o)) continue;
    for (const g of [a, b]) if (!parent.has(g)) parent.set(g, g);
    parent.set(find(parent, a), find(parent, b));
    pairOf.set([a, b].sort().join('\u0000'), o);
  }
  const sets = new Map<string, string[]>();
  for (const g of parent.keys()) {
    const root = find(parent, g);
    const same = sets.get(root);
    if (same) same.push(g);
    else sets.set(root, [g]);
  }

  const drafts: Draft[] = [];
  for (const groupIds of sets.values()) {
    groupIds.sort();
    const inSet = new Set(groupIds);
    const windowShared = ctx.window.sharedWithin(inSet);
    const thisWeek = windowShared.filter((s) => s.week === 0);
    const firstPosted = new Map<string, number>();
    for (const { notice } of windowShared)
      firstPosted.set(notice.firstGroupId, (firstPosted.get(notice.firstGroupId) ?? 0) + 1);
    const size = (g: string) => ctx.notices.memberCount(g);
    const largest = Math.max(...groupIds.map(size));
    const keepGroupId = [...groupIds].sort(
      (a, b) =>
        Number(size(b) >= largest * (1 - SAME_SIZE)) - Number(size(a) >= largest * (1 - SAME_SIZE)) ||
        (firstPosted.get(b) ?? 0) - (firstPosted.get(a) ?? 0) ||
        size(b) - size(a) ||
        a.localeCompare(b),
    )[0] as string;
    // Redundant copies per week: the window's copies over the weeks judged, so a quiet week of a
    // real pair still shows what the merge saves in an ordinary week.
    const weeks = ctx.window.weeks.length;
    const redundant = round(
      windowShared.reduce((n, s) => n + ctx.window.redundantCopies(s.week, s.reached), 0) / weeks,
    );
    const union = unionMembers(ctx.notices, groupIds);
    const pair = groupIds.length === 2 ? pairOf.get(groupIds.join('\u0000')) : undefined;
    const figures: Record<string, number> = {
      groups: groupIds.length,
      sharedNotices: windowShared.length,
      weekSharedNotices: thisWeek.length,
      windowWeeks: weeks,
      redundantCopies: redundant,
      members: union.size,
      keepMembers: size(keepGroupId),
    };
    if (pair)
      Object.assign(figures, {
        jaccard: pair.jaccard,
        containment: pair.containment,
        sharedMembers: pair.sharedMembers,
      });
    const owners = [...new Set(groupIds.map((g) => ctx.groups.get(g)?.ownerId ?? null))];
    const addressees = owners.some((o) => o !== null) ? owners.filter((o) => o !== null).sort() : [null];
    for (const ownerId of addressees) {
      drafts.push({
        kind: 'merge',
        groupIds,
        ownerId,
        keepGroupId,
        magnitude: windowShared.length,
        evidence: {
          basis: null,
          figures,
          dates: datesOf(
            ctx,
            windowShared.map((s) => s.notice.firstTime),
          ),
          // Only this week's messages are at hand for excerpts.
          excerpts: excerpts(
            ctx,
            thisWeek.map((s) => s.notice.firstMessageId),
          ),
        },
        savings: SAVINGS.merge(ctx.config.model, redundant, union.size),
      });
    }
  }
  return drafts;
}
