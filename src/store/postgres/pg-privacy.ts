import type { Config } from '../../config/schema.js';
import type { MessageType, TextClass } from '../../model/message.js';
import { describeFromRows, type MemberDescription } from '../privacy.js';
import { countCentralOutgoing } from './central-erasure.js';
import type { PgDatabase } from './pg-database.js';

/**
 * privacy.describe on PostgreSQL (src/store/privacy.ts, 我的数据 and `forget`'s first line): the same
 * counts from the same rows, never message text, assembled by the same describeFromRows. Differences of form only: `mention_ids` is SQLite's
 * JSON text, read with json_array_elements_text; group names are ordered in byte order (COLLATE "C",
 * SQLite's BINARY). `outgoing` also counts what central_outbox holds for them (digests and audits
 * queued centrally, with or without their text: central-erasure.ts), the central store's own outbox.
 */
export async function describeMemberPg(
  db: PgDatabase,
  contactId: string,
  config: Pick<Config, 'privacy' | 'retention'>,
): Promise<MemberDescription> {
  const contact = (
    await db.query<{
      name: string;
      unit: string | null;
      optedOutAt: number | null;
      forgottenAt: number | null;
    }>(
      `SELECT name, unit, opted_out_at AS "optedOutAt", forgotten_at AS "forgottenAt" FROM contacts WHERE id = $1`,
      [contactId],
    )
  ).rows[0];
  const byType = (
    await db.query<{ key: MessageType; n: number; withText: number; firstAt: number; lastAt: number }>(
      `SELECT type AS key, COUNT(*) AS n,
         COUNT(*) FILTER (WHERE text IS NOT NULL AND type <> 'recalled') AS "withText",
         MIN(time) AS "firstAt", MAX(time) AS "lastAt"
       FROM messages WHERE sender_id = $1 GROUP BY type ORDER BY type`,
      [contactId],
    )
  ).rows;
  const byClass = (
    await db.query<{ key: TextClass | 'none'; n: number }>(
      `SELECT COALESCE(text_class, 'none') AS key, COUNT(*) AS n FROM messages WHERE sender_id = $1
       GROUP BY 1 ORDER BY 1`,
      [contactId],
    )
  ).rows;
  const groups = (
    await db.query<{ id: string; name: string; member: boolean; owner: boolean; messages: number }>(
      `WITH latest AS (
         SELECT id, group_id FROM (SELECT id, group_id, ROW_NUMBER() OVER (PARTITION BY group_id
           ORDER BY taken_at DESC, id DESC) AS rn FROM membership_snapshots) s WHERE rn = 1),
       member_of AS (
         SELECT l.group_id FROM latest l JOIN snapshot_members m ON m.snapshot_id = l.id AND m.contact_id = $1),
       sent AS (SELECT group_id, COUNT(*) AS n FROM messages WHERE sender_id = $1 GROUP BY group_id)
       SELECT g.id, g.name, g.id IN (SELECT group_id FROM member_of) AS member,
         g.owner_id IS NOT DISTINCT FROM $1 AS owner, COALESCE(sent.n, 0) AS messages
       FROM groups g LEFT JOIN sent ON sent.group_id = g.id
       WHERE g.id IN (SELECT group_id FROM member_of) OR sent.n > 0 OR g.owner_id = $1
       ORDER BY g.name COLLATE "C", g.id`,
      [contactId],
    )
  ).rows;
  const count = async (sql: string, params: unknown[]) =>
    Number((await db.query<{ n: number }>(sql, params)).rows[0]?.n ?? 0);
  const mentionedIn = await count(
    `SELECT COUNT(*) AS n FROM messages WHERE mention_ids IS NOT NULL AND strpos(mention_ids, $1) > 0
       AND EXISTS (SELECT 1 FROM json_array_elements_text(messages.mention_ids::json) AS e(v) WHERE v = $2)`,
    [JSON.stringify(contactId), contactId],
  );
  const outgoing =
    (await count('SELECT COUNT(*) AS n FROM outbox WHERE recipient_id = $1', [contactId])) +
    (await countCentralOutgoing(db, contactId));

  return describeFromRows({ contactId, contact, byType, byClass, groups, mentionedIn, outgoing }, config);
}
