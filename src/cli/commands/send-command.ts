import type { Command } from 'commander';
import { isPostgresUrl } from '../../config/db-target.js';
import type { Config } from '../../config/schema.js';
import type { ChannelBlockedError, ChannelName } from '../../deliver/channel.js';
import {
  describeBlocked,
  describeDrain,
  describeFailed,
  describeUndeliverable,
} from '../../deliver/channel-report.js';
import { systemClock } from '../../deliver/clock.js';
import { type Channels, createChannels } from '../../deliver/create-channels.js';
import { SendQueue } from '../../deliver/send-queue.js';
import { SenderOfflineError } from '../../deliver/sender.js';
import type { Logger } from '../../logging/logger.js';
import type { Locale } from '../../model/locale.js';
import {
  centralAddresses,
  claimForCentralSending,
  summarizeCentralOutbox,
} from '../../store/postgres/central-outbox.js';
import { ensureCentralTables } from '../../store/postgres/central-tables.js';
import { PgDatabase } from '../../store/postgres/pg-database.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';

const CENTRAL_TEXT = {
  'zh-CN': {
    claimed: (n: number, spool: string) => `从中心库领取 ${n} 条待发消息（邮件/企业微信），记入 ${spool}`,
    conflicts: (keys: string[]) =>
      `${keys.length} 条中心消息的键已被发送缓存中另一条内容占用，未发送（请运维检查）：${keys.join('、')}`,
    waitingWechat: (account: string, n: number) =>
      `微信账号 ${account} 有 ${n} 条中心消息等待其主机拉取（qingqun ship）`,
  },
  en: {
    claimed: (n: number, spool: string) =>
      `claimed ${n} message(s) (email / WeCom) from the central store into ${spool}`,
    conflicts: (keys: string[]) =>
      `${keys.length} central message key(s) are held in the send spool by other content and were not sent (check them): ${keys.join(', ')}`,
    waitingWechat: (account: string, n: number) =>
      `${n} central message(s) for WeChat account ${account} wait for its host to pull them (qingqun ship)`,
  },
} as const;

/**
 * Drains `store`'s outbox once through the one SendQueue (no WeChat account in this process: WeChat
 * rows wait for a bot) and returns the report lines `send --drain` prints.
 */
async function drainOnce(
  store: Store,
  channels: Channels,
  addressOf: Channels['addressOf'],
  config: Config,
  log: Logger,
): Promise<string[]> {
  const outbox = store.outbox;
  const locale: Locale = config.locale;
  const reports: string[] = [];
  const byChannel: Partial<Record<ChannelName, number>> = {};
  const before = outbox.countByChannel('sent');
  const queue = new SendQueue({
    outbox,
    // No bot in this process: WeChat messages wait for it.
    sender: {
      sendText: async () => {
        throw new SenderOfflineError('no WeChat account in this process');
      },
      sendImage: async () => {
        throw new SenderOfflineError('no WeChat account in this process');
      },
    },
    channels: channels.senders,
    addressOf,
    clock: systemClock,
    settings: config.deliver,
    log,
    onUndeliverable: (r) => reports.push(describeUndeliverable(r, locale)),
    onFailed: (row) => reports.push(describeFailed(row, locale)),
    onChannelBlocked: (e: ChannelBlockedError) => reports.push(describeBlocked(e, locale)),
    onUnconfirmed: (rows) =>
      reports.push(
        locale === 'en'
          ? `${rows.length} message(s) were interrupted by a crash and are not resent (they may have arrived)`
          : `${rows.length} 条消息发送时进程中断，可能已送达，不再重发`,
      ),
  });
  const result = await queue.drain();
  for (const [c, n] of Object.entries(outbox.countByChannel('sent'))) {
    const fresh = (n ?? 0) - (before[c as ChannelName] ?? 0);
    if (fresh > 0) byChannel[c as ChannelName] = fresh;
  }
  const queued = outbox.countByChannel('queued');
  const waiting = Object.fromEntries(
    result.skippedChannels.filter((c) => !channels.senders[c as never]).map((c) => [c, queued[c] ?? 0]),
  );
  return [...describeDrain(result, byChannel, waiting, locale), ...reports];
}

/**
 * The central store's sending (issue 18): claims the email / WeCom messages queued centrally with no
 * account into the local spool central.sendSpool (claimForCentralSending: one central transaction per
 * batch, so two senders never take the same row, and the spool's dedupe keys make a re-claim a
 * no-op), then drains the spool exactly as a local outbox. Addresses come from the central contacts,
 * read at drain time as locally. WeChat items are left for their hosts and counted per account.
 */
async function drainCentral(config: Config, out: (line: string) => void, log: Logger): Promise<void> {
  const t = CENTRAL_TEXT[config.locale];
  const central = await PgDatabase.open(config.db, { mustExist: true });
  const spool = new Store(config.central.sendSpool);
  const channels = createChannels(spool, config);
  try {
    await ensureCentralTables(central.client);
    const claim = await claimForCentralSending(
      central.client,
      (items) => spool.outbox.enqueue(items, Date.now()),
      Date.now(),
    );
    if (claim.queued > 0) out(t.claimed(claim.queued, config.central.sendSpool));
    if (claim.conflicts.length > 0) out(t.conflicts(claim.conflicts));
    const pending = spool.outbox.list('queued').map((row) => row.recipientId);
    const addresses = await centralAddresses(central.client, pending);
    const addressOf: Channels['addressOf'] = (recipientId, channel) => {
      if (channel === 'wechat') return recipientId;
      const a = addresses.get(recipientId);
      const value = channel === 'email' ? a?.email : channel === 'wecom' ? a?.wecomUserId : '';
      return value ?? undefined;
    };
    for (const line of await drainOnce(spool, channels, addressOf, config, log)) out(line);
    const summary = await summarizeCentralOutbox(central.client);
    for (const [account, n] of Object.entries(summary.waitingByAccount)) out(t.waitingWechat(account, n));
  } finally {
    channels.close();
    spool.close();
    await central.close();
  }
}

/**
 * `qingqun send --drain`: sends every queued message that is due on the channels this process can
 * use (email, WeCom application, WeCom robot) and exits, for cron-driven deployments. WeChat
 * messages stay queued for the bot. Only one process may send from a database at a time: do not
 * run it beside `qingqun run` or a live bot. With a postgres:// --db it sends what was queued
 * centrally on those channels (drainCentral); one such sender per central store.
 */
export function registerSendCommand(program: Command, context: () => CliContext): void {
  program
    .command('send')
    .description('send the queued messages that are due through email / WeCom, then exit')
    .requiredOption('--drain', 'send everything due, then exit')
    .action(async () => {
      const { config, out, log } = context();
      if (isPostgresUrl(config.db)) {
        await drainCentral(config, out, log);
        return;
      }
      const store = new Store(config.db, { mustExist: true });
      const channels = createChannels(store, config);
      try {
        for (const line of await drainOnce(store, channels, channels.addressOf, config, log)) out(line);
      } finally {
        channels.close();
        store.close();
      }
    });
}
