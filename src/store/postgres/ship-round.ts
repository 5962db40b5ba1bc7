/**
 * One shipping round of a host, as `qingqun ship` and the loop inside `start` / `run` run it:
 * connect, create the shipping tables where missing, push the spool (ship.ts: with the central
 * erasures applied to the spool first, and the owners' answers and host erasures carried up, ship-sync.ts),
 * then copy the numbering of the digests waiting for this account into the spool and pull those
 * digests into the spool's outbox (central-outbox.ts), disconnect. Apart from the central erasures and
 * the digests' numbering, the push only reads the spool; the pull writes the local outbox, through its
 * dedupe keys.
 */

import { redactDbUrl } from '../../config/db-target.js';
import type { Locale } from '../../model/locale.js';
import type { EnqueueOutcome, OutboxItem } from '../outbox.js';
import type { Store } from '../store.js';
import { type PullResult, pullCentral } from './central-outbox.js';
import { ensureCentralTables } from './central-tables.js';
import { PgDatabase } from './pg-database.js';
import { type ShipCounts, type ShipOptions, shipSpool } from './ship.js';
import { pullIssuedRecommendations } from './ship-sync.js';

export interface ShipRoundResult {
  shipped: ShipCounts;
  pulled: PullResult;
  /** Central digests whose numbered recommendations were copied into the spool (ship-sync.ts). */
  issued: number;
}

/** Thrown when the central store cannot be reached or refuses the connection. */
export class CentralUnreachableError extends Error {
  constructor(
    readonly url: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(detail, options);
    this.name = 'CentralUnreachableError';
  }
}

/** The URL with its password hidden, for messages and logs. */
export const redactUrl = redactDbUrl;

export async function shipRound(
  store: Store,
  url: string,
  options: ShipOptions & {
    pull?: boolean;
    /** Where pulled messages go: default the spool's outbox; a running send queue's, to wake it. */
    enqueue?: (items: readonly OutboxItem[]) => EnqueueOutcome[];
  },
): Promise<ShipRoundResult> {
  let central: PgDatabase;
  try {
    // Opening migrates the central schema (`?schema=` of the URL) to this qingqun's version.
    central = await PgDatabase.open(url);
  } catch (error) {
    const cause = (error as Error).cause as NodeJS.ErrnoException | undefined;
    if (/cannot connect/.test((error as Error).message)) {
      throw new CentralUnreachableError(redactUrl(url), cause?.message ?? (error as Error).message, {
        cause: error,
      });
    }
    throw error;
  }
  // A dropped connection is reported by the query in flight; without a listener it would also crash
  // the process through the client's 'error' event.
  central.client.on('error', () => {});
  try {
    await ensureCentralTables(central.client);
    const shipped = await shipSpool(store.db, central, {
      ...options,
      forgetLocally: options.forgetLocally ?? ((id, at) => store.privacy.forget(id, at)),
    });
    const now = options.now ?? Date.now;
    const enqueue = options.enqueue ?? ((items) => store.outbox.enqueue(items, now()));
    if (options.pull === false)
      return { shipped, pulled: { pulled: 0, queued: 0, conflicts: [] }, issued: 0 };
    // The digests' numberings before the digests: an owner who got one can always answer it.
    const issued = await pullIssuedRecommendations(store.db, central.client, options.account, now());
    const pulled = await pullCentral(central.client, options.account, enqueue, now());
    return { shipped, pulled, issued };
  } catch (error) {
    // The connection dropped mid-round (network, server restart): an outage, not a bug. What was
    // committed stays; the next round resumes from the cursors.
    const e = error as NodeJS.ErrnoException;
    const lost =
      /^E[A-Z]+$/.test(e.code ?? '') || /Connection terminated|connection.*(closed|ended)/i.test(e.message);
    if (lost) throw new CentralUnreachableError(redactUrl(url), e.message, { cause: error });
    throw error;
  } finally {
    await central.close().catch(() => {});
  }
}

/** One line saying what a round did, in the operator's language. */
export function describeShipRound(r: ShipRoundResult, account: string, locale: Locale): string {
  const conflicts = r.pulled.conflicts;
  if (conflicts.length === 0) return describeCounts(r, account, locale);
  return locale === 'en'
    ? `${describeCounts(r, account, locale)}; ${conflicts.length} central message(s) not queued: the outbox holds their key with another content (first: ${conflicts[0]})`
    : `${describeCounts(r, account, locale)}；中心的 ${conflicts.length} 条消息未入队：本机发件箱已有同一键、内容不同（第一条：${conflicts[0]}）`;
}

function describeCounts(r: ShipRoundResult, account: string, locale: Locale): string {
  const s = r.shipped;
  if (locale === 'en') {
    return (
      `shipped as ${account}: ${s.messages.sent} messages (${s.messages.added} new centrally), ` +
      `${s.snapshots.sent} rosters (${s.snapshots.skipped} of groups recorded by another account skipped), ` +
      `${s.roomEvents.sent} room events (${s.roomEvents.skipped} skipped), ${s.groups} groups, ${s.contacts} contacts, ` +
      `${s.batches} batches; pulled ${r.pulled.queued} new message(s) into the outbox` +
      `; answers ${s.statuses.sent} sent (${s.statuses.applied} new centrally), ${r.issued} central digest(s)' numbering pulled` +
      `; erased ${s.erasedCentrally} member(s) forgotten here centrally, ${s.erasedHere} forgotten centrally here`
    );
  }
  return (
    `已以 ${account} 上送：消息 ${s.messages.sent} 条（中心新增 ${s.messages.added}），` +
    `群名单 ${s.snapshots.sent} 份（${s.snapshots.skipped} 份属其他账号记录的群，跳过），` +
    `群事件 ${s.roomEvents.sent} 条（跳过 ${s.roomEvents.skipped}），群 ${s.groups} 个，联系人 ${s.contacts} 人，` +
    `共 ${s.batches} 批；从中心取回新的待发消息 ${r.pulled.queued} 条` +
    `；上送建议答复 ${s.statuses.sent} 条（中心更新 ${s.statuses.applied}），取回中心周报编号 ${r.issued} 份` +
    `；本机已遗忘的 ${s.erasedCentrally} 人已在中心删除，中心已遗忘的 ${s.erasedHere} 人已在本机删除`
  );
}
