import { groupBy, groupDraft } from './group-draft.js';
import type { Draft, RuleContext } from './rule-context.js';
import { excerpts, round } from './rule-context.js';
import { SAVINGS } from './savings-model.js';

/**
 * Timing habits: quiet-hours (a group whose off-hours share is above `recommend.quietHours`) and
 * avoid-rush (same-day demands). Neither removes messages: quiet-hours moves them into working time.
 */
export function findTimingHabits(ctx: RuleContext): Draft[] {
  const { quietHours, minFindings, model } = ctx.config;
  const drafts: Draft[] = [];
  for (const v of ctx.findings.volume.groups) {
    if (v.messages === 0 || ctx.zombieIds.has(v.groupId)) continue;
    const share = v.offHoursMessages / v.messages;
    if (share <= quietHours.minOffHoursShare || v.offHoursMessages < quietHours.minOffHoursMessages) continue;
    const late = ctx.notices.notices(v.groupId).filter((n) => !ctx.calendar.isWorkingTime(n.message.time));
    drafts.push(
      groupDraft(
        ctx,
        'quiet-hours',
        v.groupId,
        v.offHoursMessages,
        {
          offHoursMessages: v.offHoursMessages,
          messages: v.messages,
          offHoursShare: round(share, 3),
          offHoursNotices: late.length,
        },
        late.map((n) => n.message.time),
        excerpts(
          ctx,
          late.map((n) => n.message.id),
        ),
        SAVINGS.quietHours(model, v.offHoursMessages, v.members),
      ),
    );
  }
  for (const [groupId, rushed] of groupBy(ctx.findings.rushedRequests)) {
    if (rushed.length < minFindings.rushed) continue;
    drafts.push(
      groupDraft(
        ctx,
        'avoid-rush',
        groupId,
        rushed.length,
        {
          rushed: rushed.length,
          minHoursGiven: Math.min(...rushed.map((r) => r.hoursGiven)),
          offHours: rushed.filter((r) => r.offHours).length,
        },
        rushed.map((r) => r.postedAt),
        excerpts(
          ctx,
          rushed.map((r) => r.messageId),
        ),
        SAVINGS.rush(model, rushed.length, ctx.notices.memberCount(groupId)),
      ),
    );
  }
  return drafts;
}
