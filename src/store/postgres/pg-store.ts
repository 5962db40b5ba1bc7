import Cursor from 'pg-cursor';
import type { Contact } from '../../model/contact.js';
import type { Group } from '../../model/group.js';
import type { StoredMessage } from '../../model/message.js';
import type { RecommendationHistoryEntry, RecommendationStatus } from '../../model/recommendation-status.js';
import type { MessageSpan, MessageTimes, RequestText, WeekData, WeekRange } from '../../model/week-data.js';
import type { WeekSourceStamp } from '../../model/week-source.js';
import { type GroupFacts, SNAPSHOT_GRACE_MS } from '../groups.js';
import { MESSAGE_COLUMNS, type MessageRow, toStoredMessage } from '../message-row.js';
import { EARLIEST_MESSAGE_TIME, FUTURE_TOLERANCE_MS } from '../plausible-time.js';
import { NO_MENTIONS } from '../read-week-messages.js';
import { parseIds, type RecommendationStatusRow } from '../recommendations.js';
import type { DataStamp, StoreStats } from '../stats.js';
import type { StoreReads } from '../store-reads.js';
import { isConnectionLost, PgDatabase, type PgOpenOptions } from './pg-database.js';

/**
 * The earliest time of the messages stored after row $1: from message_keys (one row per message, with
 * its time and row id) through its row_id index (PG_ONLY_INDEXES), so only the keys stored since are
 * visited, however many weeks the store holds (`messages` is keyed by time: every week partition's
 * primary key would be read). Bounded above by the row-id sequence too: a range with both ends is
 * estimated small even before the table has statistics (right after a store's first import, or with
 * autovacuum off), so the index is used then as well. docs/PERFORMANCE.md has the figures.
 */
export const EARLIEST_TIME_AFTER = `SELECT MIN(time) AS t FROM message_keys
  WHERE row_id > $1 AND row_id <= (SELECT last_value FROM messages_row_id)`;

/** Rows fetched per round trip while a week streams. */
const CURSOR_ROWS = 5_000;

/**
 * The PostgreSQL store behind the contract (src/store/contract.ts). Every query mirrors the SQLite
 * one it replaces (named in each method), with the same ORDER BY; text columns are COLLATE "C", so
 * orders are SQLite's byte order. Weeks are streamed with a cursor straight into StoredMessages:
 * no array of rows is held beside the week.
 */
export class PgStore implements StoreReads {
  readonly engine = 'postgres';

  private constructor(readonly db: PgDatabase) {}

  static async open(url: string, options: PgOpenOptions = {}): Promise<PgStore> {
    return new PgStore(await PgDatabase.open(url, options));
  }

  /**
   * Streams `sql` through a cursor, handing each row (as an array) to `each`. Reads only: when the
   * connection is found lost before any row was handed over, the read starts again once on a fresh
   * connection (PgDatabase.read's rule); after the first row it fails, as `each` cannot take rows back.
   */
  private async stream(sql: string, params: unknown[], each: (row: unknown[]) => void): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const client = await this.db.connection();
      const cursor = client.query(new Cursor(sql, params, { rowMode: 'array' }));
      let handed = false;
      try {
        for (;;) {
          const rows = (await cursor.read(CURSOR_ROWS)) as unknown[][];
          if (rows.length === 0) break;
          handed = true;
          for (const row of rows) each(row);
        }
      } catch (error) {
        if (isConnectionLost(error)) {
          // The portal died with its connection: closing it would wait for an answer never coming.
          if (this.db.mayRetryRead(client, error) && !handed && attempt === 0) continue;
          throw error;
        }
        await cursor.close().catch(() => {});
        throw error;
      }
      await cursor.close();
      return;
    }
  }

  /** As readWeekMessages: the messages of [from, to), sorted by time then row id. */
  async readWeekMessages(from: number, to: number): Promise<StoredMessage[]> {
    const names = MESSAGE_COLUMNS.split(',').map((c) => c.trim());
    const out: StoredMessage[] = [];
    // As the SQLite reader: the strings a week repeats (source, group, sender, type, class, the
    // fingerprint of a notice's copies) are held once, and a message without mentions shares one
    // frozen empty array; otherwise each row brings its own copies (~0.2 KB a message, ~1 GB at 5M).
    const shared = new Map<string, string>();
    const repeated = ['source', 'group_id', 'sender_id', 'type', 'text_class', 'fingerprint'].map((c) =>
      names.indexOf(c),
    );
    await this.stream(
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE time >= $1 AND time < $2 ORDER BY time, row_id`,
      [from, to],
      (values) => {
        for (const k of repeated) {
          const v = values[k];
          if (typeof v !== 'string') continue;
          const known = shared.get(v);
          if (known === undefined) shared.set(v, v);
          else values[k] = known;
        }
        const row = {} as Record<string, unknown>;
        for (let k = 0; k < names.length; k++) row[names[k] as string] = values[k];
        const message = toStoredMessage(row as unknown as MessageRow);
        if (message.mentionIds.length === 0) message.mentionIds = NO_MENTIONS;
        out.push(message);
      },
    );
    return out;
  }

  /** WeekSource.stamp, as SqliteWeekSource's (store.stats.dataStamp); the row-id sequence stands for MAX(row_id). */
  async stamp(): Promise<WeekSourceStamp> {
    const { rows } = await this.db.read<{ data: string; statuses: string }>(
      `SELECT (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM messages_row_id)
              || ':' || COALESCE((SELECT MAX(id) FROM membership_snapshots), 0)
              || ':' || COALESCE((SELECT MAX(id) FROM room_events), 0)
              || ':' || (SELECT COUNT(*) FROM groups) AS data,
              (SELECT COUNT(*) || ':' || COALESCE(MAX(updated_at), 0) FROM recommendation_status) AS statuses`,
    );
    return rows[0] as WeekSourceStamp;
  }

  /** WeekSource.weekData: the week (loadWeekData) with its lookback (readRequestTexts). */
  async weekData(range: WeekRange, lookbackFrom: number, minRequestLength: number): Promise<WeekData> {
    const data = await this.loadWeekData(range);
    data.lookback = await this.readRequestTexts(lookbackFrom, range.from, minRequestLength);
    return data;
  }

  messageTimes(from: number, to: number): Promise<MessageTimes> {
    return this.readMessageTimes(from, to);
  }

  recommendationHistory(): Promise<Map<string, RecommendationHistoryEntry>> {
    return this.readRecommendationHistory();
  }

  messageSpan(): Promise<MessageSpan> {
    return this.readMessageSpan();
  }

  /** As store.weekData.load (src/store/week-data.ts). */
  async loadWeekData(bounds: WeekRange): Promise<WeekData> {
    const { from, to } = bounds;
    const messages = await this.readWeekMessages(from, to);
    const groups = await this.db.read<Group>(
      `SELECT id, name, owner_id AS "ownerId", unit, created_at AS "createdAt", first_seen AS "firstSeen",
              last_seen AS "lastSeen"
       FROM groups WHERE first_seen < $1 OR created_at < $1 ORDER BY id`,
      [to],
    );
    const contacts = await this.db.read<Contact>('SELECT id, name, unit FROM contacts ORDER BY id');
    const members = await this.readRostersAt(to);
    const last = await this.db.read<{ id: string; last: number | null }>(
      `SELECT id, (SELECT time FROM messages
                   WHERE group_id = groups.id AND time < $1 AND type NOT IN ('system', 'recalled')
                   ORDER BY time DESC LIMIT 1) AS last
       FROM groups ORDER BY id`,
      [to],
    );
    const lastHumanMessageAt = new Map<string, number>();
    for (const r of last.rows) if (r.last !== null) lastHumanMessageAt.set(r.id, r.last);
    return {
      week: bounds.week,
      from,
      to,
      messages,
      groups: groups.rows,
      members,
      contacts: new Map(contacts.rows.map((c) => [c.id, c])),
      lastHumanMessageAt,
    };
  }

  /** As store.snapshots.rostersAt: each group's roster in effect at `at`, groups and members in byte order. */
  async readRostersAt(at: number): Promise<Map<string, string[]>> {
    const { rows } = await this.db.read<{ groupId: string; contactId: string }>(
      `WITH ranked AS (
         SELECT id, group_id,
                ROW_NUMBER() OVER (PARTITION BY group_id
                  ORDER BY (taken_at < $1) DESC,
                           CASE WHEN taken_at < $1 THEN taken_at ELSE -taken_at END DESC, id DESC) AS rn
         FROM membership_snapshots)
       SELECT r.group_id AS "groupId", m.contact_id AS "contactId"
       FROM ranked r JOIN snapshot_members m ON m.snapshot_id = r.id
       WHERE r.rn = 1 ORDER BY r.group_id, m.contact_id`,
      [at],
    );
    const members = new Map<string, string[]>();
    for (const { groupId, contactId } of rows) {
      const list = members.get(groupId);
      if (list) list.push(contactId);
      else members.set(groupId, [contactId]);
    }
    return members;
  }

  async readRequestTexts(from: number, to: number, minLength: number): Promise<RequestText[]> {
    const out: RequestText[] = [];
    await this.stream(
      `SELECT source_id, group_id, sender_id, time, text FROM messages
       WHERE time >= $1 AND time < $2 AND type = 'text' AND text IS NOT NULL AND text_length >= $3
       ORDER BY time, row_id`,
      [from, to, minLength],
      (r) => {
        out.push({
          id: r[0] as string,
          groupId: r[1] as string,
          senderId: r[2] as string | null,
          time: r[3] as number,
          text: r[4] as string,
        });
      },
    );
    return out;
  }

  async readMessageTimes(from: number, to: number): Promise<MessageTimes> {
    const groupIds: string[] = [];
    const times: number[] = [];
    const mentions: number[] = [];
    await this.stream(
      'SELECT group_id, time, mention_all FROM messages WHERE time >= $1 AND time < $2 ORDER BY time, row_id',
      [from, to],
      (r) => {
        groupIds.push(r[0] as string);
        times.push(r[1] as number);
        mentions.push(r[2] as number);
      },
    );
    return { groupIds, times: Float64Array.from(times), mentionAll: Uint8Array.from(mentions) };
  }

  async readMessageSpan(): Promise<MessageSpan> {
    const { rows } = await this.db.read<MessageSpan>(
      `SELECT (SELECT MIN(time) FROM messages WHERE time >= $1) AS first, (SELECT MAX(time) FROM messages) AS last`,
      [EARLIEST_MESSAGE_TIME],
    );
    return rows[0] as MessageSpan;
  }

  async hasMessagesBetween(from: number, to: number): Promise<boolean> {
    const { rowCount } = await this.db.read('SELECT 1 FROM messages WHERE time >= $1 AND time < $2 LIMIT 1', [
      from,
      to,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async readRecommendationHistory(): Promise<Map<string, RecommendationHistoryEntry>> {
    const { rows } = await this.db.read<{
      id: string;
      status: RecommendationStatus;
      week: string;
      magnitude: number;
    }>('SELECT id, status, week, magnitude FROM recommendation_status ORDER BY id');
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * As store.stats.dataStamp. `messages` is the row-id sequence's last value (as in stamp()): row ids
   * come only from it, so the rows stored since an earlier stamp are those with a larger row id.
   */
  async dataStamp(): Promise<DataStamp> {
    const { rows } = await this.db.read<DataStamp>(
      `SELECT (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM messages_row_id) AS messages,
              COALESCE((SELECT MAX(id) FROM membership_snapshots), 0) AS snapshots,
              COALESCE((SELECT MAX(id) FROM room_events), 0) AS events,
              (SELECT COUNT(*) FROM groups) AS groups,
              (SELECT COUNT(*) || ':' || COALESCE(MAX(updated_at), 0) FROM recommendation_status) AS statuses`,
    );
    return rows[0] as DataStamp;
  }

  /** As store.messages.earliestTimeAfter (EARLIEST_TIME_AFTER). */
  async earliestTimeAfter(rowId: number): Promise<number | null> {
    const { rows } = await this.db.read<{ t: number | null }>(EARLIEST_TIME_AFTER, [rowId]);
    return rows[0]?.t ?? null;
  }

  /** As store.groups.lifecycles (the same three reads, the same assembly). */
  async groupLifecycles(): Promise<GroupFacts[]> {
    const groups = await this.db.read<Group>(
      `SELECT id, name, owner_id AS "ownerId", unit, created_at AS "createdAt", first_seen AS "firstSeen",
              last_seen AS "lastSeen"
       FROM groups ORDER BY id`,
    );
    const snapshots = await this.db.read<{ groupId: string; takenAt: number; members: number }>(
      `SELECT group_id AS "groupId", taken_at AS "takenAt", member_count AS members
       FROM membership_snapshots ORDER BY taken_at, id`,
    );
    const leaves = await this.db.read<{ groupId: string; time: number; nextActivityAt: number | null }>(
      `SELECT e.group_id AS "groupId", e.time AS time,
              (SELECT MIN(t) FROM (
                 SELECT MIN(m.time) AS t FROM messages m WHERE m.group_id = e.group_id AND m.time > e.time
                 UNION ALL
                 SELECT MIN(s.taken_at) FROM membership_snapshots s
                 WHERE s.group_id = e.group_id AND s.taken_at > e.time + $1 AND s.member_count > 0) n)
                AS "nextActivityAt"
       FROM room_events e
       WHERE e.kind = 'leave' AND e.actor_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM membership_snapshots s JOIN snapshot_members sm ON sm.snapshot_id = s.id
                         WHERE s.group_id = e.group_id AND sm.contact_id = e.actor_id)
       ORDER BY e.time, e.id`,
      [SNAPSHOT_GRACE_MS],
    );
    const facts = new Map<string, GroupFacts>(
      groups.rows.map((g) => [g.id, { ...g, snapshots: [], botLeaves: [] }]),
    );
    for (const s of snapshots.rows)
      facts.get(s.groupId)?.snapshots.push({ takenAt: s.takenAt, members: s.members });
    for (const l of leaves.rows)
      facts.get(l.groupId)?.botLeaves.push({ time: l.time, nextActivityAt: l.nextActivityAt });
    return [...facts.values()];
  }

  rostersAt(at: number): Promise<Map<string, string[]>> {
    return this.readRostersAt(at);
  }

  /** As store.recommendations.statuses: newest answer first; who answered is not read. */
  async recommendationStatuses(): Promise<RecommendationStatusRow[]> {
    const { rows } = await this.db.read<Omit<RecommendationStatusRow, 'groupIds'> & { groupIds: string }>(
      `SELECT id, kind, group_ids AS "groupIds", status, week, updated_at AS "updatedAt"
       FROM recommendation_status ORDER BY updated_at DESC, id`,
    );
    return rows.map((r) => ({ ...r, groupIds: parseIds(r.groupIds) }));
  }

  /** As store.stats.read (src/store/stats.ts). */
  async readStats(offsetMinutes: number, now = Date.now()): Promise<StoreStats> {
    const bounds = [EARLIEST_MESSAGE_TIME, now + FUTURE_TOLERANCE_MS];
    const one = async (sql: string, params: unknown[] = []) =>
      Number(Object.values((await this.db.read(sql, params)).rows[0] ?? {})[0] ?? 0);
    const byType = await this.db.read<{ type: string; n: string }>(
      'SELECT type, COUNT(*) AS n FROM messages GROUP BY type ORDER BY type',
    );
    const byDayAndType = await this.db.read<{ day: string; type: string; count: string }>(
      `SELECT to_char(to_timestamp(div(time + $1, 1000)) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, type,
              COUNT(*) AS count
       FROM messages WHERE time BETWEEN $2 AND $3 GROUP BY day, type ORDER BY day, type`,
      [offsetMinutes * 60_000, ...bounds],
    );
    const members = await one(`
      WITH latest AS (
        SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY group_id ORDER BY taken_at DESC, id DESC) AS rn
                        FROM membership_snapshots) s WHERE rn = 1)
      SELECT COUNT(DISTINCT contact_id) FROM snapshot_members WHERE snapshot_id IN (SELECT id FROM latest)`);
    const range = await this.db.read<{ first: number | null; last: number | null }>(
      'SELECT MIN(time) AS first, MAX(time) AS last FROM messages WHERE time BETWEEN $1 AND $2',
      bounds,
    );
    return {
      groups: await one('SELECT COUNT(*) FROM groups'),
      contacts: await one('SELECT COUNT(*) FROM contacts'),
      members,
      messages: await one('SELECT COUNT(*) FROM messages'),
      byType: Object.fromEntries(byType.rows.map((r) => [r.type, Number(r.n)])),
      byDayAndType: byDayAndType.rows.map((r) => ({ day: r.day, type: r.type, count: Number(r.count) })),
      firstMessageAt: range.rows[0]?.first ?? null,
      lastMessageAt: range.rows[0]?.last ?? null,
      implausibleTimes: await one('SELECT COUNT(*) FROM messages WHERE time NOT BETWEEN $1 AND $2', bounds),
    };
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
