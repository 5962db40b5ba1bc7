/**
 * The plan: what accepting every open merge and archive recommendation of the week would give —
 * groups now and after, groups per member after, and the copies and minutes saved per week —
 * overall and per unit. groupsAfter = groups − those merged away − those archived. A merge's
 * members all end up in its survivor. Copies: a merge's redundant copies per week; a relay's
 * notices per week × its members (each got them in the host too); a zombie carries none. Minutes:
 * the recommendations' own savings. Per unit, a merge counts for the survivor's unit, an archive
 * for the archived group's. Pure.
 */
import {
  countGroups,
  groupsPerMember,
  type MemberCountFigures,
  type UnitGroups,
} from './groups-per-member.js';
import type { Recommendation } from './recommendation.js';
import { round } from './rule-context.js';

export interface PlanFigures {
  groupsNow: number;
  groupsAfter: number;
  groupsPerMemberAfter: Omit<MemberCountFigures, 'members'>;
  copiesSavedPerWeek: number | null;
  minutesSavedPerWeek: number | null;
}

export interface ConsolidationPlan extends PlanFigures {
  units: (PlanFigures & { unit: string | null })[];
  /** The distinct recommendations the plan assumes accepted (one per group set, whoever the addressee). */
  recommendations: number;
}

function withoutMembers(f: MemberCountFigures): Omit<MemberCountFigures, 'members'> {
  return { median: f.median, p90: f.p90, overLimit: f.overLimit };
}

/** Copies a structural recommendation spares per week (see the module comment). */
export function copiesSaved(r: Recommendation): number {
  const f = r.evidence.figures;
  if (r.kind === 'merge') return f.redundantCopies ?? 0;
  if (r.kind === 'archive' && r.evidence.basis === 'relay')
    return round(((f.notices ?? 0) / Math.max(1, f.windowWeeks ?? 1)) * (f.members ?? 0));
  return 0;
}

export function consolidationPlan(
  units: readonly UnitGroups[],
  rosters: ReadonlyMap<string, Iterable<string>>,
  recommendations: readonly Recommendation[],
  limit: number,
  minPeople: number,
): ConsolidationPlan {
  const inScope = new Set(units.flatMap((u) => u.groupIds));
  const unitOf = new Map<string, string | null>();
  for (const u of units) for (const g of u.groupIds) unitOf.set(g, u.unit);
  const seen = new Set<string>();
  const structural = recommendations.filter((r) => {
    if (r.status !== 'open' || (r.kind !== 'merge' && r.kind !== 'archive')) return false;
    const key = `${r.kind}\u0000${r.groupIds.join('\u0000')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return r.groupIds.some((g) => inScope.has(g));
  });

  const after = new Map<string, Set<string>>();
  for (const g of inScope) after.set(g, new Set(rosters.get(g) ?? []));
  const removed = new Set<string>();
  const saved = new Map<string | null, { copies: number; minutes: number }>();
  const credit = (unit: string | null, r: Recommendation) => {
    const s = saved.get(unit) ?? { copies: 0, minutes: 0 };
    s.copies += copiesSaved(r);
    s.minutes += r.savings.minutesPerWeek;
    saved.set(unit, s);
  };
  for (const r of structural) {
    if (r.kind === 'archive') {
      const g = r.groupIds[0] as string;
      if (inScope.has(g)) removed.add(g);
      credit(unitOf.get(g) ?? null, r);
      continue;
    }
    const keep = r.keepGroupId ?? (r.groupIds[0] as string);
    const survivor = after.get(keep);
    for (const g of r.groupIds) {
      if (g === keep) continue;
      if (survivor) for (const m of rosters.get(g) ?? []) survivor.add(m);
      if (inScope.has(g)) removed.add(g);
    }
    credit(unitOf.get(keep) ?? null, r);
  }
  const remaining = [...inScope].filter((g) => !removed.has(g));
  const counts = countGroups(remaining, after);
  const gpm = groupsPerMember(units, rosters, limit, minPeople, counts);

  const figures = (
    groupIds: readonly string[],
    f: MemberCountFigures,
    s: { copies: number; minutes: number } | undefined,
  ) => ({
    groupsNow: groupIds.length,
    groupsAfter: groupIds.filter((g) => !removed.has(g)).length,
    groupsPerMemberAfter: withoutMembers(f),
    // Savings are about the members' reading; a unit whose member figures are hidden hides them too.
    copiesSavedPerWeek: f.members === null ? null : round(s?.copies ?? 0),
    minutesSavedPerWeek: f.members === null ? null : round(s?.minutes ?? 0),
  });
  const total = { copies: 0, minutes: 0 };
  for (const s of saved.values()) {
    total.copies += s.copies;
    total.minutes += s.minutes;
  }
  return {
    ...figures([...inScope], gpm.overall, total),
    units: units.map((u, i) => ({
      unit: u.unit,
      ...figures(u.groupIds, gpm.units[i] as MemberCountFigures, saved.get(u.unit)),
    })),
    recommendations: structural.length,
  };
}
