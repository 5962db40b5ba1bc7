import type { Draft, RuleContext } from './rule-context.js';
import { datesOf, excerpts, round } from './rule-context.js';
import { SAVINGS } from './savings-model.js';

/** Archive a zombie group: nobody has written in it for `analysis.zombie.quietDays` days or more. */
export function findZombieArchives(ctx: RuleContext): Draft[] {
  return ctx.findings.zombies.map((z) => ({
    kind: 'archive',
    groupIds: [z.groupId],
    ownerId: ctx.groups.get(z.groupId)?.ownerId ?? null,
    keepGroupId: null,
    // Quiet days grow by themselves every week; the group's size is what would make it matter more.
    magnitude: ctx.notices.memberCount(z.groupId),
    evidence: {
      basis: 'zombie',
      figures: {
        quietDays: z.quietDays,
        members: ctx.notices.memberCount(z.groupId),
        neverUsed: z.lastHumanMessageAt === null ? 1 : 0,
      },
      dates: z.lastHumanMessageAt === null ? [] : datesOf(ctx, [z.lastHumanMessageAt]),
      excerpts: [],
    },
    savings: SAVINGS.zombie(),
  }));
}

interface RelayCandidate {
  groupId: string;
  hostId: string;
  minCoverage: number;
  /** Notices over the window. */
  notices: number;
}

/**
 * A relay group: every one of its notices over the evidence window (at least `relay.minNotices`)
 * also reached at least `relay.minCoverage` of its members in other groups. It is advised for archiving, its members
 * keeping the group that covers most of them (the host), provided it has at least
 * `relay.minSizeRatio` of the host's members (a small team inside the all-staff group has its own
 * purpose, even in a week when it only got forwarded notices). A group whose host is a near-identical twin
 * (Jaccard ≥ `merge.minJaccard`), or relays it back, is left to the merge rule.
 */
export function findRelayArchives(ctx: RuleContext): Draft[] {
  const { minNotices, minCoverage, minSizeRatio } = ctx.config.relay;
  const candidates = new Map<string, RelayCandidate>();
  for (const group of ctx.data.groups) {
    const members = ctx.notices.members.get(group.id);
    if (!members || members.size === 0 || ctx.zombieIds.has(group.id)) continue;
    // Over the window: every notice of every week judged reached the members elsewhere too, and
    // there were at least `minNotices` of them (a relay with one notice a week is still found).
    let notices = 0;
    let lowest = 1;
    const hostScore = new Map<string, number>();
    for (const week of ctx.window.weeks) {
      const tally = week.relay.get(group.id);
      if (!tally) continue;
      notices += tally.notices;
      lowest = Math.min(lowest, tally.lowest);
      if (lowest < minCoverage) break;
      for (const [o, score] of tally.hosts) hostScore.set(o, (hostScore.get(o) ?? 0) + score);
    }
    if (notices < minNotices || lowest < minCoverage) continue;
    const hostId = [...hostScore.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    if (hostId === undefined || members.size < minSizeRatio * ctx.notices.memberCount(hostId)) continue;
    candidates.set(group.id, { groupId: group.id, hostId, minCoverage: lowest, notices });
  }
  const twins = new Set(
    ctx.findings.overlaps
      .filter((o) => o.jaccard >= ctx.config.merge.minJaccard)
      .map((o) => [...o.groupIds].sort().join('\u0000')),
  );
  const drafts: Draft[] = [];
  for (const c of candidates.values()) {
    // A relay of a near-identical twin (or of a group relaying it back) is a merge, not an archive.
    if (candidates.get(c.hostId)?.hostId === c.groupId) continue;
    if (twins.has([c.groupId, c.hostId].sort().join('\u0000'))) continue;
    const notices = ctx.notices.notices(c.groupId);
    const triggers = new Set(notices.map((n) => n.message.id));
    const acks = ctx.findings.ackFloods
      .filter((a) => triggers.has(a.triggerMessageId))
      .reduce((sum, a) => sum + a.messageIds.length, 0);
    const members = ctx.notices.memberCount(c.groupId);
    const weeks = ctx.window.weeks.length;
    drafts.push({
      kind: 'archive',
      groupIds: [c.groupId],
      ownerId: ctx.groups.get(c.groupId)?.ownerId ?? null,
      keepGroupId: c.hostId,
      magnitude: c.notices,
      evidence: {
        basis: 'relay',
        figures: {
          notices: c.notices,
          weekNotices: notices.length,
          windowWeeks: weeks,
          coverage: round(c.minCoverage, 3),
          members,
          acks,
        },
        dates: datesOf(
          ctx,
          notices.map((n) => n.message.time),
        ),
        excerpts: excerpts(
          ctx,
          notices.map((n) => n.message.id),
        ),
      },
      // Notices per week over the window (a quiet week still shows an ordinary week's saving);
      // acknowledgements are this week's.
      savings: SAVINGS.relay(ctx.config.model, round(c.notices / weeks), acks, members),
    });
  }
  return drafts;
}
