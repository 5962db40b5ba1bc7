/**
 * Runs a simulation once per options and keeps what the tests inspect: records, messages by id,
 * the groups and the truth. Default-sized simulations take about a second.
 */
import { createSimulation, type Simulation } from '../../../src/ingest/simulate/create-simulation.js';
import type { SimulationOptions } from '../../../src/ingest/simulate/simulation-options.js';
import type { GroundTruth } from '../../../src/model/ground-truth.js';
import type { GroupRecord, InterchangeRecord, MessageRecord } from '../../../src/model/interchange.js';

export interface SimRun {
  sim: Simulation;
  records: InterchangeRecord[];
  messages: MessageRecord[];
  byId: Map<string, MessageRecord>;
  groups: Map<string, GroupRecord>;
  truth: GroundTruth;
}

const cache = new Map<string, SimRun>();

export function runSimulation(options: SimulationOptions = {}): SimRun {
  const key = JSON.stringify(options);
  let run = cache.get(key);
  if (!run) {
    const sim = createSimulation(options);
    const records = [...sim.records()];
    const messages = records.filter((r): r is MessageRecord => r.kind === 'message');
    run = {
      sim,
      records,
      messages,
      byId: new Map(messages.map((m) => [m.id, m])),
      groups: new Map(records.filter((r): r is GroupRecord => r.kind === 'group').map((g) => [g.id, g])),
      truth: sim.truth(),
    };
    cache.set(key, run);
  }
  return run;
}

/** Monday 00:00 Beijing of the simulation's first week (default start). */
export const FIRST_MONDAY = Date.parse('2026-10-26T00:00:00+08:00');
const WEEK = 7 * 86_400_000;

/** Index of the simulated week (0-based) a message falls in. */
export function weekIndex(message: MessageRecord, start = FIRST_MONDAY): number {
  return Math.floor((Date.parse(message.time) - start) / WEEK);
}
