import type { Room } from 'wechaty';
import type { GroupInput } from '../../model/group.js';
import type { OrgFacts } from './org-facts.js';

/**
 * A room as the store's group, observed at `seenAt`. The owner override wins over the puppet's owner;
 * unknown owner and unit stay null (the store keeps what it knew before).
 */
export async function describeRoom(
  room: Room,
  seenAt: number,
  org: OrgFacts,
  topic?: string,
): Promise<GroupInput> {
  return {
    id: room.id,
    name: topic ?? (await room.topic()),
    ownerId: org.ownerOverrides?.[room.id] ?? room.owner()?.id ?? null,
    unit: org.groupUnits?.[room.id] ?? null,
    createdAt: org.groupCreatedAt?.[room.id] ?? null,
    seenAt,
  };
}
