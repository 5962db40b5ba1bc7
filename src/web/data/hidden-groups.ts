import { cellsToHide } from '../../recommend/cells-to-hide.js';

/**
 * The groups whose member-derived figures (members, messages, shares, heatmaps, findings, savings)
 * the dashboard shows as "—": every group of fewer than `minPeople` members or without a known
 * roster, and — per unit, since unit totals are shown — as many of the unit's smallest other groups
 * as it takes that the hidden ones cannot be worked out by subtraction (cellsToHide, the audit's rule).
 */
export function hiddenGroups(
  members: ReadonlyMap<string, readonly string[]>,
  units: ReadonlyMap<string, string | null>,
  minPeople: number,
): Set<string> {
  const byUnit = new Map<string | null, string[]>();
  for (const [groupId, unit] of units) {
    const list = byUnit.get(unit);
    if (list) list.push(groupId);
    else byUnit.set(unit, [groupId]);
  }
  const hidden = new Set<string>();
  for (const ids of byUnit.values()) {
    ids.sort();
    const sets = ids.map((id) => members.get(id) ?? []);
    // A group without a roster is about an unknown number of people: hide it like a small one.
    const sizes = sets.map((s) => (s.length === 0 ? 1 : s.length));
    const union = (ix: readonly number[]) => new Set(ix.flatMap((i) => [...(sets[i] ?? [])])).size;
    for (const i of cellsToHide(sizes, minPeople, union)) hidden.add(ids[i] as string);
  }
  return hidden;
}
