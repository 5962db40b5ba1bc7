import type { WeekView } from './week-view.js';

/** A group's figures of one week, kept for trends after the week's messages are let go. */
export interface GroupWeekFigures {
  messages: number;
  offHoursMessages: number;
  rollCalls: number;
  ackFloods: number;
}

/** What the trend charts need of one week: per-group figures, the duplicate clusters and the rosters. */
export interface WeekSummary {
  week: string;
  groups: ReadonlyMap<string, GroupWeekFigures>;
  /** Per duplicate cluster: the group of its first copy and the copies each group received. */
  clusters: { firstGroupId: string; copies: ReadonlyMap<string, number> }[];
  members: ReadonlyMap<string, readonly string[]>;
}

export function summariseWeek(view: WeekView): WeekSummary {
  const { data, findings } = view.analysis;
  const groups = new Map<string, GroupWeekFigures>();
  const figures = (id: string) => {
    let f = groups.get(id);
    if (!f) {
      f = { messages: 0, offHoursMessages: 0, rollCalls: 0, ackFloods: 0 };
      groups.set(id, f);
    }
    return f;
  };
  for (const v of findings.volume.groups) {
    const f = figures(v.groupId);
    f.messages = v.messages;
    f.offHoursMessages = v.offHoursMessages;
  }
  for (const r of findings.rollCalls) figures(r.groupId).rollCalls++;
  for (const a of findings.ackFloods) figures(a.groupId).ackFloods++;
  const clusters = findings.duplicates.map((c) => {
    const copies = new Map<string, number>();
    for (const id of c.messageIds) {
      const g = view.messages.get(id)?.groupId;
      if (g !== undefined) copies.set(g, (copies.get(g) ?? 0) + 1);
    }
    return { firstGroupId: c.firstGroupId, copies };
  });
  return { week: view.week, groups, clusters, members: data.members };
}

/**
 * 重复送达 (repeated copies), the one definition every page uses: the copies of a duplicate notice
 * the visible groups received beyond its first copy (as the audit counts repeats). The first copy is
 * not a repeat when its group is visible; when it is not, every visible copy is one.
 */
export function countRepeatedCopies(visibleCopies: number, firstGroupVisible: boolean): number {
  if (visibleCopies === 0) return 0;
  return firstGroupVisible ? visibleCopies - 1 : visibleCopies;
}

/** One week of a trend, over the groups a supervisor sees. Null: about fewer than minPeople people. */
export interface TrendPoint {
  week: string;
  messages: number | null;
  offHoursShare: number | null;
  /** Duplicate notices that reached at least one of the groups. */
  duplicateNotices: number | null;
  /** Copies the groups received beyond the first copy of each notice (as the audit counts repeats). */
  repeatedCopies: number | null;
  rollCalls: number | null;
  ackFloods: number | null;
}

/** A week not analysed yet: every figure unknown. */
export function emptyTrendPoint(week: string): TrendPoint {
  return {
    week,
    messages: null,
    offHoursShare: null,
    duplicateNotices: null,
    repeatedCopies: null,
    rollCalls: null,
    ackFloods: null,
  };
}

export function trendPoint(
  summary: WeekSummary,
  visible: (groupId: string) => boolean,
  minPeople: number,
): TrendPoint {
  const people = new Set<string>();
  let messages = 0;
  let offHours = 0;
  let rollCalls = 0;
  let ackFloods = 0;
  for (const [id, f] of summary.groups) {
    if (!visible(id)) continue;
    for (const m of summary.members.get(id) ?? []) people.add(m);
    messages += f.messages;
    offHours += f.offHoursMessages;
    rollCalls += f.rollCalls;
    ackFloods += f.ackFloods;
  }
  let duplicateNotices = 0;
  let repeatedCopies = 0;
  for (const c of summary.clusters) {
    let copies = 0;
    for (const [g, n] of c.copies) if (visible(g)) copies += n;
    if (copies === 0) continue;
    duplicateNotices++;
    repeatedCopies += countRepeatedCopies(copies, visible(c.firstGroupId));
  }
  if (people.size < minPeople) return emptyTrendPoint(summary.week);
  return {
    week: summary.week,
    messages,
    offHoursShare: messages === 0 ? null : offHours / messages,
    duplicateNotices,
    repeatedCopies,
    rollCalls,
    ackFloods,
  };
}
