import { WeekNotices } from '../recommend/week-notices.js';
import type { StoredWeekAnalysis } from '../weeks/stored-week.js';

/** One notice as one of the cadre's groups received it, and where else it reached the cadre. */
export interface NoticeReach {
  /** The duplicate cluster's id, or the message id of a notice posted once. */
  key: string;
  week: string;
  /** The group's first copy. */
  messageId: string;
  /** The cadre's other groups (that week's rosters) the notice also reached, in the order it reached them. */
  alsoIn: string[];
}

export interface GroupReach {
  groupId: string;
  /** Messages of any kind in the weeks considered. */
  messages: number;
  notices: NoticeReach[];
}

interface WeekIndex {
  notices: WeekNotices;
  /** Group id → messages of any kind that week. */
  messages: Map<string, number>;
}

/** Each analysed week's notices and message counts, built once however many cadres ask about it. */
const indexes = new WeakMap<StoredWeekAnalysis, WeekIndex>();

function weekIndex(analysis: StoredWeekAnalysis): WeekIndex {
  let index = indexes.get(analysis);
  if (!index) {
    const messages = new Map<string, number>();
    for (const m of analysis.data.messages) messages.set(m.groupId, (messages.get(m.groupId) ?? 0) + 1);
    index = { notices: new WeekNotices(analysis.data, analysis.findings.duplicates), messages };
    indexes.set(analysis, index);
  }
  return index;
}

/**
 * For each of `groupIds`, every notice it received in the analysed weeks and the cadre's other
 * groups that received the same notice. A notice is what WeekNotices calls one (a file, a link, a
 * long text, an @所有人 with text, any copy of a duplicate) without leaving out roll-call requests
 * or photo demands: those ask the cadre to act, so for muting they count as notices. A duplicate
 * cluster counts once per group. Weeks are analysed separately, so a notice repeated across a
 * week boundary counts as two (the safe side: it makes a group look less covered, never more).
 */
export function noticeReach(
  analyses: readonly StoredWeekAnalysis[],
  contactId: string,
  groupIds: readonly string[],
): Map<string, GroupReach> {
  const out = new Map<string, GroupReach>(
    groupIds.map((g) => [g, { groupId: g, messages: 0, notices: [] as NoticeReach[] }]),
  );
  for (const analysis of analyses) {
    const { data } = analysis;
    const memberOf = new Set<string>();
    for (const [groupId, ids] of data.members) if (ids.includes(contactId)) memberOf.add(groupId);
    const { notices, messages } = weekIndex(analysis);
    for (const reach of out.values()) {
      reach.messages += messages.get(reach.groupId) ?? 0;
      for (const { message, cluster } of notices.notices(reach.groupId)) {
        reach.notices.push({
          key: cluster?.id ?? message.id,
          week: data.week,
          messageId: message.id,
          alsoIn: cluster ? cluster.groupIds.filter((g) => g !== reach.groupId && memberOf.has(g)) : [],
        });
      }
    }
  }
  return out;
}
