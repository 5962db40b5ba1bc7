import type { Group, GroupInput } from '../model/group.js';
import type { Contacts } from './contacts.js';
import type { StoreCore } from './store-core.js';

/** A group a contact is in, as its latest member snapshot says. */
export interface MemberGroup {
  id: string;
  name: string;
  /** As stored; config.org.ownerOverrides is applied by whoever resolves owners. */
  ownerId: string | null;
  unit: string | null;
  /** Members in that snapshot. */
  memberCount: number;
}

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

export interface RoomEvent {
  groupId: string;
  time: number;
  kind: 'join' | 'leave' | 'topic';
  actorId: string | null;
  detail: string | null;
}

/**
 * The recorder snapshots a room right after each room event; after the bot's own leave that
 * snapshot may still list the remaining members. Only later rosters show the bot is back.
 */
export const SNAPSHOT_GRACE_MS = 3_600_000;

const UPSERT = `
            INSERT INTO groups (id, name, owner_id, unit, created_at, first_seen, last_seen)
            VALUES (@id, @name, @ownerId, @unit, @createdAt, @seenAt, @seenAt)
            ON CONFLICT (id) DO UPDATE SET
              name = excluded.name,
              owner_id = COALESCE(excluded.owner_id, groups.owner_id),
              unit = COALESCE(excluded.unit, groups.unit),
              created_at = COALESCE(groups.created_at, excluded.created_at),
              first_seen = MIN(groups.first_seen, excluded.first_seen),
              last_seen = MAX(groups.last_seen, excluded.last_seen)`;
const INSERT_EVENT =
  'INSERT INTO room_events (group_id, time, kind, actor_id, detail) VALUES (?, ?, ?, ?, ?)';

/** The groups table and the room events of each group (joins, leaves, topic changes). */
export class Groups {
  constructor(private readonly store: StoreCore & { readonly contacts: Contacts }) {}

  upsert(group: GroupInput): void {
    this.store.assertWritable();
    this.store.sql.get(UPSERT).run(group);
  }

  /** The stored group with this id, or undefined. */
  find(id: string): Group | undefined {
    return this.store.sql
      .get(
        `SELECT id, name, owner_id AS ownerId, unit, created_at AS createdAt, first_seen AS firstSeen,
              last_seen AS lastSeen
       FROM groups WHERE id = ?`,
      )
      .get(id) as Group | undefined;
  }

  /** Every stored group's id, sorted. */
  ids(): string[] {
    return this.store.sql.pluck('SELECT id FROM groups ORDER BY id').all() as string[];
  }

  /** Ids of the groups stored with this owner (before config.org.ownerOverrides), sorted. */
  ownedBy(ownerId: string): string[] {
    return this.store.sql
      .pluck('SELECT id FROM groups WHERE owner_id = ? ORDER BY id')
      .all(ownerId) as string[];
  }

  /** Every contact that owns a stored group (the owners' digests go to them). */
  ownerIds(): string[] {
    return this.store.sql
      .pluck('SELECT DISTINCT owner_id FROM groups WHERE owner_id IS NOT NULL ORDER BY owner_id')
      .all() as string[];
  }

  /**
   * The groups whose latest member snapshot lists the contact, by name then id. A group the contact
   * has left (a later snapshot without them) is not listed. Uses the index on snapshot_members(contact_id).
   */
  ofMember(contactId: string): MemberGroup[] {
    return this.store.sql
      .get(
        `SELECT g.id, g.name, g.owner_id AS ownerId, g.unit, s.member_count AS memberCount
       FROM snapshot_members m
       JOIN membership_snapshots s ON s.id = m.snapshot_id
       JOIN groups g ON g.id = s.group_id
       WHERE m.contact_id = ?
         AND s.id = (SELECT l.id FROM membership_snapshots l WHERE l.group_id = s.group_id
                     ORDER BY l.taken_at DESC, l.id DESC LIMIT 1)
       ORDER BY g.name, g.id`,
      )
      .all(contactId) as MemberGroup[];
  }

  /** Every group with its roster sizes and the bot's leaves (GroupFacts). */
  lifecycles(): GroupFacts[] {
    const sql = this.store.sql;
    const groups = sql
      .get(
        `SELECT id, name, owner_id AS ownerId, unit, created_at AS createdAt, first_seen AS firstSeen,
              last_seen AS lastSeen
       FROM groups ORDER BY id`,
      )
      .all() as Group[];
    const snapshots = sql
      .get(
        'SELECT group_id AS groupId, taken_at AS takenAt, member_count AS members FROM membership_snapshots ORDER BY taken_at, id',
      )
      .all() as { groupId: string; takenAt: number; members: number }[];
    const leaves = sql
      .get(
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
       ORDER BY e.time, e.id`,
      )
      .all(SNAPSHOT_GRACE_MS) as { groupId: string; time: number; nextActivityAt: number | null }[];

    const facts = new Map<string, GroupFacts>(
      groups.map((g) => [g.id, { ...g, snapshots: [], botLeaves: [] }]),
    );
    for (const s of snapshots)
      facts.get(s.groupId)?.snapshots.push({ takenAt: s.takenAt, members: s.members });
    for (const l of leaves)
      facts.get(l.groupId)?.botLeaves.push({ time: l.time, nextActivityAt: l.nextActivityAt });
    return [...facts.values()];
  }

  /** Records a join, leave or topic change. A forgotten person's events are kept as anonymous counts. */
  recordEvent(event: RoomEvent): void {
    this.store.assertWritable();
    const forgotten = event.actorId !== null && this.store.contacts.withheld()(event.actorId) === 'forgotten';
    this.store.sql
      .get(INSERT_EVENT)
      .run(
        event.groupId,
        event.time,
        event.kind,
        forgotten ? null : event.actorId,
        forgotten ? null : event.detail,
      );
  }
}
