import { groupBy, groupDraft, sum } from './group-draft.js';
import type { EvidenceExcerpt } from './recommendation.js';
import type { Draft, RuleContext } from './rule-context.js';
import { excerptOf, excerpts } from './rule-context.js';
import { SAVINGS } from './savings-model.js';

/**
 * Per-group habits that read findings directly, one recommendation per group and kind:
 * replace-rollcall (roll-calls and acknowledgement floods), curb-likes (like-spam),
 * stop-photo-proof (photo-proof demands). Thresholds in `recommend.minFindings`.
 */
export function findReplyHabits(ctx: RuleContext): Draft[] {
  const { minFindings, model } = ctx.config;
  const members = (g: string) => ctx.notices.memberCount(g);
  const drafts: Draft[] = [];
  const rollCalls = groupBy(ctx.findings.rollCalls);
  const acks = groupBy(ctx.findings.ackFloods);
  for (const groupId of new Set([...rollCalls.keys(), ...acks.keys()])) {
    const rc = rollCalls.get(groupId) ?? [];
    const af = acks.get(groupId) ?? [];
    if (rc.length + af.length < minFindings.rollCalls) continue;
    const posts = sum(rc, (r) => r.posts);
    const ackCount = sum(af, (a) => a.messageIds.length);
    // A roll-call's first post carries names; its title (description, card title or request) does not.
    const titles: EvidenceExcerpt[] = rc.flatMap((r) => {
      const base = excerptOf(ctx.notices.byId.get(r.requestMessageId ?? r.messageIds[0] ?? ''), ctx.calendar);
      const text = Array.from(r.title.replace(/\s+/g, ' ').trim());
      if (!base || text.length === 0) return [];
      return [{ ...base, text: text.length > 30 ? `${text.slice(0, 29).join('')}…` : text.join('') }];
    });
    const cited = [
      ...titles,
      ...excerpts(
        ctx,
        af.map((a) => a.triggerMessageId).filter((id) => ctx.notices.noticeIds.has(id)),
      ),
    ].slice(0, 2);
    drafts.push(
      groupDraft(
        ctx,
        'replace-rollcall',
        groupId,
        posts + ackCount,
        {
          rollCalls: rc.length,
          posts,
          linesReposted: sum(rc, (r) => r.linesReposted),
          ackFloods: af.length,
          acks: ackCount,
          members: members(groupId),
        },
        [...rc.map((r) => r.firstAt), ...af.map((a) => a.firstAt)],
        cited,
        SAVINGS.rollCall(model, posts, ackCount, members(groupId)),
      ),
    );
  }
  for (const [groupId, floods] of groupBy(ctx.findings.likeSpam)) {
    if (floods.length < minFindings.likeSpam) continue;
    const praise = sum(floods, (f) => f.messageIds.length);
    drafts.push(
      groupDraft(
        ctx,
        'curb-likes',
        groupId,
        praise,
        { floods: floods.length, praise, afterLeader: floods.filter((f) => f.triggerByLeader).length },
        floods.map((f) => f.firstAt),
        excerpts(
          ctx,
          floods.map((f) => f.triggerMessageId),
        ),
        SAVINGS.likes(model, praise, members(groupId)),
      ),
    );
  }
  for (const [groupId, demands] of groupBy(ctx.findings.photoProof)) {
    if (demands.length < minFindings.photoProof) continue;
    const images = sum(demands, (d) => d.messageIds.length);
    drafts.push(
      groupDraft(
        ctx,
        'stop-photo-proof',
        groupId,
        images + demands.length,
        { demands: demands.length, images, floods: demands.filter((d) => d.flood).length },
        demands.map((d) => d.demandAt),
        excerpts(
          ctx,
          demands.map((d) => d.demandMessageId),
        ),
        SAVINGS.photoProof(model, images, members(groupId)),
      ),
    );
  }
  return drafts;
}
