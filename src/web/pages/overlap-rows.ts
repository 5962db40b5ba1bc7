import type { Recommendation } from '../../recommend/recommendation.js';
import type { PageTools } from './page-context.js';
import type { Column, Row } from './page-data.js';

export const OVERLAP_COLUMNS: Column[] = [
  { key: 'group', kind: 'text' },
  { key: 'otherGroup', kind: 'text' },
  { key: 'sharedMembers', kind: 'number' },
  { key: 'jaccard', kind: 'share' },
  { key: 'containment', kind: 'share' },
  { key: 'sharedNotices', kind: 'number' },
  { key: 'verdict', kind: 'enum' },
];

/** Pairs of groups that one of the week's merge recommendations joins, as 'a\u0000b' (sorted). */
function mergeablePairs(recommendations: readonly Recommendation[]): Set<string> {
  const pairs = new Set<string>();
  for (const r of recommendations) {
    if (r.kind !== 'merge') continue;
    for (const a of r.groupIds) for (const b of r.groupIds) if (a < b) pairs.add(`${a}\u0000${b}`);
  }
  return pairs;
}

/**
 * Pairs of groups sharing most members (the overlap finding) with at least one group in `groupIds`,
 * that group first. Only a pair the merge rule joins this week (window evidence, see
 * docs/RECOMMENDATIONS.md) is labelled mergeable; every other pair is an overlap — a small team
 * inside the all-staff group shares all its members and is not a merge. Member figures (shared
 * members, Jaccard, containment — together they give both groups' sizes) show "—" when fewer than
 * `minPeople` are shared, or either group is hidden by the plan or outside the viewer's scope; such
 * a group is not named either.
 */
export function overlapRows(
  tools: PageTools,
  groupIds: ReadonlySet<string>,
  minPeople: number,
  recommendations: readonly Recommendation[] = [],
): Row[] {
  const { view } = tools;
  const mergeable = mergeablePairs(recommendations);
  return view.analysis.findings.overlaps
    .filter((o) => groupIds.has(o.groupIds[0]) || groupIds.has(o.groupIds[1]))
    .map((o) => {
      const [a, b] = groupIds.has(o.groupIds[0]) ? o.groupIds : ([o.groupIds[1], o.groupIds[0]] as const);
      const hide = o.sharedMembers < minPeople || !tools.shows(a) || !tools.shows(b);
      const links: Record<string, string> = {};
      const la = tools.groupLink(a);
      const lb = tools.groupLink(b);
      if (la) links.group = la;
      if (lb) links.otherGroup = lb;
      return {
        cells: {
          group: tools.groupName(a),
          otherGroup: tools.groupName(b),
          sharedMembers: hide ? null : o.sharedMembers,
          jaccard: hide ? null : o.jaccard,
          containment: hide ? null : o.containment,
          sharedNotices: o.sharedNotices,
          verdict: mergeable.has([...o.groupIds].sort().join('\u0000')) ? 'mergeable' : 'overlap',
        },
        links,
      };
    });
}
