import { createBot } from '../../ingest/wechaty/create-bot.js';
import { recorderPlugin } from '../../ingest/wechaty/recorder-plugin.js';
import { snapshotAllRooms } from '../../ingest/wechaty/snapshot-all-rooms.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';

/**
 * `npm start` with a puppet configured: the real bot records every work group until Ctrl-C (or
 * SIGTERM), then stops the puppet and closes the database cleanly.
 */
export async function runLiveBot(ctx: CliContext): Promise<void> {
  const { config, log, out } = ctx;
  const store = new Store(config.db);
  const { bot } = createBot(config, { out });
  const recorder = recorderPlugin({
    store,
    log: (level, msg, data) => log[level](data ?? {}, msg),
    ownerOverrides: config.org.ownerOverrides,
    groupUnits: config.org.groupUnits,
  });
  bot.use(recorder);
  bot.on('login', (user) => log.info({ userId: user.id }, 'logged in'));
  bot.on('logout', (user) => log.warn({ userId: user.id }, 'logged out'));

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      out('正在停止… / stopping…');
      await bot.stop();
      await recorder.idle();
      store.close();
    })();
    return stopping;
  };
  const done = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => void stop().then(resolve));
  });
  await bot.start();
  out(`qingqun: puppet ${config.puppet.name} started; database ${config.db}. Ctrl-C stops.`);
  const daily = setInterval(() => {
    snapshotAllRooms(bot, store).catch((error: unknown) =>
      log.error({ err: String(error) }, 'snapshot failed'),
    );
  }, 24 * 3_600_000);
  await done;
  clearInterval(daily);
}
