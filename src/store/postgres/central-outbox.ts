/**
 * Messages decided centrally (issue 18): a digest or audit built on the central store is queued in
 * central_outbox. A WeChat item carries the account that can reach its recipient; the host of that
 * account pulls it into its own SQLite outbox, whose send queue delivers it. An item on another
 * channel (email, WeCom application, WeCom robot) needs no account: it is queued with none and
 * `qingqun send --drain` on the central store claims it into a local SQLite send spool
 * (claimForCentralSending) and sends it through the same send queue. Either way the local outbox's
 * dedupe key makes a second pull or claim a no-op, so the at-most-once guarantee and the throttles
 * are exactly those of a locally queued message (docs/RELIABILITY.md, "Send queue").
 *
 * A pull or claim enqueues locally first and marks the central rows taken after (in the claim's
 * case, in the same central transaction): a crash in between takes the same rows again, which the
 * local dedupe key ignores.
 */
import type pg from 'pg';
import type { EnqueueOutcome, OutboxItem } from '../outbox.js';

export interface CentralOutboxItem extends OutboxItem {
  /** The bot account whose host sends it; null for a non-WeChat item, sent centrally. */
  account: string | null;
}

/** What `pulled_by` says of a row claimed by `qingqun send --drain` on the central store. */
export const CENTRAL_SENDER = 'central';

/**
 * What `pulled_by` says of a waiting row withdrawn by `forget` (its recipient was forgotten; its
 * payload emptied, central-erasure.ts): never pulled, never claimed, never sent.
 */
export const WITHDRAWN = 'withdrawn';

/** Queues items centrally; an existing dedupe key is left as it is. Returns how many were new. */
export async function queueCentral(
  client: pg.ClientBase,
  items: readonly CentralOutboxItem[],
  now: number,
): Promise<number> {
  if (items.length === 0) return 0;
  const r = await client.query(
    `INSERT INTO central_outbox (dedupe_key, account, channel, recipient_id, payload, if_uncertain, not_before,
       created_at)
     SELECT k, a, c, r, p, u, n, $8 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
       $6::text[], $7::bigint[]) AS t(k, a, c, r, p, u, n)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [
      items.map((i) => i.dedupeKey),
      items.map((i) => i.account),
      items.map((i) => i.channel ?? 'wechat'),
      items.map((i) => i.recipientId),
      items.map((i) => JSON.stringify(i.content)),
      items.map((i) => i.ifUncertain ?? 'report'),
      items.map((i) => i.notBefore ?? null),
      now,
    ],
  );
  return r.rowCount ?? 0;
}

/**
 * The account that can reach `contactId`: the one recording a group the contact was last seen in
 * (the latest roster naming them, of a group with an assignment). Null when none does.
 */
export async function accountReaching(client: pg.ClientBase, contactId: string): Promise<string | null> {
  const r = await client.query<{ account: string }>(
    `SELECT a.account FROM snapshot_members m
     JOIN membership_snapshots s ON s.id = m.snapshot_id
     JOIN group_assignments a ON a.group_id = s.group_id
     WHERE m.contact_id = $1
     ORDER BY s.taken_at DESC, a.group_id LIMIT 1`,
    [contactId],
  );
  return r.rows[0]?.account ?? null;
}

/**
 * Queues items decided centrally (a digest's parts, an audit). A WeChat item goes with the account
 * that reaches its recipient (accountReaching); a WeChat recipient no recorded account reaches is
 * returned, not queued: the caller reports it as the local queueing reports an unreachable owner.
 * An item on any other channel is queued with no account, for `qingqun send --drain` on the central
 * store, and is never unreachable here (a missing address is the send queue's to report).
 */
export async function queueThroughReachingAccounts(
  client: pg.ClientBase,
  items: readonly OutboxItem[],
  now: number,
): Promise<{ queued: number; unreachable: string[] }> {
  const accounts = new Map<string, string | null>();
  const routed: CentralOutboxItem[] = [];
  for (const item of items) {
    if ((item.channel ?? 'wechat') !== 'wechat') {
      routed.push({ ...item, account: null });
      continue;
    }
    if (!accounts.has(item.recipientId)) {
      accounts.set(item.recipientId, await accountReaching(client, item.recipientId));
    }
    const account = accounts.get(item.recipientId);
    if (account) routed.push({ ...item, account });
  }
  const unreachable = [...accounts].filter(([, a]) => a === null).map(([recipient]) => recipient);
  return { queued: await queueCentral(client, routed, now), unreachable };
}

interface CentralRow {
  id: string;
  dedupe_key: string;
  channel: string;
  recipient_id: string;
  payload: string;
  if_uncertain: string;
  not_before: string | null;
}

function toItem(row: CentralRow): OutboxItem {
  return {
    dedupeKey: row.dedupe_key,
    recipientId: row.recipient_id,
    channel: row.channel as OutboxItem['channel'],
    content: JSON.parse(row.payload) as OutboxItem['content'],
    ifUncertain: row.if_uncertain as OutboxItem['ifUncertain'],
    ...(row.not_before === null ? {} : { notBefore: Number(row.not_before) }),
  };
}

export interface PullResult {
  /** Rows read from central_outbox for this account. */
  pulled: number;
  /** Of those, new in the local outbox ('queued'); the rest it already held. */
  queued: number;
  /** Keys the local outbox holds with another recipient or content: not queued (left for an operator). */
  conflicts: string[];
}

/**
 * Pulls what waits centrally for `account` into the local outbox through `enqueue`
 * (Outbox.enqueue of the host's spool).
 */
export async function pullCentral(
  client: pg.ClientBase,
  account: string,
  enqueue: (items: OutboxItem[]) => EnqueueOutcome[],
  now: number,
  limit = 1_000,
): Promise<PullResult> {
  const result: PullResult = { pulled: 0, queued: 0, conflicts: [] };
  for (;;) {
    const r = await client.query<CentralRow>(
      `SELECT id, dedupe_key, channel, recipient_id, payload, if_uncertain, not_before FROM central_outbox
       WHERE account = $1 AND pulled_at IS NULL ORDER BY id LIMIT $2`,
      [account, limit],
    );
    if (r.rows.length === 0) return result;
    const items: OutboxItem[] = r.rows.map(toItem);
    const outcomes = enqueue(items);
    result.pulled += items.length;
    result.queued += outcomes.filter((o) => o === 'queued').length;
    result.conflicts.push(...items.filter((_, i) => outcomes[i] === 'conflict').map((i) => i.dedupeKey));
    await client.query(
      'UPDATE central_outbox SET pulled_at = $2, pulled_by = $3 WHERE id = ANY($1::bigint[])',
      [r.rows.map((row) => row.id), now, account],
    );
    if (r.rows.length < limit) return result;
  }
}

/**
 * Claims what waits centrally with no account (non-WeChat items) into the central sender's local
 * spool through `enqueue` (Outbox.enqueue of the spool). Each batch is one central transaction: the
 * rows are marked (`pulled_by` CENTRAL_SENDER) and locked by one UPDATE … RETURNING that skips rows
 * another sender holds, enqueued locally, then committed. Two senders never take the same row; a
 * crash before the commit leaves the rows waiting, and the next claim's enqueue is a no-op for those
 * the spool already holds (sent or not), so nothing goes out twice.
 */
export async function claimForCentralSending(
  client: pg.ClientBase,
  enqueue: (items: OutboxItem[]) => EnqueueOutcome[],
  now: number,
  limit = 1_000,
): Promise<PullResult> {
  const result: PullResult = { pulled: 0, queued: 0, conflicts: [] };
  for (;;) {
    await client.query('BEGIN');
    let rows: CentralRow[];
    try {
      rows = (
        await client.query<CentralRow>(
          `UPDATE central_outbox SET pulled_at = $1, pulled_by = $2
           WHERE pulled_at IS NULL AND id IN (SELECT id FROM central_outbox WHERE account IS NULL AND pulled_at IS NULL
                        ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
           RETURNING id, dedupe_key, channel, recipient_id, payload, if_uncertain, not_before`,
          [now, CENTRAL_SENDER, limit],
        )
      ).rows.sort((a, b) => Number(a.id) - Number(b.id));
      if (rows.length > 0) {
        const items = rows.map(toItem);
        const outcomes = enqueue(items);
        result.pulled += items.length;
        result.queued += outcomes.filter((o) => o === 'queued').length;
        result.conflicts.push(...items.filter((_, i) => outcomes[i] === 'conflict').map((i) => i.dedupeKey));
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
    if (rows.length < limit) return result;
  }
}

export interface CentralOutboxSummary {
  /** WeChat items waiting for the host of each account to pull them, by account. */
  waitingByAccount: Record<string, number>;
  /** Non-WeChat items waiting for `send --drain` on the central store, by channel. */
  waitingCentral: Record<string, number>;
  /** Items pulled by a host, by account. */
  pulledByAccount: Record<string, number>;
  /** Items claimed by the central sender, by channel. */
  claimedCentral: Record<string, number>;
  /** Items withdrawn unsent because their recipient was forgotten; present only when there are any. */
  withdrawn?: number;
}

/** A read-only count of central_outbox; all empty when the table does not exist yet. */
export async function summarizeCentralOutbox(client: pg.ClientBase): Promise<CentralOutboxSummary> {
  const summary: CentralOutboxSummary = {
    waitingByAccount: {},
    waitingCentral: {},
    pulledByAccount: {},
    claimedCentral: {},
  };
  const exists = await client.query<{ present: boolean }>(
    "SELECT to_regclass('central_outbox') IS NOT NULL AS present",
  );
  if (!exists.rows[0]?.present) return summary;
  const r = await client.query<{
    account: string | null;
    channel: string;
    taken: boolean;
    by: string | null;
    n: number;
  }>(
    `SELECT account, channel, pulled_at IS NOT NULL AS taken, pulled_by AS by, COUNT(*)::int AS n
     FROM central_outbox GROUP BY 1, 2, 3, 4 ORDER BY 1, 2`,
  );
  for (const row of r.rows) {
    const add = (into: Record<string, number>, key: string) => {
      into[key] = (into[key] ?? 0) + row.n;
    };
    if (!row.taken)
      add(
        row.account === null ? summary.waitingCentral : summary.waitingByAccount,
        row.account ?? row.channel,
      );
    else if (row.by === CENTRAL_SENDER) add(summary.claimedCentral, row.channel);
    else if (row.by === WITHDRAWN) summary.withdrawn = (summary.withdrawn ?? 0) + row.n;
    else add(summary.pulledByAccount, row.by ?? row.account ?? '?');
  }
  return summary;
}

/** Email and WeCom user id of each contact the central store holds, for the central sender. */
export async function centralAddresses(
  client: pg.ClientBase,
  contactIds: readonly string[],
): Promise<Map<string, { email: string | null; wecomUserId: string | null }>> {
  const r = await client.query<{ id: string; email: string | null; wecom_user_id: string | null }>(
    'SELECT id, email, wecom_user_id FROM contacts WHERE id = ANY($1::text[])',
    [[...new Set(contactIds)]],
  );
  return new Map(r.rows.map((row) => [row.id, { email: row.email, wecomUserId: row.wecom_user_id }]));
}
