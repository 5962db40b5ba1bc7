import { log as wechatyLog } from 'wechaty';
import { createDelivery } from '../../app/create-delivery.js';
import type { Conversation } from '../../converse/create-conversation.js';
import { systemClock } from '../../deliver/clock.js';
import { createChannels } from '../../deliver/create-channels.js';
import { createWechatySender } from '../../deliver/wechaty-sender.js';
import { createBot, memoryCardPath } from '../../ingest/wechaty/create-bot.js';
import { loadPuppet } from '../../ingest/wechaty/load-puppet.js';
import { recorderPlugin } from '../../ingest/wechaty/recorder-plugin.js';
import { snapshotAllRooms } from '../../ingest/wechaty/snapshot-all-rooms.js';
import { createStoragePolicy } from '../../privacy/storage-policy.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';
import {
  connectLiveBot,
  createRepeatFilter,
  createStopSignal,
  oneLine,
  stopQuietly,
  takeOver,
} from './connect-live-bot.js';
import { LIVE_BOT_TEXT } from './live-bot-text.js';

/**
 * `npm start` with a puppet configured: the real bot records every work group, answers private
 * commands, and runs the schedules (digests, audit, daily digests, snapshots, retention) on node-cron
 * until Ctrl-C (or SIGTERM), then stops the queue and the puppet and closes the database cleanly.
 * Connecting is bounded (connect-live-bot.ts): when it fails the operator reads why in their
 * language and the command exits 1. The login session (memory card) is kept beside the database.
 */
export async function runLiveBot(ctx: CliContext): Promise<void> {
  const { config, log, out } = ctx;
  const text = LIVE_BOT_TEXT[config.locale];
  const say = (line: string) => process.stderr.write(`${line}\n`);
  // Wechaty's own logger bypasses ours (and its redaction), and repeats a failing puppet's complaint
  // on every retry: its errors reach the operator through the bot's 'error' event, deduplicated.
  wechatyLog.level(config.logLevel === 'debug' || config.logLevel === 'trace' ? 'verbose' : 'silent');
  // A missing puppet is a configuration error (one line, exit 2), found before anything is opened.
  const firstPuppet = await loadPuppet({
    name: config.puppet.name,
    token: config.puppet.token,
    locale: config.locale,
  });
  const stop = createStopSignal();
  const filter = createRepeatFilter(say, text);
  // A puppet's failing internals must not end the bot with a trace; each distinct one is said once.
  const onRejection = (reason: unknown) => filter.report(oneLine(reason));
  const restoreRejections = takeOver('unhandledRejection', onRejection);
  const store = new Store(config.db, { policy: createStoragePolicy(config) });
  const card = memoryCardPath(config);
  let conversation: Conversation | undefined;
  const recorder = recorderPlugin({
    store,
    log,
    ownerOverrides: config.org.ownerOverrides,
    groupUnits: config.org.groupUnits,
    // Said once per distinct error by the filter (below), not logged once per occurrence.
    onError: (error) => log.debug({ err: oneLine(error) }, 'puppet error'),
    onPrivateMessage: (msg) => {
      const body = msg.text();
      if (conversation && body.trim() !== '')
        void conversation.handlePrivateMessage(msg.talker().id, body, msg.id);
    },
  });
  let spare: typeof firstPuppet | undefined = firstPuppet;
  const build = async () => {
    // Each attempt gets a fresh puppet: a failed one may be left in any state.
    const puppet =
      spare ??
      (await loadPuppet({ name: config.puppet.name, token: config.puppet.token, locale: config.locale }));
    spare = undefined;
    const { bot } = createBot(config, { out, puppet, memoryCard: card });
    bot.on('error', (error) => filter.report(oneLine(error)));
    bot.on('login', (user) => log.info({ userId: user.id }, 'logged in'));
    bot.on('logout', (user) => log.warn({ userId: user.id }, 'logged out'));
    bot.use(recorder);
    return bot;
  };

  let exitCode = 0;
  try {
    const { bot, gaveUp } = await connectLiveBot({
      puppetName: config.puppet.name,
      settings: {
        attempts: config.puppet.connectAttempts,
        timeoutMs: config.puppet.connectTimeoutSeconds * 1000,
        retryDelayMs: config.puppet.retryDelaySeconds * 1000,
      },
      text,
      say,
      filter,
      stop,
      build,
    });
    if (gaveUp) exitCode = 1;
    if (bot) {
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
      out(text.started(config.puppet.name, config.db, `${card}.memory-card.json`));
      await stop.promise;
      say(text.stopping);
      await delivery.stop();
      channels.close();
      await stopQuietly(bot, filter);
      await recorder.idle();
    }
  } finally {
    filter.flush();
    store.close();
    stop.dispose();
    restoreRejections();
  }
  if (stop.requested) say(text.stopped);
  process.exitCode = exitCode;
  // A stopped puppet may leave timers behind (wechat4u's sync loop): do not wait for them.
  setTimeout(() => process.exit(exitCode), 2000).unref();
}
