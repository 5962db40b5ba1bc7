import type { Room, Wechaty } from 'wechaty';
import type { Store } from '../../store/store.js';
import { describeRoom } from './describe-room.js';
import type { OrgFacts } from './org-facts.js';

export interface SnapshotSummary {
  rooms: number;
  /** Rooms whose roster differed from the last snapshot (or had none). */
  changed: number;
  failedRoomIds: string[];
}

/**
 * Records the roster of every room the bot is in, at `clock()`. Called at login/ready and by the
 * daily schedule; an unchanged roster only extends the previous snapshot. One failing room does not
 * stop the others.
 */
export async function snapshotAllRooms(
  bot: Wechaty,
  store: Store,
  clock: () => number = Date.now,
  org: OrgFacts = {},
): Promise<SnapshotSummary> {
  const rooms = await bot.Room.findAll();
  const summary: SnapshotSummary = { rooms: rooms.length, changed: 0, failedRoomIds: [] };
  const selfId = currentUserId(bot);
  for (const room of rooms) {
    try {
      if ((await snapshotRoom(room, store, clock(), org, selfId)) === 'new') summary.changed++;
    } catch {
      summary.failedRoomIds.push(room.id);
    }
  }
  return summary;
}

/**
 * Records one room's roster (and the group and its members as contacts). The bot itself is left out
 * of the roster: it is the observer, and counting it would make every pair of groups overlap.
 */
export async function snapshotRoom(
  room: Room,
  store: Store,
  takenAt: number,
  org: OrgFacts,
  selfId: string | undefined,
): Promise<'new' | 'unchanged'> {
  const group = await describeRoom(room, takenAt, org);
  const members = (await room.memberAll()).filter((c) => c.id !== selfId);
  return store.transaction(() => {
    store.groups.upsert(group);
    for (const c of members) {
      store.contacts.upsert({ id: c.id, name: c.name() || c.id, unit: org.contactUnits?.[c.id] ?? null });
    }
    return store.snapshots.record(
      room.id,
      takenAt,
      members.map((c) => c.id),
    );
  });
}

/** The logged-in account's id, or undefined before login. */
export function currentUserId(bot: Wechaty): string | undefined {
  try {
    return bot.isLoggedIn ? bot.currentUser.id : undefined;
  } catch {
    return undefined;
  }
}
