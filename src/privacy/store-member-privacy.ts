import type { Config } from '../config/schema.js';
import type { MemberPrivacy, MemberRecord } from '../converse/member-privacy.js';
import type { Store } from '../store/store.js';

/** MemberPrivacy, synchronous (SQLite answers at once). */
export interface StoreMemberPrivacy extends MemberPrivacy {
  optOut(contactId: string, at: number): boolean;
  optIn(contactId: string, at: number): boolean;
  describeMember(contactId: string): MemberRecord;
}

/**
 * The privacy layer the private-chat commands 退出记录 / 恢复记录 / 我的数据 call (src/converse/),
 * backed by the store. Every call is about the contact id it is given; the conversation only ever
 * passes the asker's own id.
 */
export function storeMemberPrivacy(
  store: Store,
  config: Pick<Config, 'privacy' | 'retention'>,
): StoreMemberPrivacy {
  return {
    optOut: (contactId, at) => store.privacy.optOut(contactId, at) === 'opted-out',
    optIn: (contactId) => store.privacy.optIn(contactId) === 'opted-in',
    describeMember(contactId): MemberRecord {
      const d = store.privacy.describe(contactId, config);
      return {
        contact: d.name === null ? null : { name: d.name, unit: d.unit },
        optedOutSince: d.optedOutAt,
        groups: d.groups.filter((g) => g.member).length,
        messages: d.messages.total,
        messagesWithText: d.messages.withText,
        firstMessageAt: d.messages.firstAt,
        lastMessageAt: d.messages.lastAt,
      };
    },
  };
}
