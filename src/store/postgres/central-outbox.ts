/**
 * Messages decided centrally go out through a host (issue 18, item 2): a digest or audit built on
 * the central store is queued in central_outbox with the account that can reach its recipient; the
 * host of that account pulls it into its own SQLite outbox, whose send queue delivers it. The local
 * outbox's dedupe key makes a second pull a no-op, so its at-most-once guarantee and the per-account
 * throttle are exactly those of a locally queued message (docs/RELIABILITY.md, "Send queue").
 *
 * A pull enqueues locally first and marks the central rows pulled after: a crash in between pulls
 * the same rows again, which the local dedupe key ignores. Hosts pull everything addressed to their
 * account, email and WeCom items included (their senders are configured on the host).
 */
import type pg from 'pg';
import type { EnqueueOutcome, OutboxItem } from '../outbox.js';

export interface CentralOutboxItem extends OutboxItem {
  /** The bot account whose host sends it. */
  account: string;
}

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
 * Queues items decided centrally (a digest's parts, an audit) with the account that reaches each
 * recipient (accountReaching). A recipient no recorded account reaches is returned, not queued: the
 * caller reports it as the local queueing reports an unreachable owner.
 */
export async function queueThroughReachingAccounts(
  client: pg.ClientBase,
  items: readonly OutboxItem[],
  now: number,
): Promise<{ queued: number; unreachable: string[] }> {
  const accounts = new Map<string, string | null>();
  for (const item of items) {
    if (!accounts.has(item.recipientId)) {
      accounts.set(item.recipientId, await accountReaching(client, item.recipientId));
    }
  }
  const routed: CentralOutboxItem[] = [];
  for (const item of items) {
    const account = accounts.get(item.recipientId);
    if (account) routed.push({ ...item, account });
  }
  const unreachable = [...accounts].filter(([, a]) => a === null).map(([recipient]) => recipient);
  return { queued: await queueCentral(client, routed, now), unreachable };
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
    const r = await client.query<{
      id: string;
      dedupe_key: string;
      channel: string;
      recipient_id: string;
      payload: string;
      if_uncertain: string;
      not_before: string | null;
    }>(
      `SELECT id, dedupe_key, channel, recipient_id, payload, if_uncertain, not_before FROM central_outbox
       WHERE account = $1 AND pulled_at IS NULL ORDER BY id LIMIT $2`,
      [account, limit],
    );
    if (r.rows.length === 0) return result;
    const items: OutboxItem[] = r.rows.map((row) => ({
      dedupeKey: row.dedupe_key,
      recipientId: row.recipient_id,
      channel: row.channel as OutboxItem['channel'],
      content: JSON.parse(row.payload) as OutboxItem['content'],
      ifUncertain: row.if_uncertain as OutboxItem['ifUncertain'],
      ...(row.not_before === null ? {} : { notBefore: Number(row.not_before) }),
    }));
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
