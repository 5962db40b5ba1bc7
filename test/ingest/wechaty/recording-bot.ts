import { log } from 'wechaty';
import { configSchema } from '../../../src/config/schema.js';
import { createBot } from '../../../src/ingest/wechaty/create-bot.js';
import { MessageTally } from '../../../src/ingest/wechaty/message-tally.js';
import { type RecorderOptions, recorderPlugin } from '../../../src/ingest/wechaty/recorder-plugin.js';
import type { SimulationPuppet } from '../../../src/ingest/wechaty/simulation-puppet.js';
import { type LogEntry, memoryLogger } from '../../fixtures/memory-logger.js';
import { openTempStore } from '../../fixtures/temp-store.js';

/** A started bot on the simulation puppet, recording into a real SQLite file in a temp dir. */
export async function startRecordingBot(extra: Partial<RecorderOptions> = {}) {
  log.level('silent');
  const store = openTempStore();
  const logs: LogEntry[] = [];
  const tally = new MessageTally();
  const config = configSchema.parse({});
  const created = createBot(config, { out: () => {} });
  const { bot, mocker } = created;
  const puppet = created.puppet as SimulationPuppet;
  if (!mocker) throw new Error('expected the simulation puppet');
  const recorder = recorderPlugin({
    store,
    log: memoryLogger(logs),
    onMessageHandled: tally.record,
    ...extra,
  });
  bot.use(recorder);
  await bot.start();
  return {
    bot,
    mocker,
    puppet,
    sent: created.sent,
    store,
    logs,
    tally,
    recorder,
    async stop() {
      await bot.stop();
      await recorder.idle();
      store.close();
    },
  };
}

export type RecordingBot = Awaited<ReturnType<typeof startRecordingBot>>;
