import type { Group } from '../model/group.js';
import type { Store } from './store.js';

/**
 * What the store knows about a group's life, for counting groups created and dissolved
 * (src/recommend/group-lifecycle.ts states the rule):
 * - `snapshots`: every roster snapshot's time and size, in time order;
 * - `botLeaves`: 'leave' events whose leaver never appears in any roster of the group — the bot
 *   itself, which the recorder leaves out of rosters while every other member who joins is
 *   snapshotted at once — each with the time of the group's next sign of life after it (a message,
 *   or a non-empty roster taken more than an hour later), or null.
 */
export interface GroupFacts extends Group {
  snapshots: { takenAt: number; members: number }[];
  botLeaves: { time: number; nextActivityAt: number | null }[];
}

/**
 * The recorder snapshots a room right after each room event; after the bot's own leave that
 * snapshot may still list the remaining members. Only later rosters show the bot is back.
 */
const SNAPSHOT_GRACE_MS = 3_600_000;

export function readGroupLifecycles(store: Store): GroupFacts[] {
  const { db } = store;
  const groups = db
    .prepare(
      `SELECT id, name, owner_id AS ownerId, unit, created_at AS createdAt, first_seen AS firstSeen,
              last_seen AS lastSeen
       FROM groups ORDER BY id`,
    )
    .all() as Group[];
  const snapshots = db
    .prepare(
      'SELECT group_id AS groupId, taken_at AS takenAt, member_count AS members FROM membership_snapshots ORDER BY taken_at, id',
    )
    .all() as { groupId: string; takenAt: number; members: number }[];
  const leaves = db
    .prepare(
      `SELECT e.group_id AS groupId, e.time AS time,
              (SELECT MIN(t) FROM (
                 SELECT MIN(m.time) AS t FROM messages m WHERE m.group_id = e.group_id AND m.time > e.time
                 UNION ALL
                 SELECT MIN(s.taken_at) FROM membership_snapshots s
                 WHERE s.group_id = e.group_id AND s.taken_at > e.time + ? AND s.member_count > 0)) AS nextActivityAt
       FROM room_events e
       WHERE e.kind = 'leave' AND e.actor_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM membership_snapshots s JOIN snapshot_members sm ON sm.snapshot_id = s.id
                         WHERE s.group_id = e.group_id AND sm.contact_id = e.actor_id)
       ORDER BY e.time`,
    )
    .all(SNAPSHOT_GRACE_MS) as { groupId: string; time: number; nextActivityAt: number | null }[];

  const facts = new Map<string, GroupFacts>(
    groups.map((g) => [g.id, { ...g, snapshots: [], botLeaves: [] }]),
  );
  for (const s of snapshots) facts.get(s.groupId)?.snapshots.push({ takenAt: s.takenAt, members: s.members });
  for (const l of leaves)
    facts.get(l.groupId)?.botLeaves.push({ time: l.time, nextActivityAt: l.nextActivityAt });
  return [...facts.values()];
}
