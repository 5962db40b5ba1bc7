import type { Command } from 'commander';
import type { ChannelBlockedError, ChannelName } from '../../deliver/channel.js';
import {
  describeBlocked,
  describeDrain,
  describeFailed,
  describeUndeliverable,
} from '../../deliver/channel-report.js';
import { systemClock } from '../../deliver/clock.js';
import { createChannels } from '../../deliver/create-channels.js';
import { SendQueue } from '../../deliver/send-queue.js';
import { SenderOfflineError } from '../../deliver/sender.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';

/**
 * `qingqun send --drain`: sends every queued message that is due on the channels this process can
 * use (email, WeCom application, WeCom robot) and exits, for cron-driven deployments. WeChat
 * messages stay queued for the bot. Only one process may send from a database at a time: do not
 * run it beside `qingqun run` or a live bot.
 */
export function registerSendCommand(program: Command, context: () => CliContext): void {
  program
    .command('send')
    .description('send the queued messages that are due through email / WeCom, then exit')
    .requiredOption('--drain', 'send everything due, then exit')
    .action(async () => {
      const { config, out, log } = context();
      const store = new Store(config.db, { mustExist: true });
      const channels = createChannels(store, config);
      const outbox = store.outbox;
      const reports: string[] = [];
      const byChannel: Partial<Record<ChannelName, number>> = {};
      try {
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
          addressOf: channels.addressOf,
          clock: systemClock,
          settings: config.deliver,
          log,
          onUndeliverable: (r) => reports.push(describeUndeliverable(r, config.locale)),
          onFailed: (row) => reports.push(describeFailed(row, config.locale)),
          onChannelBlocked: (e: ChannelBlockedError) => reports.push(describeBlocked(e, config.locale)),
          onUnconfirmed: (rows) =>
            reports.push(
              config.locale === 'en'
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
        for (const line of [...describeDrain(result, byChannel, waiting, config.locale), ...reports])
          out(line);
      } finally {
        channels.close();
        store.close();
      }
    });
}
