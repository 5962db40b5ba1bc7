/**
 * What the private-chat commands 退出记录 / 恢复记录 / 我的数据 need from the privacy layer (opt-out
 * storage and "what is stored about me"). The conversation only calls it with the id of the contact
 * who is asking, so nobody can opt out, opt in or read anyone but themselves. Implementations may be
 * synchronous or not.
 */
export interface MemberPrivacy {
  /** From `at` on, keep the member's messages only as counts. False when they had opted out already. */
  optOut(contactId: string, at: number): boolean | Promise<boolean>;
  /** Undo optOut from `at` on. False when they had not opted out. */
  optIn(contactId: string, at: number): boolean | Promise<boolean>;
  describeMember(contactId: string): MemberRecord | Promise<MemberRecord>;
}

/** What is stored about one member — their own data, shown only to them. */
export interface MemberRecord {
  /** The contact as stored, if at all. */
  contact: { name: string; unit: string | null } | null;
  /** UTC ms since when they opted out, or null when recording normally. */
  optedOutSince: number | null;
  /** Groups whose rosters list them. */
  groups: number;
  /** Their messages stored (every kind), and how many of those still hold text. */
  messages: number;
  messagesWithText: number;
  /** UTC ms of their first and latest stored message, or null. */
  firstMessageAt: number | null;
  lastMessageAt: number | null;
}
