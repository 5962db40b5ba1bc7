import type { WeekNotices } from './week-notices.js';

/**
 * Copies of one notice a set of groups delivers in vain: each member of the groups reached gets
 * it once per reached group they are in, and every copy after the first is redundant. `reached`
 * holds the groups (of the set) the notice reached; the sum is over their members.
 */
export function redundantCopies(notices: WeekNotices, reached: readonly string[]): number {
  if (reached.length < 2) return 0;
  const times = new Map<string, number>();
  for (const g of reached) {
    for (const member of notices.members.get(g) ?? []) times.set(member, (times.get(member) ?? 0) + 1);
  }
  let redundant = 0;
  for (const k of times.values()) redundant += k - 1;
  return redundant;
}

/** Distinct members over the groups. */
export function unionMembers(notices: WeekNotices, groupIds: readonly string[]): Set<string> {
  const union = new Set<string>();
  for (const g of groupIds) for (const member of notices.members.get(g) ?? []) union.add(member);
  return union;
}
