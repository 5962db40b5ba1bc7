import type { AnalysisChildResult } from './analyse-week-child.js';
import type { BenchPlan } from './bench-plan.js';
import type { DedupeMeasurement } from './measure-dedupe.js';
import type { DigestQueueMeasurement } from './measure-digest-queue.js';
import type { ImportMeasurement } from './measure-import.js';
import type { LiveMeasurement } from './measure-live.js';
import type { Workload } from './write-workload.js';

/** A measurement and the 1-minute load average when it ended (the machine is shared: say how busy). */
export type Measured<T> = T & { loadAverage: number };

export type AnalysisMeasurement = AnalysisChildResult;

/** Everything one run measured; bench/results.json holds it with the table's rows. */
export interface BenchResults {
  plan: BenchPlan;
  startedAt: string;
  node: string;
  cores: number;
  cpuModel: string;
  /** An object, not an array: bench/results.json then stays as Biome formats it. */
  loadAverageAtStart: { oneMinute: number; fiveMinutes: number; fifteenMinutes: number };
  workloads: { small: Workload; large: Workload };
  import: { small: Measured<ImportMeasurement>; large: Measured<ImportMeasurement> };
  live: Measured<LiveMeasurement>;
  analysis: {
    small: Measured<AnalysisMeasurement>;
    large: Measured<AnalysisMeasurement>;
    /** large.seconds / small.seconds. */
    ratio: number;
  };
  dedupe: {
    /** The first messages of the small week (the sample). */
    mixed: Measured<DedupeMeasurement>;
    /** Only messages that can be notice copies, from the large week: where the quadratic term shows. */
    candidates: Measured<DedupeMeasurement>;
  };
  /** Queueing every owner's digest beside one report of the same week (issue 16). */
  digestQueue: Measured<DigestQueueMeasurement>;
  seconds: number;
}
