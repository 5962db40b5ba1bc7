import type { WeekFindings } from '../analysis/registry.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { WeekData } from '../model/week-data.js';
import type { AuditGroup } from './audit-rows.js';
import type { DisclosurePlan } from './disclosure-plan.js';
import { activeDuring, existsAt } from './group-lifecycle.js';
import type { RecommendConfig } from './recommendation.js';
import type { AuditBreach, AuditRow } from './supervisor-audit.js';
import type { WeekNotices } from './week-notices.js';

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether a local minute of the day falls in [start, end), a window that may span midnight. */
export function inWindow(minuteOfDay: number, start: number, end: number): boolean {
  return start <= end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
}

/**
 * Breaches of `recommend.policies`: units with more groups than allowed (at the end of the week),
 * groups with more @所有人 than allowed, groups with notices in the quiet-hours window. A breach in
 * a group whose figures the plan hides is counted in `hidden`, not listed.
 */
export function auditBreaches(input: {
  groups: readonly AuditGroup[];
  units: readonly AuditRow[];
  data: WeekData;
  findings: WeekFindings;
  notices: WeekNotices;
  calendar: WorkCalendar;
  policies: RecommendConfig['policies'];
  plan: DisclosurePlan;
}): { breaches: AuditBreach[]; hidden: number } {
  const { data, policies } = input;
  const breaches: AuditBreach[] = [];
  let hidden = 0;
  for (const u of input.units) {
    if (u.unit !== null && u.groups > policies.maxGroupsPerUnit) {
      breaches.push({
        policy: 'maxGroupsPerUnit',
        unit: u.unit,
        groupId: null,
        groupName: null,
        value: u.groups,
        limit: policies.maxGroupsPerUnit,
      });
    }
  }
  const start = minutes(policies.quietHours.start);
  const end = minutes(policies.quietHours.end);
  const quiet = new Map<string, number>();
  for (const id of input.notices.noticeIds) {
    const m = input.notices.byId.get(id);
    if (m && inWindow(input.calendar.local(m.time).minuteOfDay, start, end)) {
      quiet.set(m.groupId, (quiet.get(m.groupId) ?? 0) + 1);
    }
  }
  const volume = new Map(input.findings.volume.groups.map((v) => [v.groupId, v]));
  const sorted = [...input.groups].sort((a, b) => a.facts.id.localeCompare(b.facts.id));
  for (const g of sorted) {
    if (!activeDuring(g.facts, data.from, data.to)) continue;
    const found: [AuditBreach['policy'], number, number][] = [
      [
        'maxAtAllPerGroupPerWeek',
        volume.get(g.facts.id)?.atAllMessages ?? 0,
        policies.maxAtAllPerGroupPerWeek,
      ],
      ['quietHours', quiet.get(g.facts.id) ?? 0, policies.quietHours.maxNoticesPerGroupPerWeek],
    ];
    for (const [policy, value, limit] of found) {
      if (value <= limit) continue;
      if (input.plan.groupHidden(g.facts.id)) hidden++;
      else
        breaches.push({ policy, unit: g.unit, groupId: g.facts.id, groupName: g.facts.name, value, limit });
    }
  }
  return { breaches, hidden };
}

const BUCKETS = ['1', '2', '3', '4+'] as const;

/** How many owners own 1, 2, 3 or 4+ of the groups existing at `at`; counts below minPeople hidden. */
export function ownerDistribution(
  groups: readonly AuditGroup[],
  at: number,
  minPeople: number,
  hide: (sizes: number[]) => Set<number>,
): { owners: number | null; distribution: { groups: (typeof BUCKETS)[number]; owners: number | null }[] } {
  const owned = new Map<string, number>();
  for (const g of groups) {
    if (g.facts.ownerId !== null && existsAt(g.facts, at))
      owned.set(g.facts.ownerId, (owned.get(g.facts.ownerId) ?? 0) + 1);
  }
  const counts = [0, 0, 0, 0];
  for (const n of owned.values()) counts[Math.min(n, 4) - 1] = (counts[Math.min(n, 4) - 1] ?? 0) + 1;
  const hidden = hide(counts);
  return {
    owners: owned.size > 0 && owned.size < minPeople ? null : owned.size,
    distribution: BUCKETS.map((b, i) => ({ groups: b, owners: hidden.has(i) ? null : (counts[i] ?? 0) })),
  };
}
