import type { Config } from '../config/schema.js';
import type { MessageType, TextClass } from '../model/message.js';
import type { Store } from './store.js';

export interface MemberGroup {
  id: string;
  name: string;
  /** In the group's latest membership snapshot. */
  member: boolean;
  owner: boolean;
  /** Their messages stored in this group. */
  messages: number;
}

/** What qingqun stores about one person: the answer to 我的数据 (docs/PRIVACY.md). */
export interface MemberDescription {
  contactId: string;
  /** Anything at all is stored under this id. */
  known: boolean;
  name: string | null;
  unit: string | null;
  optedOutAt: number | null;
  forgottenAt: number | null;
  groups: MemberGroup[];
  messages: {
    total: number;
    byType: Partial<Record<MessageType, number>>;
    /** By stored text class; 'none' for messages without one (images, files, older rows). */
    byClass: Partial<Record<TextClass | 'none', number>>;
    /** Of their messages, those whose text is still stored. */
    withText: number;
    firstAt: number | null;
    lastAt: number | null;
  };
  /** Others' messages that @-mention them. */
  mentionedIn: number;
  /** Private messages the bot has queued or sent to them (digests, replies). */
  outgoing: number;
  /** The rules their data is kept under. */
  policy: { keepText: Config['privacy']['keepText']; textDays: number; recordDays: number };
}

/**
 * Everything stored about `contactId`, as counts (never message text): who they are, which groups
 * they are seen in, their messages by type and class, how many still have text, and the rules that
 * apply. Reads only; runs in a few indexed queries plus one scan of the messages that mention someone.
 */
export function describeMember(
  store: Store,
  contactId: string,
  config: Pick<Config, 'privacy' | 'retention'>,
): MemberDescription {
  const { db } = store;
  const contact = db
    .prepare(
      'SELECT name, unit, opted_out_at AS optedOutAt, forgotten_at AS forgottenAt FROM contacts WHERE id = ?',
    )
    .get(contactId) as
    | { name: string; unit: string | null; optedOutAt: number | null; forgottenAt: number | null }
    | undefined;
  const byType = db
    .prepare(
      `SELECT type AS key, COUNT(*) AS n, SUM(text IS NOT NULL AND type != 'recalled') AS withText,
         MIN(time) AS firstAt, MAX(time) AS lastAt
       FROM messages WHERE sender_id = ? GROUP BY type ORDER BY type`,
    )
    .all(contactId) as { key: MessageType; n: number; withText: number; firstAt: number; lastAt: number }[];
  const byClass = db
    .prepare(
      `SELECT COALESCE(text_class, 'none') AS key, COUNT(*) AS n FROM messages WHERE sender_id = ?
       GROUP BY key ORDER BY key`,
    )
    .all(contactId) as { key: TextClass | 'none'; n: number }[];
  const groups = db
    .prepare(
      `WITH latest AS (
         SELECT id, group_id FROM (SELECT id, group_id, ROW_NUMBER() OVER (PARTITION BY group_id
           ORDER BY taken_at DESC, id DESC) AS rn FROM membership_snapshots) WHERE rn = 1),
       member_of AS (
         SELECT l.group_id FROM latest l JOIN snapshot_members s ON s.snapshot_id = l.id AND s.contact_id = @id),
       sent AS (SELECT group_id, COUNT(*) AS n FROM messages WHERE sender_id = @id GROUP BY group_id)
       SELECT g.id, g.name, g.id IN (SELECT group_id FROM member_of) AS member, g.owner_id IS @id AS owner,
         COALESCE(sent.n, 0) AS messages
       FROM groups g LEFT JOIN sent ON sent.group_id = g.id
       WHERE g.id IN (SELECT group_id FROM member_of) OR sent.n > 0 OR g.owner_id = @id
       ORDER BY g.name, g.id`,
    )
    .all({ id: contactId }) as {
    id: string;
    name: string;
    member: number;
    owner: number;
    messages: number;
  }[];
  const mentionedIn = db
    .prepare(
      `SELECT COUNT(*) FROM messages WHERE mention_ids IS NOT NULL AND instr(mention_ids, ?) > 0
         AND EXISTS (SELECT 1 FROM json_each(messages.mention_ids) WHERE value = ?)`,
    )
    .pluck()
    .get(JSON.stringify(contactId), contactId) as number;
  const outgoing = db
    .prepare('SELECT COUNT(*) FROM outbox WHERE recipient_id = ?')
    .pluck()
    .get(contactId) as number;

  const total = byType.reduce((sum, r) => sum + r.n, 0);
  return {
    contactId,
    known: contact !== undefined || total > 0 || groups.length > 0 || mentionedIn > 0 || outgoing > 0,
    name: contact && contact.name !== '' ? contact.name : null,
    unit: contact?.unit ?? null,
    optedOutAt: contact?.optedOutAt ?? null,
    forgottenAt: contact?.forgottenAt ?? null,
    groups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      member: g.member === 1,
      owner: g.owner === 1,
      messages: g.messages,
    })),
    messages: {
      total,
      byType: Object.fromEntries(byType.map((r) => [r.key, r.n])),
      byClass: Object.fromEntries(byClass.map((r) => [r.key, r.n])),
      withText: byType.reduce((sum, r) => sum + r.withText, 0),
      firstAt: total > 0 ? Math.min(...byType.map((r) => r.firstAt)) : null,
      lastAt: total > 0 ? Math.max(...byType.map((r) => r.lastAt)) : null,
    },
    mentionedIn,
    outgoing,
    policy: {
      keepText: config.privacy.keepText,
      textDays: config.retention.textDays,
      recordDays: config.retention.recordDays,
    },
  };
}
