import type { Store } from './store.js';

export interface ForgetCounts {
  /** Their messages, kept as anonymous counts: sender, text, fingerprint, mentions and details removed. */
  messagesAnonymised: number;
  /** Others' messages that mentioned them and no longer do. */
  mentionsRemoved: number;
  /** Membership snapshots they were named in (the roster sizes stay). */
  membershipsRemoved: number;
  /** Room events (joins, leaves, topic changes) they were named in, kept without the name. */
  roomEventsAnonymised: number;
  /** Sent or settled private messages to them whose text was deleted. */
  outboxPayloadsPurged: number;
  /** Their preferences in private chat (muted groups, subscriptions, listings). */
  preferencesDeleted: number;
  /** Groups they own: ownership is an organisational role and is kept (change it in config). */
  groupsOwned: number;
}

/** Per-person tables of the private-chat commands: rows keyed by contact_id are theirs alone. */
const PREFERENCE_TABLES = ['cadre_muted_groups', 'cadre_subscriptions', 'cadre_group_listings'];

/**
 * `qingqun forget MEMBER` (docs/PRIVACY.md): removes everything that ties stored data to the member,
 * in one transaction, and keeps only anonymous counts, so that group figures of the past do not
 * change: their messages stay as (group, time, type, length, class) without sender, text,
 * fingerprint, mentions or attachment details; their id leaves others' mentions, membership
 * snapshots and room events; their name and unit are erased; their private-chat preferences and the
 * texts sent to them are deleted. They stay opted out and marked forgotten — only their id is kept,
 * so that nothing new is tied to them (the store drops their sender id from new messages and their
 * name from contact updates) until they opt in again. Deleted content is overwritten (secure_delete)
 * and the WAL truncated.
 */
export function forgetMember(store: Store, contactId: string, now: number): ForgetCounts {
  const { db } = store;
  const secureDelete = db.pragma('secure_delete', { simple: true });
  db.pragma('secure_delete = ON');
  try {
    const counts = store.transaction((): ForgetCounts => {
      const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params).changes;
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
           file_name = NULL, file_size = NULL, file_hash = NULL, app_title = NULL, app_name = NULL
         WHERE sender_id = ?`,
        contactId,
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
      const outboxPayloadsPurged = run(
        `UPDATE outbox SET payload = NULL WHERE recipient_id = ? AND payload IS NOT NULL
           AND state NOT IN ('queued', 'sending')`,
        contactId,
      );
      let preferencesDeleted = 0;
      for (const table of existingTables(store, PREFERENCE_TABLES)) {
        preferencesDeleted += run(`DELETE FROM ${table} WHERE contact_id = ?`, contactId);
      }
      const groupsOwned = db.prepare('SELECT COUNT(*) FROM groups WHERE owner_id = ?').pluck().get(contactId);
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
    db.pragma('wal_checkpoint(TRUNCATE)');
    return counts;
  } finally {
    db.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`);
  }
}

function existingTables(store: Store, names: readonly string[]): string[] {
  const present = new Set(
    store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
  );
  return names.filter((n) => present.has(n));
}
