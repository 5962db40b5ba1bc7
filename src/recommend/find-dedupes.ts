import type { DuplicateCluster } from '../analysis/duplicate-notices.js';
import { redundantCopies, unionMembers } from './redundant-copies.js';
import type { Draft, RuleContext } from './rule-context.js';
import { datesOf, excerpts, round } from './rule-context.js';
import { SAVINGS } from './savings-model.js';

interface OwnerPosts {
  clusters: DuplicateCluster[];
  groups: Set<string>;
  redundant: number;
}

/**
 * Dedupe notices: an owner who posted the same notice into several of their own groups that share
 * members, at least `recommend.dedupe.minNotices` times this week. Advice: post once, in the group
 * that reaches (most of) everyone. `excluded` groups (archived, or merged away) are left out, so the
 * advice never repeats a merge or an archive.
 */
export function findDedupes(ctx: RuleContext, excluded: ReadonlySet<string>): Draft[] {
  const byOwner = new Map<string, OwnerPosts>();
  for (const cluster of ctx.findings.duplicates) {
    const reachedBy = new Map<string, Set<string>>();
    for (const id of cluster.messageIds) {
      const m = ctx.notices.byId.get(id);
      const owner = m ? ctx.groups.get(m.groupId)?.ownerId : undefined;
      if (!m || !owner || m.senderId !== owner || excluded.has(m.groupId)) continue;
      const set = reachedBy.get(owner) ?? new Set<string>();
      set.add(m.groupId);
      reachedBy.set(owner, set);
    }
    for (const [owner, groups] of reachedBy) {
      const redundant = redundantCopies(ctx.notices, [...groups]);
      if (redundant === 0) continue;
      const posts = byOwner.get(owner) ?? { clusters: [], groups: new Set<string>(), redundant: 0 };
      posts.clusters.push(cluster);
      for (const g of groups) posts.groups.add(g);
      posts.redundant += redundant;
      byOwner.set(owner, posts);
    }
  }

  const drafts: Draft[] = [];
  for (const [ownerId, posts] of byOwner) {
    if (posts.clusters.length < ctx.config.dedupe.minNotices) continue;
    const groupIds = [...posts.groups].sort();
    const union = unionMembers(ctx.notices, groupIds);
    const keepGroupId = [...groupIds].sort(
      (a, b) => ctx.notices.memberCount(b) - ctx.notices.memberCount(a) || a.localeCompare(b),
    )[0] as string;
    const reach = union.size === 0 ? 0 : ctx.notices.memberCount(keepGroupId) / union.size;
    drafts.push({
      kind: 'dedupe-notices',
      groupIds,
      ownerId,
      keepGroupId,
      magnitude: posts.redundant,
      evidence: {
        basis: null,
        figures: {
          notices: posts.clusters.length,
          groups: groupIds.length,
          redundantCopies: posts.redundant,
          members: union.size,
          keepReach: round(Math.min(1, reach), 3),
        },
        dates: datesOf(
          ctx,
          posts.clusters.map((c) => c.firstTime),
        ),
        excerpts: excerpts(
          ctx,
          posts.clusters.map((c) => c.firstMessageId),
        ),
      },
      savings: SAVINGS.dedupe(ctx.config.model, posts.redundant, union.size),
    });
  }
  return drafts;
}
