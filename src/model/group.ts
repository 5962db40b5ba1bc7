/** A work group (WeChat room) as stored. Times are UTC epoch ms. */
export interface Group {
  id: string;
  name: string;
  /** The owner as reported by the source, or as overridden in the organisation map. */
  ownerId: string | null;
  unit: string | null;
  createdAt: number | null;
  firstSeen: number;
  lastSeen: number;
}

export interface GroupInput {
  id: string;
  name: string;
  ownerId: string | null;
  unit: string | null;
  createdAt: number | null;
  /** When this description was observed (UTC epoch ms). */
  seenAt: number;
}

/** The members of a group as observed at one moment. */
export interface MembershipSnapshot {
  groupId: string;
  takenAt: number;
  memberIds: string[];
}
