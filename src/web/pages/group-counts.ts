import { weekBounds } from '../../calendar/weeks.js';
import { existsAt } from '../../recommend/group-lifecycle.js';
import type { GroupFacts } from '../../store/groups.js';

/**
 * Work groups per unit existing at the end of each week, as the audit counts them (existsAt:
 * created before and not dissolved by then). About groups, not people: always shown. Units sorted,
 * the unassigned (null) last.
 */
export function groupCounts(
  facts: readonly GroupFacts[],
  weeks: readonly string[],
  timezone: string,
  unitOf: (groupId: string) => string | null,
  visible: (groupId: string) => boolean,
): { unit: string | null; counts: number[] }[] {
  const ends = weeks.map((w) => weekBounds(w, timezone).to);
  const byUnit = new Map<string | null, number[]>();
  for (const g of facts) {
    if (!visible(g.id)) continue;
    const unit = unitOf(g.id);
    let counts = byUnit.get(unit);
    if (!counts) {
      counts = ends.map(() => 0);
      byUnit.set(unit, counts);
    }
    ends.forEach((end, i) => {
      if (existsAt(g, end)) counts[i] = (counts[i] ?? 0) + 1;
    });
  }
  return [...byUnit.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'zh-CN')))
    .map(([unit, counts]) => ({ unit, counts }));
}
