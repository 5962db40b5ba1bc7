import type { GroupFacts } from '../store/groups.js';
/**
 * When a group came to be and when it was dissolved, from what the store keeps (GroupFacts).
 *
 * Born: its creation time, or when it was first seen if earlier or unknown.
 * Dissolved by a cutoff when, looking only at what was recorded before the cutoff, either
 * - its roster went empty: the latest snapshot has no members while an earlier one had some
 *   (everyone left, or the group was disbanded); dissolved at that snapshot; or
 * - the bot left it (a 'leave' of someone never in its rosters, see Groups.lifecycles) and no
 *   message or roster shows the group again before the cutoff; dissolved at the leave.
 * `groups.last_seen` is not used: imports set it from the export's dates, so an old, quiet group
 * would look dissolved when it is only quiet (that is the zombie rule's business).
 */

export function bornAt(g: GroupFacts): number {
  return Math.min(g.createdAt ?? g.firstSeen, g.firstSeen);
}

/** The time the group was dissolved, judged from what was recorded before `cutoff`; null if it was not. */
export function dissolvedAt(g: GroupFacts, cutoff: number): number | null {
  const candidates: number[] = [];
  let latest: { takenAt: number; members: number } | undefined;
  let hadMembers = false;
  for (const s of g.snapshots) {
    if (s.takenAt >= cutoff) break;
    if (latest && latest.members > 0) hadMembers = true;
    latest = s;
  }
  if (latest && latest.members === 0 && hadMembers) candidates.push(latest.takenAt);
  for (const leave of g.botLeaves) {
    if (leave.time >= cutoff) break;
    if (leave.nextActivityAt === null || leave.nextActivityAt >= cutoff) {
      candidates.push(leave.time);
      break;
    }
  }
  return candidates.length === 0 ? null : Math.min(...candidates);
}

/** Whether the group existed at `cutoff`: born before it and not dissolved by then. */
export function existsAt(g: GroupFacts, cutoff: number): boolean {
  return bornAt(g) < cutoff && dissolvedAt(g, cutoff) === null;
}

/** Whether the group was alive at some time during [from, to). */
export function activeDuring(g: GroupFacts, from: number, to: number): boolean {
  const gone = dissolvedAt(g, to);
  return bornAt(g) < to && (gone === null || gone >= from);
}
