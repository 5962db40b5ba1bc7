import type { WeekFindings } from '../analysis/registry.js';
import type { WeekData } from '../model/week-data.js';
import type { GroupFacts } from '../store/groups.js';
import type { DisclosurePlan } from './disclosure-plan.js';
import { activeDuring, bornAt, dissolvedAt, existsAt } from './group-lifecycle.js';
import type { AuditRow } from './supervisor-audit.js';
import type { WeekNotices } from './week-notices.js';

export interface AuditGroup {
  facts: GroupFacts;
  /** The group's unit as the audit counts it (the source's, else config.org.groupUnits), or null. */
  unit: string | null;
}

export interface AuditRowsInput {
  groups: readonly AuditGroup[];
  data: WeekData;
  findings: WeekFindings;
  notices: WeekNotices;
  /** End of the first week on record, or null. */
  firstWeekEnd: number | null;
  /** What to hide (planDisclosure over the same groups and week). */
  plan: DisclosurePlan;
}

/**
 * The audit's rows: one per unit (units sorted, the unassigned last) and the total, with the
 * figures the plan hides (about fewer than minPeople people, or giving such away) set to null.
 */
export function auditRows(input: AuditRowsInput): { total: AuditRow; units: AuditRow[] } {
  const { data, findings, notices } = input;
  const { from, to } = data;
  const volume = new Map(findings.volume.groups.map((v) => [v.groupId, v]));
  const zombies = new Set(findings.zombies.map((z) => z.groupId));
  const rollCalls = new Map<string, number>();
  for (const r of findings.rollCalls) rollCalls.set(r.groupId, (rollCalls.get(r.groupId) ?? 0) + 1);
  const noticeMessages = new Map<string, number>();
  for (const id of notices.noticeIds) {
    const g = notices.byId.get(id)?.groupId;
    if (g !== undefined) noticeMessages.set(g, (noticeMessages.get(g) ?? 0) + 1);
  }
  const repeats = new Map<string, number>();
  for (const c of findings.duplicates) {
    for (const id of c.messageIds.slice(1)) {
      const g = notices.byId.get(id)?.groupId;
      if (g !== undefined) repeats.set(g, (repeats.get(g) ?? 0) + 1);
    }
  }

  const row = (unit: string | null, groups: readonly AuditGroup[]): [AuditRow, Set<string>] => {
    const active = groups.filter((g) => activeDuring(g.facts, from, to)).map((g) => g.facts.id);
    const members = new Set(active.flatMap((id) => data.members.get(id) ?? []));
    const sum = (pick: (id: string) => number) => active.reduce((n, id) => n + pick(id), 0);
    const messages = sum((id) => volume.get(id)?.messages ?? 0);
    const noticesIn = sum((id) => noticeMessages.get(id) ?? 0);
    const figures: AuditRow = {
      unit,
      people: members.size,
      groups: groups.filter((g) => existsAt(g.facts, to)).length,
      groupsLastWeek: groups.filter((g) => existsAt(g.facts, from)).length,
      groupsFirstWeek:
        input.firstWeekEnd === null
          ? null
          : groups.filter((g) => existsAt(g.facts, input.firstWeekEnd as number)).length,
      created: groups.filter((g) => bornAt(g.facts) >= from && bornAt(g.facts) < to).length,
      dissolved: groups.filter((g) => {
        const gone = dissolvedAt(g.facts, to);
        return gone !== null && gone >= from;
      }).length,
      zombies: active.filter((id) => zombies.has(id)).length,
      messages,
      offHoursShare: messages === 0 ? null : sum((id) => volume.get(id)?.offHoursMessages ?? 0) / messages,
      duplicateRate: noticesIn === 0 ? null : Math.min(1, sum((id) => repeats.get(id) ?? 0) / noticesIn),
      rollCalls: sum((id) => rollCalls.get(id) ?? 0),
      atAllMessages: sum((id) => volume.get(id)?.atAllMessages ?? 0),
    };
    return [figures, members];
  };

  const byUnit = new Map<string | null, AuditGroup[]>();
  for (const g of input.groups) {
    const same = byUnit.get(g.unit);
    if (same) same.push(g);
    else byUnit.set(g.unit, [g]);
  }
  const units = [...byUnit.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'zh-CN')))
    .map(([unit, groups]) => row(unit, groups));
  const [total] = row(null, input.groups);

  const blank = (r: AuditRow): AuditRow => ({
    ...r,
    people: null,
    messages: null,
    offHoursShare: null,
    duplicateRate: null,
    rollCalls: null,
    atAllMessages: null,
  });
  return {
    total: input.plan.totalHidden ? blank(total) : total,
    units: units.map(([u]) => (input.plan.unitHidden(u.unit) ? blank(u) : u)),
  };
}
