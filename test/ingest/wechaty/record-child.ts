/**
 * Child process for the SIGKILL test of live recording: the bot on the simulation puppet plays a
 * simulated week (seed SEED) and records it into DB, as `npm start` does. Prints one JSON line per
 * message the recorder has stored (its transaction committed: acknowledged), and a summary at the end.
 *   node --import tsx test/ingest/wechaty/record-child.ts DB SEED
 */
import { log as wechatyLog } from 'wechaty';
import { configSchema } from '../../../src/config/schema.js';
import { createSimulation } from '../../../src/ingest/simulate/create-simulation.js';
import { createBot } from '../../../src/ingest/wechaty/create-bot.js';
import { MessageTally } from '../../../src/ingest/wechaty/message-tally.js';
import { playSimulation } from '../../../src/ingest/wechaty/play-simulation.js';
import { recorderPlugin } from '../../../src/ingest/wechaty/recorder-plugin.js';
import { simulationOrgMap } from '../../../src/ingest/wechaty/simulation-org-map.js';
import type { SimulationPuppet } from '../../../src/ingest/wechaty/simulation-puppet.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { Store } from '../../../src/store/store.js';

const [dbPath, seed] = process.argv.slice(2) as [string, string];
wechatyLog.level('silent');
const say = (record: object) => process.stdout.write(`${JSON.stringify(record)}\n`);
const records = [...createSimulation({ seed: Number(seed), weeks: 1 }).records()];
const store = new Store(dbPath);
const { bot, mocker, puppet } = createBot(configSchema.parse({}), { out: () => {} });
if (!mocker) throw new Error('expected the simulation puppet');
const tally = new MessageTally();
const recorder = recorderPlugin({
  store,
  log: { ...silentLogger, error: (_data, msg) => process.stderr.write(`${msg}\n`) },
  onMessageHandled: (id, outcome) => {
    tally.record(id, outcome);
    if (outcome === 'inserted') say({ stored: id });
  },
  ...simulationOrgMap(records),
});
bot.use(recorder);
await bot.start();
const played = await playSimulation({
  bot,
  mocker,
  puppet: puppet as SimulationPuppet,
  records,
  tally,
  recorder,
  batchSize: 50,
});
await bot.stop();
await recorder.idle();
store.close();
say({ done: true, played });
