import type { Room, Wechaty } from 'wechaty';
import type { Store } from '../../store/store.js';
import { describeRoom } from './describe-room.js';
import type { OrgFacts } from './org-facts.js';
import { currentUserId, snapshotRoom } from './snapshot-all-rooms.js';

export interface RoomEvent {
  kind: 'join' | 'leave' | 'topic';
  /** When the puppet says it happened; missing or invalid dates fall back to the clock. */
  date: Date | undefined;
  /** One row per person concerned: joined or left (detail: who did it) or the changer of the topic. */
  rows: { actorId: string | null; detail: string | null }[];
  /** The new topic, for topic changes (the room payload may lag behind the event). */
  topic?: string;
}

/**
 * Stores a room join/leave/topic event, then a fresh roster snapshot at `clock()`: members who leave
 * on their own often raise no event on real puppets, so rosters are what overlap and churn rely on.
 * Replayed events are stored again (room_events has no natural key); they never change a roster.
 */
export async function recordRoomEvent(
  bot: Wechaty,
  store: Store,
  room: Room,
  event: RoomEvent,
  clock: () => number,
  org: OrgFacts,
): Promise<void> {
  const when = event.date?.getTime();
  const time = when !== undefined && Number.isFinite(when) ? when : clock();
  const group = await describeRoom(room, time, org, event.topic);
  store.transaction(() => {
    store.groups.upsert(group);
    for (const row of event.rows)
      store.groups.recordEvent({ groupId: room.id, time, kind: event.kind, ...row });
  });
  await snapshotRoom(room, store, clock(), org, currentUserId(bot));
}
