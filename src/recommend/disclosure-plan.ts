/**
 * THE rule that decides which figures about people are hidden — for the supervisors' audit and for
 * every page, export, week and scope of the dashboard (docs/PRIVACY.md, docs/DASHBOARD.md "Fewer
 * than 5 people"). Anything that shows figures derived from members (messages, people, shares,
 * counts of findings) per group, per unit or summed over a scope asks one DisclosurePlan, made by
 * `planDisclosure` for one week and one scope, and shows a figure only if the plan does.
 *
 * The figures form a table with three levels: groups (the cells), units (sums of their groups) and
 * the scope's total (the sum of its units). Anyone who sees a total and some of its parts can
 * subtract: what is left is the sum of the hidden parts. So the plan keeps this invariant:
 *
 *   1. no group of fewer than `minPeople` members (or without a known roster) is shown;
 *   2. no unit, and no total, about fewer than `minPeople` people is shown;
 *   3. for every shown unit, its hidden groups are none, or cover `minPeople` people together
 *      (the union of their members);
 *   4. for the shown total, the hidden groups of the hidden units are none, or cover `minPeople`
 *      people together. (A hidden unit whose groups are all shown is no secret: it is their sum.)
 *
 * Because units are disjoint sets of groups inside one total, every combination of shown figures
 * leaves at best a sum over the groups of (3) or (4), i.e. over `minPeople` people or more
 * (test/web/disclosure-invariant.test.ts checks this by solving the shown sums). Hiding more than
 * the plan says is always safe: it only removes equations.
 *
 * Groups not `counted` (not active in the week) add nothing to unit or scope figures; they only
 * obey rule 1. The plan is per week (rosters change) and per scope (a scope's total is another sum).
 */

import type { GroupFacts } from '../store/groups.js';
import { activeDuring } from './group-lifecycle.js';

export interface DisclosureCell {
  groupId: string;
  unit: string | null;
  /** The group's members in the week (its latest roster before the week's end); empty if unknown. */
  members: readonly string[];
  /** Whether the group's figures add into its unit's and the scope's (active during the week). */
  counted: boolean;
}

export interface DisclosurePlan {
  minPeople: number;
  /** Groups whose member-derived figures are shown as "—". */
  hiddenGroups: ReadonlySet<string>;
  /** Units (null: groups without a unit) whose figures are shown as "—". */
  hiddenUnits: ReadonlySet<string | null>;
  /** Whether the scope's totals (people, messages, shares, trends) are shown as "—". */
  totalHidden: boolean;
  groupHidden(groupId: string): boolean;
  unitHidden(unit: string | null): boolean;
}

/** The plan for one week and scope; `cells` are exactly the scope's groups. Deterministic. */
export function planDisclosure(cells: readonly DisclosureCell[], minPeople: number): DisclosurePlan {
  const hidden = new Set<string>();
  for (const c of cells) if (c.members.length < minPeople) hidden.add(c.groupId);

  const byUnit = new Map<string | null, DisclosureCell[]>();
  for (const c of cells) {
    const list = byUnit.get(c.unit);
    if (list) list.push(c);
    else byUnit.set(c.unit, [c]);
  }
  const people = (list: readonly DisclosureCell[]) => new Set(list.flatMap((c) => c.members)).size;
  const counted = (list: readonly DisclosureCell[]) => list.filter((c) => c.counted);
  const hiddenOf = (list: readonly DisclosureCell[]) => counted(list).filter((c) => hidden.has(c.groupId));
  /** Smallest first, then by id: the cheapest cells to hide as complements. */
  const order = (a: DisclosureCell, b: DisclosureCell) =>
    a.members.length - b.members.length || a.groupId.localeCompare(b.groupId);
  const isSmall = (list: readonly DisclosureCell[]) =>
    counted(list).length > 0 && people(counted(list)) < minPeople;

  // Rules 2 and 3, unit by unit.
  const hiddenUnits = new Set<string | null>();
  for (const [unit, list] of byUnit) {
    if (isSmall(list)) {
      hiddenUnits.add(unit);
      continue;
    }
    let block = hiddenOf(list);
    while (block.length > 0 && people(block) < minPeople) {
      const next = counted(list)
        .filter((c) => !hidden.has(c.groupId))
        .sort(order)[0];
      if (!next) break; // cannot happen: with every group hidden the block is the whole unit
      hidden.add(next.groupId);
      block = hiddenOf(list);
    }
  }

  // Rules 2 and 4 for the scope's total.
  let totalHidden = isSmall(cells);
  const orphans = () => cells.filter((c) => c.counted && hidden.has(c.groupId) && hiddenUnits.has(c.unit));
  while (!totalHidden && orphans().length > 0 && people(orphans()) < minPeople) {
    // Hide one more unit with as few extra groups as it takes: first the unit whose already hidden
    // groups close the gap, else the unit whose smallest shown group does, else the largest gain.
    const base = orphans();
    let best: { unit: string | null; extra: DisclosureCell[]; gain: number } | null = null;
    for (const [unit, list] of [...byUnit].sort(([a], [b]) => String(a).localeCompare(String(b)))) {
      if (hiddenUnits.has(unit) || counted(list).length === 0) continue;
      const extra: DisclosureCell[] = [];
      const shown = counted(list)
        .filter((c) => !hidden.has(c.groupId))
        .sort(order);
      let gain = people([...base, ...hiddenOf(list)]);
      while (gain < minPeople && shown.length > 0) {
        extra.push(shown.shift() as DisclosureCell);
        gain = people([...base, ...hiddenOf(list), ...extra]);
      }
      const better =
        best === null ||
        (gain >= minPeople && best.gain < minPeople) ||
        (gain >= minPeople === best.gain >= minPeople && extra.length < best.extra.length);
      if (better) best = { unit, extra, gain };
    }
    if (best === null) {
      totalHidden = true;
      break;
    }
    hiddenUnits.add(best.unit);
    for (const c of best.extra) hidden.add(c.groupId);
  }

  return {
    minPeople,
    hiddenGroups: hidden,
    hiddenUnits,
    totalHidden,
    groupHidden: (id) => hidden.has(id),
    unitHidden: (unit) => hiddenUnits.has(unit),
  };
}

/**
 * The cells of a week for `groups` (one scope's groups, each with its unit as the audit counts it):
 * members from the week's rosters, counted when active during [from, to).
 */
export function disclosureCells(
  groups: readonly { facts: GroupFacts; unit: string | null }[],
  members: ReadonlyMap<string, readonly string[]>,
  from: number,
  to: number,
): DisclosureCell[] {
  return groups.map((g) => ({
    groupId: g.facts.id,
    unit: g.unit,
    members: members.get(g.facts.id) ?? [],
    counted: activeDuring(g.facts, from, to),
  }));
}
