import { type ErasureOutcome, eraseFreedBytes } from './erase-freed-bytes.js';
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
  /**
   * Private messages to them whose text was deleted: settled ones, and queued ones, which are withdrawn
   * (state `failed`, error `recipient forgotten`; a digest may carry their own name). One being handed
   * to the puppet right now (`sending`) cannot be recalled and is emptied by the retention purge.
   */
  outboxPayloadsPurged: number;
  /** Their preferences in private chat (muted groups, subscriptions, listings). */
  preferencesDeleted: number;
  /** Groups they own: ownership is an organisational role and is kept (change it in config). */
  groupsOwned: number;
  /** Present only when the WAL could not be truncated because another connection kept reading. */
  walBusy?: true;
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
 * name from contact updates) until they opt in again. Deleted content is overwritten (secure_delete,
 * on for every connection), then the file is rewritten and the WAL truncated (eraseFreedBytes), so
 * no byte of the erased name, unit or texts stays in the database files.
 */
export function forgetMember(store: Store, contactId: string, now: number): ForgetCounts {
  const { db } = store;
  const counts = store.transaction((): ForgetCounts => {
    const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params).changes;
    // Text-wrapped quotes (「name：…」) carry only the display name: read it before it is erased.
    const known = db.prepare('SELECT name FROM contacts WHERE id = ?').get(contactId) as
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
  const erased: ErasureOutcome = eraseFreedBytes(db);
  return erased.walTruncated ? counts : { ...counts, walBusy: true };
}

function existingTables(store: Store, names: readonly string[]): string[] {
  const present = new Set(
    store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
  );
  return names.filter((n) => present.has(n));
}
