import { DateTime } from 'luxon';
import { log as wechatyLog } from 'wechaty';
import { buildWeeklyReport } from '../../analysis/weekly-report.js';
import { createSimulation } from '../../ingest/simulate/create-simulation.js';
import { createBot } from '../../ingest/wechaty/create-bot.js';
import { MessageTally } from '../../ingest/wechaty/message-tally.js';
import { playSimulation } from '../../ingest/wechaty/play-simulation.js';
import { recorderPlugin } from '../../ingest/wechaty/recorder-plugin.js';
import { simulationOrgMap } from '../../ingest/wechaty/simulation-org-map.js';
import type { SimulationPuppet } from '../../ingest/wechaty/simulation-puppet.js';
import { createStoragePolicy } from '../../privacy/storage-policy.js';
import { renderReport } from '../../render/render-report.js';
import { renderStats } from '../../render/render-stats.js';
import { Store } from '../../store/store.js';
import { analyseStoredWeek } from '../../weeks/stored-week.js';
import type { CliContext } from '../cli-context.js';
import { DEMO_TEXT } from './demo-text.js';
import { runDemoDelivery } from './run-demo-delivery.js';

/**
 * `npm start` without a puppet: the bot runs on wechaty-puppet-mock, the simulated town office is
 * played through it with its original timestamps, recorded into the configured database, and the
 * last simulated week is analysed. Re-running is safe: the recorder stores each message once.
 */
export async function runSimulationDemo(ctx: CliContext, options: { seed: number }): Promise<void> {
  const { config, out, log } = ctx;
  const t = DEMO_TEXT[config.locale];
  wechatyLog.level('silent');
  out(t.banner(config.db));

  const sim = createSimulation({ seed: options.seed });
  const records = [...sim.records()];
  const store = new Store(config.db, { policy: createStoragePolicy(config) });
  try {
    const created = createBot(config, { out });
    const { bot, mocker } = created;
    if (!mocker) throw new Error('expected the simulation puppet when no WECHATY_PUPPET is set');
    const tally = new MessageTally();
    const org = simulationOrgMap(records);
    const recorder = recorderPlugin({
      store,
      log,
      onMessageHandled: tally.record,
      ownerOverrides: config.org.ownerOverrides,
      ...org,
      groupUnits: { ...org.groupUnits, ...config.org.groupUnits },
    });
    bot.use(recorder);
    const started = Date.now();
    await bot.start();
    const played = await playSimulation({
      bot,
      mocker,
      puppet: created.puppet as SimulationPuppet,
      records,
      tally,
      recorder,
    });
    out(
      t.played(
        played.groups,
        played.contacts,
        played.messages,
        played.inserted,
        played.duplicate,
        Date.now() - started,
      ),
    );
    if (played.failed + played.missing + played.conflict > 0) {
      out(t.problems(played.failed, played.missing, played.conflict));
    }

    out('');
    const offset = DateTime.now().setZone(config.timezone).offset;
    out(renderStats(store.stats.read(offset), config.locale, config.timezone));

    const week = sim.weeks[sim.weeks.length - 1] as string;
    const { data, findings, previous } = analyseStoredWeek(store, config, week);
    const report = buildWeeklyReport({ data, findings, previous, timezone: config.timezone });
    out('');
    out(
      renderReport(report, {
        format: 'text',
        locale: config.locale,
        contacts: data.contacts,
        perGroup: false,
        topDuplicates: 5,
      }),
    );
    await runDemoDelivery({ bot, store, config, week, log, out });
    await bot.stop();
    await recorder.idle();
    out('');
    out(t.outro(week, config.db));
  } finally {
    store.close();
  }
}
