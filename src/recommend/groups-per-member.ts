/**
 * Groups per member — the seeds' headline figure (one cadre in 22, 60+ work groups), aggregated:
 * per unit and overall, the median and 90th percentile (nearest rank) of how many of the recorded
 * groups each member is in, and how many members are in more than `policies.maxGroupsPerMember`.
 * Never a list or ranking of people; figures about fewer than `minPeople` members are null, and
 * so are the smallest other unit cells needed so that the total cannot give a hidden one away.
 * Pure: callers pass the groups and rosters (src/store/snapshots.ts, WeekData.members).
 */
import { cellsToHide } from './cells-to-hide.js';

export interface MemberCountFigures {
  /** Distinct members counted. */
  members: number | null;
  median: number | null;
  p90: number | null;
  /** Members in more groups than the limit. */
  overLimit: number | null;
}

export interface UnitMemberCounts extends MemberCountFigures {
  unit: string | null;
}

export interface GroupsPerMember {
  limit: number;
  overall: MemberCountFigures;
  units: UnitMemberCounts[];
}

/** The value at rank ⌈p·n⌉ of the ascending values (nearest-rank percentile); null for none. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] as number;
}

/** Each member's number of groups among `groupIds`. */
export function countGroups(
  groupIds: Iterable<string>,
  rosters: ReadonlyMap<string, Iterable<string>>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const g of groupIds) {
    for (const m of new Set(rosters.get(g) ?? [])) counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  return counts;
}

/** Median, p90 and over-limit of the given members' counts (members absent from `counts` have 0). */
export function figuresOf(
  population: ReadonlySet<string>,
  counts: ReadonlyMap<string, number>,
  limit: number,
): MemberCountFigures {
  const values = [...population].map((m) => counts.get(m) ?? 0).sort((a, b) => a - b);
  return {
    members: values.length,
    median: nearestRank(values, 0.5),
    p90: nearestRank(values, 0.9),
    overLimit: values.filter((v) => v > limit).length,
  };
}

const BLANK: MemberCountFigures = { members: null, median: null, p90: null, overLimit: null };

export interface UnitGroups {
  unit: string | null;
  groupIds: readonly string[];
}

/**
 * The figures per unit (over the members of the unit's groups) and overall (over the members of
 * all the groups given). A member's count is over all the groups given, not only their unit's.
 * `after`: counts to report instead (the plan's roster after the merges), same populations.
 */
export function groupsPerMember(
  units: readonly UnitGroups[],
  rosters: ReadonlyMap<string, Iterable<string>>,
  limit: number,
  minPeople: number,
  after?: ReadonlyMap<string, number>,
): GroupsPerMember {
  const counts =
    after ??
    countGroups(
      units.flatMap((u) => u.groupIds),
      rosters,
    );
  const populations = units.map((u) => {
    const set = new Set<string>();
    for (const g of u.groupIds) for (const m of rosters.get(g) ?? []) set.add(m);
    return set;
  });
  const everyone = new Set(populations.flatMap((p) => [...p]));
  const hide = cellsToHide(
    populations.map((p) => p.size),
    minPeople,
    (ix) => new Set(ix.flatMap((i) => [...(populations[i] ?? [])])).size,
  );
  const overallHidden = everyone.size > 0 && everyone.size < minPeople;
  return {
    limit,
    overall: overallHidden ? BLANK : figuresOf(everyone, counts, limit),
    units: units.map((u, i) => ({
      unit: u.unit,
      ...(hide.has(i) ? BLANK : figuresOf(populations[i] as Set<string>, counts, limit)),
    })),
  };
}
