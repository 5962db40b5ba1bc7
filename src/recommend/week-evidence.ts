/**
 * The structural evidence of one week in compact form, so that merge and relay advice can judge
 * several weeks (`recommend.windowWeeks`) without keeping every earlier week's messages in memory.
 * Built by `summariseWeekEvidence` from a week's data and findings (pure); the caller analyses the
 * earlier weeks (src/weeks/stored-week.ts) and passes their summaries in.
 */
import type { WeekFindings } from '../analysis/registry.js';
import type { WeekData } from '../model/week-data.js';
import type { RecommendConfig } from './recommendation.js';
import { type WeekNotices, weekNotices } from './week-notices.js';

/** A duplicate cluster that reached two or more groups, as the window rules need it. */
export interface SharedNotice {
  /** Distinct groups it reached, sorted. */
  groupIds: readonly string[];
  firstGroupId: string;
  firstTime: number;
  firstMessageId: string;
}

/** Per group, what the relay rule needs of one week. */
export interface RelayTally {
  /** Distinct notices the group received. */
  notices: number;
  /** The lowest share of the group's members any of them reached in other groups too (1 with none). */
  lowest: number;
  /** Other group → members shared, summed over the notices that reached it too (the host has most). */
  hosts: ReadonlyMap<string, number>;
}

export interface WeekEvidence {
  week: string;
  /** Rosters at the end of the week. */
  members: ReadonlyMap<string, ReadonlySet<string>>;
  /** Distinct notices each group received (a duplicate cluster once per group). */
  notices: ReadonlyMap<string, number>;
  shared: readonly SharedNotice[];
  /** Groups with at least one human message in the week. */
  active: ReadonlySet<string>;
  relay: ReadonlyMap<string, RelayTally>;
}

/**
 * Relay tallies of one week: for each group with notices, the lowest coverage of its members
 * elsewhere and the candidate hosts. Stops a group's scan at the first notice under `minCoverage`
 * (it cannot be a relay in that week, and the window needs every week's notices covered).
 */
function relayTallies(notices: WeekNotices, minCoverage: number): Map<string, RelayTally> {
  const out = new Map<string, RelayTally>();
  for (const [groupId, list] of notices.noticesByGroup) {
    const members = notices.members.get(groupId);
    if (!members || members.size === 0) continue;
    const hosts = new Map<string, number>();
    let lowest = 1;
    for (const n of list) {
      const others = (n.cluster?.groupIds ?? []).filter((g) => g !== groupId);
      let covered = 0;
      for (const member of members) {
        if (others.some((o) => notices.members.get(o)?.has(member))) covered++;
      }
      lowest = Math.min(lowest, covered / members.size);
      if (lowest < minCoverage) break;
      for (const o of new Set(others)) hosts.set(o, (hosts.get(o) ?? 0) + notices.sharedMembers(groupId, o));
    }
    out.set(groupId, { notices: list.length, lowest, hosts });
  }
  return out;
}

export function summariseWeekEvidence(
  data: WeekData,
  findings: WeekFindings,
  config: RecommendConfig,
  notices: WeekNotices = weekNotices(data, findings),
): WeekEvidence {
  const counts = new Map<string, number>();
  for (const [groupId, list] of notices.noticesByGroup) counts.set(groupId, list.length);
  const shared: SharedNotice[] = [];
  for (const c of findings.duplicates) {
    const groupIds = [...new Set(c.groupIds)].sort();
    if (groupIds.length < 2) continue;
    shared.push({
      groupIds,
      firstGroupId: c.firstGroupId,
      firstTime: c.firstTime,
      firstMessageId: c.firstMessageId,
    });
  }
  const active = new Set<string>();
  for (const m of data.messages) if (m.type !== 'system' && m.type !== 'recalled') active.add(m.groupId);
  return {
    week: data.week,
    members: notices.members,
    notices: counts,
    shared,
    active,
    relay: relayTallies(notices, config.relay.minCoverage),
  };
}

/**
 * The window as the rules read it: this week first, then the earlier weeks given (newest first),
 * at most `windowWeeks` in all. Sums are over these weeks.
 */
export class EvidenceWindow {
  readonly weeks: readonly WeekEvidence[];
  private readonly byGroup: Map<string, Set<number>>[];

  constructor(current: WeekEvidence, earlier: readonly WeekEvidence[], windowWeeks: number) {
    this.weeks = [current, ...earlier].slice(0, Math.max(1, windowWeeks));
    this.byGroup = this.weeks.map((w) => {
      const index = new Map<string, Set<number>>();
      w.shared.forEach((s, i) => {
        for (const g of s.groupIds) {
          const set = index.get(g);
          if (set) set.add(i);
          else index.set(g, new Set([i]));
        }
      });
      return index;
    });
  }

  /** Notices that reached both groups, summed over the window. */
  sharedNotices(a: string, b: string): number {
    let n = 0;
    for (const index of this.byGroup) {
      const sa = index.get(a);
      const sb = index.get(b);
      if (!sa || !sb) continue;
      for (const i of sa) if (sb.has(i)) n++;
    }
    return n;
  }

  /** Distinct notices the group received, summed over the window. */
  notices(groupId: string): number {
    return this.weeks.reduce((n, w) => n + (w.notices.get(groupId) ?? 0), 0);
  }

  /** Whether anyone wrote in the group during the window. */
  active(groupId: string): boolean {
    return this.weeks.some((w) => w.active.has(groupId));
  }

  /** Shared notices of the window that reached two or more of the given groups, with their week's index. */
  sharedWithin(groupIds: ReadonlySet<string>): { week: number; notice: SharedNotice; reached: string[] }[] {
    const out: { week: number; notice: SharedNotice; reached: string[] }[] = [];
    this.weeks.forEach((w, week) => {
      for (const notice of w.shared) {
        const reached = notice.groupIds.filter((g) => groupIds.has(g));
        if (reached.length >= 2) out.push({ week, notice, reached });
      }
    });
    return out;
  }

  /** Redundant copies (see redundantCopies) one shared notice caused among `reached`, with that week's rosters. */
  redundantCopies(week: number, reached: readonly string[]): number {
    const members = this.weeks[week]?.members;
    if (!members || reached.length < 2) return 0;
    const times = new Map<string, number>();
    for (const g of reached) for (const m of members.get(g) ?? []) times.set(m, (times.get(m) ?? 0) + 1);
    let redundant = 0;
    for (const k of times.values()) redundant += k - 1;
    return redundant;
  }
}
