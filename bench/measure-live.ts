import { log as wechatyLog } from 'wechaty';
import { configSchema } from '../src/config/schema.js';
import { createSimulation } from '../src/ingest/simulate/create-simulation.js';
import { createBot } from '../src/ingest/wechaty/create-bot.js';
import { MessageTally } from '../src/ingest/wechaty/message-tally.js';
import { playSimulation } from '../src/ingest/wechaty/play-simulation.js';
import { recorderPlugin } from '../src/ingest/wechaty/recorder-plugin.js';
import { simulationOrgMap } from '../src/ingest/wechaty/simulation-org-map.js';
import type { SimulationPuppet } from '../src/ingest/wechaty/simulation-puppet.js';
import { silentLogger } from '../src/logging/logger.js';
import type { InterchangeRecord, MessageRecord } from '../src/model/interchange.js';
import { createStoragePolicy } from '../src/privacy/storage-policy.js';
import { Store } from '../src/store/store.js';
import { removeDatabase } from './measure-import.js';
import { quantile } from './quantile.js';
import { startTiming, type Timing } from './timed.js';

export interface LiveMeasurement {
  /**
   * One message in flight at a time: from the puppet's 'message' event to the row committed, in wall
   * time and in this process's CPU time (what a loaded machine distorts least; waits not included).
   */
  serial: {
    messages: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    cpuP50Ms: number;
    cpuP99Ms: number;
  };
  /** Batches of 200 in flight (the simulation player's default): throughput, and latency under it. */
  sustained: { messages: number; timing: Timing; messagesPerSecond: number; p50Ms: number; p99Ms: number };
  /** Messages the recorder did not store as new (should be 0). */
  notInserted: number;
}

/** One bot account's share: about 200 groups. */
const GROUPS = 200;
/** Messages recorded before timing starts. */
const WARM_UP = 200;

/**
 * Plays a seeded simulation through Wechaty on the mock puppet into a fresh SQLite store, with the
 * recorder plugin installed exactly as `qingqun start` does, and times every message from the
 * puppet's emit to the recorder's "handled" callback (after the commit).
 */
export async function measureLive(
  dbPath: string,
  plan: { seed: number; serial: number; sustained: number },
): Promise<LiveMeasurement> {
  wechatyLog.level('silent');
  const sim = createSimulation({
    seed: plan.seed,
    groups: GROUPS,
    weeks: 1,
    messagesPerWeek: Math.max(100, Math.ceil((WARM_UP + plan.serial + plan.sustained) * 1.05)),
  });
  const records = [...sim.records()];
  const people = records.filter((r) => r.kind !== 'message');
  const messages = records.filter((r): r is MessageRecord => r.kind === 'message');
  if (messages.length < WARM_UP + plan.serial + plan.sustained) {
    throw new Error('bench: live workload too small');
  }

  removeDatabase(dbPath);
  // As src/cli/demo/run-simulation-demo.ts wires it, with the default configuration.
  const config = configSchema.parse({});
  const store = new Store(dbPath, { policy: createStoragePolicy(config) });
  const emitted = new Map<string, Stamp>();
  const handled = new Map<string, Stamp>();
  const tally = new MessageTally();
  const { bot, mocker, puppet } = createBot(config, { out: () => {} });
  if (!mocker || !puppet) throw new Error('bench: expected the simulation puppet');
  const recorder = recorderPlugin({
    store,
    log: silentLogger,
    onMessageHandled: (id, outcome) => {
      handled.set(id, stamp());
      tally.record(id, outcome);
    },
    ...simulationOrgMap(records),
  });
  observeEmits(puppet, emitted);
  bot.use(recorder);
  try {
    await bot.start();
    const play = (slice: InterchangeRecord[], batchSize: number) =>
      playSimulation({ bot, mocker, puppet, records: [...people, ...slice], tally, recorder, batchSize });
    // Log in, let the login snapshot of every room finish and warm the code up: a running bot is warm.
    const warmUp = await play(messages.slice(0, WARM_UP), 200);
    const serialSet = messages.slice(WARM_UP, WARM_UP + plan.serial);
    const first = await play(serialSet, 1);
    const sustainedSet = messages.slice(WARM_UP + plan.serial, WARM_UP + plan.serial + plan.sustained);
    const stop = startTiming();
    const second = await play(sustainedSet, 200);
    const timing = stop();
    const serial = latencies(serialSet, emitted, handled, 'wall');
    const serialCpu = latencies(serialSet, emitted, handled, 'cpu');
    const underLoad = latencies(sustainedSet, emitted, handled, 'wall');
    return {
      serial: {
        messages: serial.length,
        p50Ms: quantile(serial, 0.5),
        p99Ms: quantile(serial, 0.99),
        maxMs: serial[serial.length - 1] ?? 0,
        cpuP50Ms: quantile(serialCpu, 0.5),
        cpuP99Ms: quantile(serialCpu, 0.99),
      },
      sustained: {
        messages: sustainedSet.length,
        timing,
        messagesPerSecond: sustainedSet.length / timing.seconds,
        p50Ms: quantile(underLoad, 0.5),
        p99Ms: quantile(underLoad, 0.99),
      },
      notInserted: [warmUp, first, second].reduce((n, p) => n + p.messages - p.inserted, 0),
    };
  } finally {
    await bot.stop();
    await recorder.idle();
    store.close();
  }
}

/** Wall clock and process CPU time, in ms. */
interface Stamp {
  wall: number;
  cpu: number;
}

function stamp(): Stamp {
  const cpu = process.cpuUsage();
  return { wall: performance.now(), cpu: (cpu.user + cpu.system) / 1000 };
}

/** Notes when the puppet emits each 'message' event (what a real puppet does on arrival). */
function observeEmits(puppet: SimulationPuppet, at: Map<string, Stamp>): void {
  const emit = puppet.emit.bind(puppet) as (event: string, ...args: unknown[]) => boolean;
  const observed = (event: string, ...args: unknown[]): boolean => {
    const id = (args[0] as { messageId?: unknown } | undefined)?.messageId;
    if (event === 'message' && typeof id === 'string') at.set(id, stamp());
    return emit(event, ...args);
  };
  puppet.emit = observed as typeof puppet.emit;
}

/** Per-message latencies in ms, ascending; messages never handled are left out (and counted by the caller). */
function latencies(
  set: MessageRecord[],
  emitted: Map<string, Stamp>,
  handled: Map<string, Stamp>,
  clock: keyof Stamp,
): number[] {
  const out: number[] = [];
  for (const m of set) {
    const start = emitted.get(m.id);
    const end = handled.get(m.id);
    if (start !== undefined && end !== undefined) out.push(end[clock] - start[clock]);
  }
  return out.sort((a, b) => a - b);
}
