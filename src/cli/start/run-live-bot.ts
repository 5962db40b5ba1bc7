import { log as wechatyLog } from 'wechaty';
import type { Conversation } from '../../converse/create-conversation.js';
import { systemClock } from '../../deliver/clock.js';
import { createChannels } from '../../deliver/create-channels.js';
import { createDelivery } from '../../deliver/create-delivery.js';
import { createWechatySender } from '../../deliver/wechaty-sender.js';
import { createBot } from '../../ingest/wechaty/create-bot.js';
import { recorderPlugin } from '../../ingest/wechaty/recorder-plugin.js';
import { snapshotAllRooms } from '../../ingest/wechaty/snapshot-all-rooms.js';
import { createStoragePolicy } from '../../privacy/storage-policy.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';

/**
 * `npm start` with a puppet configured: the real bot records every work group, answers private
 * commands, and runs the schedules (digests, audit, daily digests, snapshots, retention) on node-cron
 * until Ctrl-C (or SIGTERM), then stops the queue and the puppet and closes the database cleanly.
 */
export async function runLiveBot(ctx: CliContext): Promise<void> {
  const { config, log, out } = ctx;
  // Wechaty's own logger bypasses ours (and its redaction): keep it to warnings.
  wechatyLog.level('warn');
  const store = new Store(config.db, { policy: createStoragePolicy(config) });
  const { bot } = createBot(config, { out });
  let conversation: Conversation | undefined;
  const recorder = recorderPlugin({
    store,
    log: (level, msg, data) => log[level](data ?? {}, msg),
    ownerOverrides: config.org.ownerOverrides,
    groupUnits: config.org.groupUnits,
    onPrivateMessage: (msg) => {
      const text = msg.text();
      if (conversation && text.trim() !== '')
        void conversation.handlePrivateMessage(msg.talker().id, text, msg.id);
    },
  });
  bot.use(recorder);
  bot.on('login', (user) => log.info({ userId: user.id }, 'logged in'));
  bot.on('logout', (user) => log.warn({ userId: user.id }, 'logged out'));
  await bot.start();
  // Email/WeCom beside WeChat, when configured (e.g. the audit by email to supervisors).
  const channels = createChannels(store, config);
  const delivery = await createDelivery({
    store,
    config,
    sender: createWechatySender(bot),
    channels,
    onReport: (line) => log.warn({ report: line }, 'delivery'),
    clock: systemClock,
    log,
    timers: 'cron',
    memberSnapshot: async () => {
      const r = await snapshotAllRooms(bot, store);
      log.info({ rooms: r.rooms, changed: r.changed }, 'member snapshot');
    },
  });
  conversation = delivery.conversation;
  out(`qingqun: puppet ${config.puppet.name} started; database ${config.db}. Ctrl-C stops.`);

  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  out('正在停止… / stopping…');
  await delivery.stop();
  channels.close();
  await bot.stop();
  await recorder.idle();
  store.close();
}
