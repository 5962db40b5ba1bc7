import type { Config } from '../config/schema.js';
import type { MessageType, TextClass } from '../model/message.js';
import type { Maintenance } from './maintenance.js';
import type { StoreCore } from './store-core.js';

export interface ForgetCounts {
  /** Their messages, kept as anonymous counts: sender, text, fingerprint, mentions and details removed. */
  messagesAnonymised: number;
  /** Others' messages that mentioned them and no longer do. */
  mentionsRemoved: number;
  /** Membership snapshots they were named in (the roster sizes stay). */
  membershipsRemoved: number;
  /** Room events (joins, leaves, topic changes) they were named in, kept without the name. */
  roomEventsAnonymised: number;
  /**
   * Private messages to them whose text was deleted: settled ones, and queued ones, which are withdrawn
   * (state `failed`, error `recipient forgotten`; a digest may carry their own name). One being handed
   * to the puppet right now (`sending`) cannot be recalled and is emptied by the retention purge.
   */
  outboxPayloadsPurged: number;
  /**
   * PostgreSQL only, present when the store has a central_outbox: rows addressed to them emptied, the
   * waiting ones withdrawn (postgres/central-erasure.ts).
   */
  centralOutboxPayloadsPurged?: number;
  /** PostgreSQL only, present when the central send spool (central.sendSpool) exists: its outbox rows to them emptied. */
  spoolPayloadsPurged?: number;
  /** Their preferences in private chat (muted groups, subscriptions, listings). */
  preferencesDeleted: number;
  /** Groups they own: ownership is an organisational role and is kept (change it in config). */
  groupsOwned: number;
  /** Present only when the WAL could not be truncated because another connection kept reading. */
  walBusy?: true;
}

export interface DescribedGroup {
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
  groups: DescribedGroup[];
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

/** The rows MemberPrivacy.describe reads, as either engine returns them (booleans as booleans). */
export interface DescribeRows {
  contactId: string;
  contact:
    | { name: string; unit: string | null; optedOutAt: number | null; forgottenAt: number | null }
    | undefined;
  byType: readonly { key: MessageType; n: number; withText: number; firstAt: number; lastAt: number }[];
  byClass: readonly { key: TextClass | 'none'; n: number }[];
  groups: readonly DescribedGroup[];
  mentionedIn: number;
  outgoing: number;
}

/**
 * The one assembly of 我的数据 from the rows describe reads (SQLite here, PostgreSQL in
 * postgres/pg-privacy.ts): both engines answer a member alike because only the queries differ.
 */
export function describeFromRows(
  rows: DescribeRows,
  config: Pick<Config, 'privacy' | 'retention'>,
): MemberDescription {
  const { contactId, contact, byType, byClass, groups, mentionedIn, outgoing } = rows;
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
      member: g.member,
      owner: g.owner,
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

/** Per-person tables of the private-chat commands: rows keyed by contact_id are theirs alone. */
const PREFERENCE_TABLES = ['cadre_muted_groups', 'cadre_subscriptions', 'cadre_group_listings'];

/**
 * One member's rights over what is stored about them (docs/PRIVACY.md): opting out and back in,
 * being forgotten, and seeing what is stored (我的数据). Spans every table that names a person.
 */
export class MemberPrivacy {
  constructor(private readonly store: StoreCore & { readonly maintenance: Maintenance }) {}

  /**
   * Opts a member out (docs/PRIVACY.md): from now on every message they send is stored as counts only
   * (type, time, group, sender, length, class: no text, fingerprint, mentions or attachment details),
   * and their id is left out of the mentions of others' messages. What was stored before stays until
   * retention removes it or `forget` is asked for. A contact not yet seen is created (with an
   * empty name until the bot sees them) so the opt-out holds from their first message.
   * 'already': they had opted out before; the first date is kept.
   */
  optOut(contactId: string, now: number): 'opted-out' | 'already' {
    const store = this.store;
    return store.transaction(() => {
      const row = store.sql.get('SELECT opted_out_at AS at FROM contacts WHERE id = ?').get(contactId) as
        | { at: number | null }
        | undefined;
      if (row?.at != null) return 'already';
      store.sql
        .get(
          `INSERT INTO contacts (id, name, unit, opted_out_at) VALUES (?, '', NULL, ?)
           ON CONFLICT (id) DO UPDATE SET opted_out_at = excluded.opted_out_at`,
        )
        .run(contactId, now);
      return 'opted-out';
    });
  }

  /**
   * Ends an opt-out (and a forgotten member's standing opt-out): their next messages are stored as
   * anyone's. Nothing removed earlier comes back. 'not-opted-out': there was nothing to end.
   */
  optIn(contactId: string): 'opted-in' | 'not-opted-out' {
    const { changes } = this.store.sql
      .get(
        'UPDATE contacts SET opted_out_at = NULL, forgotten_at = NULL WHERE id = ? AND opted_out_at IS NOT NULL',
      )
      .run(contactId);
    return changes > 0 ? 'opted-in' : 'not-opted-out';
  }

  /**
   * `qingqun forget MEMBER` (docs/PRIVACY.md): removes everything that ties stored data to the member,
   * in one transaction, and keeps only anonymous counts, so that group figures of the past do not
   * change: their messages stay as (group, time, type, length, class) without sender, text,
   * fingerprint, mentions or attachment details; their id leaves others' mentions, membership
   * snapshots and room events; their name and unit are erased; their private-chat preferences and the
   * texts sent to them are deleted. They stay opted out and marked forgotten — only their id is kept,
   * so that nothing new is tied to them (the store drops their sender id from new messages and their
   * name from contact updates) until they opt in again. Deleted content is overwritten (secure_delete,
   * on for every connection), then the file is rewritten and the WAL truncated (Maintenance.eraseFreedBytes), so
   * no byte of the erased name, unit or texts stays in the database files.
   */
  forget(contactId: string, now: number): ForgetCounts {
    const store = this.store;
    const { sql } = store;
    const counts = store.transaction((): ForgetCounts => {
      const run = (text: string, ...params: unknown[]) => sql.get(text).run(...params).changes;
      // Text-wrapped quotes (「name：…」) carry only the display name: read it before it is erased.
      const known = sql.get('SELECT name FROM contacts WHERE id = ?').get(contactId) as
        | { name: string }
        | undefined;
      run(
        `INSERT INTO contacts (id, name, unit, opted_out_at, forgotten_at) VALUES (?, '', NULL, ?, ?)
           ON CONFLICT (id) DO UPDATE SET name = '', unit = NULL, email = NULL, wecom_user_id = NULL,
             opted_out_at = COALESCE(contacts.opted_out_at, excluded.opted_out_at), forgotten_at = excluded.forgotten_at`,
        contactId,
        now,
        now,
      );
      const messagesAnonymised = run(
        `UPDATE messages SET sender_id = NULL, mention_ids = NULL, fingerprint = NULL,
             text = CASE WHEN type = 'recalled' THEN text END,
             link_title = NULL, link_url = NULL, link_description = NULL,
             file_name = NULL, file_size = NULL, file_hash = NULL, app_title = NULL, app_name = NULL,
             quote_message_id = NULL, quote_sender_id = NULL, quote_sender_name = NULL, quote_excerpt = NULL
           WHERE sender_id = ?`,
        contactId,
      );
      // Quotes of what they said lose their name and excerpt too (issue 12, quote replies).
      run(
        `UPDATE messages SET quote_sender_id = NULL, quote_sender_name = NULL, quote_excerpt = NULL
           WHERE quote_sender_id = ? OR (quote_sender_name IS NOT NULL AND quote_sender_name = ?)`,
        contactId,
        known?.name || null,
      );
      const mentionsRemoved = run(
        `UPDATE messages SET mention_ids = (
             SELECT CASE WHEN COUNT(*) = 0 THEN NULL ELSE json_group_array(value) END
             FROM json_each(messages.mention_ids) WHERE value != @id)
           WHERE mention_ids IS NOT NULL AND instr(mention_ids, @quoted) > 0
             AND EXISTS (SELECT 1 FROM json_each(messages.mention_ids) WHERE value = @id)`,
        { id: contactId, quoted: JSON.stringify(contactId) },
      );
      const membershipsRemoved = run('DELETE FROM snapshot_members WHERE contact_id = ?', contactId);
      const roomEventsAnonymised = run(
        `UPDATE room_events SET actor_id = CASE WHEN actor_id = @id THEN NULL ELSE actor_id END, detail = NULL
           WHERE actor_id = @id
             OR (CASE WHEN json_valid(detail) THEN json_extract(detail, '$.by') END) = @id`,
        { id: contactId },
      );
      const outboxPayloadsPurged =
        run(
          `UPDATE outbox SET payload = NULL WHERE recipient_id = ? AND payload IS NOT NULL
             AND state NOT IN ('queued', 'sending')`,
          contactId,
        ) +
        run(
          `UPDATE outbox SET payload = NULL, state = 'failed', last_error = 'recipient forgotten', updated_at = ?
             WHERE recipient_id = ? AND state = 'queued'`,
          now,
          contactId,
        );
      let preferencesDeleted = 0;
      for (const table of this.existingTables(PREFERENCE_TABLES)) {
        preferencesDeleted += run(`DELETE FROM ${table} WHERE contact_id = ?`, contactId);
      }
      const groupsOwned = sql.pluck('SELECT COUNT(*) FROM groups WHERE owner_id = ?').get(contactId);
      return {
        messagesAnonymised,
        mentionsRemoved,
        membershipsRemoved,
        roomEventsAnonymised,
        outboxPayloadsPurged,
        preferencesDeleted,
        groupsOwned: groupsOwned as number,
      };
    });
    const erased = store.maintenance.eraseFreedBytes();
    return erased.walTruncated ? counts : { ...counts, walBusy: true };
  }

  /**
   * Everything stored about `contactId`, as counts (never message text): who they are, which groups
   * they are seen in, their messages by type and class, how many still have text, and the rules that
   * apply. Reads only; runs in a few indexed queries plus one scan of the messages that mention someone.
   */
  describe(contactId: string, config: Pick<Config, 'privacy' | 'retention'>): MemberDescription {
    const { sql } = this.store;
    const contact = sql
      .get(
        'SELECT name, unit, opted_out_at AS optedOutAt, forgotten_at AS forgottenAt FROM contacts WHERE id = ?',
      )
      .get(contactId) as
      | { name: string; unit: string | null; optedOutAt: number | null; forgottenAt: number | null }
      | undefined;
    const byType = sql
      .get(
        `SELECT type AS key, COUNT(*) AS n, SUM(text IS NOT NULL AND type != 'recalled') AS withText,
           MIN(time) AS firstAt, MAX(time) AS lastAt
         FROM messages WHERE sender_id = ? GROUP BY type ORDER BY type`,
      )
      .all(contactId) as { key: MessageType; n: number; withText: number; firstAt: number; lastAt: number }[];
    const byClass = sql
      .get(
        `SELECT COALESCE(text_class, 'none') AS key, COUNT(*) AS n FROM messages WHERE sender_id = ?
         GROUP BY key ORDER BY key`,
      )
      .all(contactId) as { key: TextClass | 'none'; n: number }[];
    const groups = sql
      .get(
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
    const mentionedIn = sql
      .pluck(
        `SELECT COUNT(*) FROM messages WHERE mention_ids IS NOT NULL AND instr(mention_ids, ?) > 0
           AND EXISTS (SELECT 1 FROM json_each(messages.mention_ids) WHERE value = ?)`,
      )
      .get(JSON.stringify(contactId), contactId) as number;
    const outgoing = sql.pluck('SELECT COUNT(*) FROM outbox WHERE recipient_id = ?').get(contactId) as number;

    return describeFromRows(
      {
        contactId,
        contact,
        byType,
        byClass,
        groups: groups.map((g) => ({ ...g, member: g.member === 1, owner: g.owner === 1 })),
        mentionedIn,
        outgoing,
      },
      config,
    );
  }

  private existingTables(names: readonly string[]): string[] {
    const present = new Set(
      this.store.sql.pluck("SELECT name FROM sqlite_master WHERE type = 'table'").all() as string[],
    );
    return names.filter((n) => present.has(n));
  }
}
