import type { AnalysisChildResult } from './analyse-week-child.js';
import type { BenchPlan } from './bench-plan.js';
import type { DedupeMeasurement } from './measure-dedupe.js';
import type { DigestQueueMeasurement } from './measure-digest-queue.js';
import type { ImportMeasurement, PostgresImportMeasurement } from './measure-import.js';
import type { LiveMeasurement } from './measure-live.js';
import type { Workload } from './write-workload.js';

/** A measurement and the 1-minute load average when it ended (the machine is shared: say how busy). */
export type Measured<T> = T & { loadAverage: number };

export type AnalysisMeasurement = AnalysisChildResult;

/** A `qingqun` command timed end to end in its own process (start-up included). */
export interface CommandMeasurement {
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
}

/** The rows of `--pg URL`: the same workloads in PostgreSQL, and shipping a spool into it. */
export interface PostgresResults {
  /** Why some rows were not run (no server; or the CLI has no PostgreSQL store: import and report). */
  skipped?: string;
  import?: {
    small: Measured<PostgresImportMeasurement>;
    large: Measured<PostgresImportMeasurement>;
    province?: Measured<PostgresImportMeasurement>;
  };
  /** `qingqun report --format json` of the large (and province) week from each engine, end to end. */
  report?: {
    large: { sqlite: Measured<CommandMeasurement>; postgresql: Measured<CommandMeasurement> };
    province?: { sqlite: Measured<CommandMeasurement>; postgresql: Measured<CommandMeasurement> };
  };
  /** `qingqun ship` of the large workload's SQLite database (as a bot host's spool) into an empty database. */
  ship?: Measured<CommandMeasurement & { messages: number; rate: number }>;
}

/** Everything one run measured; bench/results.json holds it with the table's rows. */
export interface BenchResults {
  plan: BenchPlan;
  startedAt: string;
  node: string;
  cores: number;
  cpuModel: string;
  /** An object, not an array: bench/results.json then stays as Biome formats it. */
  loadAverageAtStart: { oneMinute: number; fiveMinutes: number; fifteenMinutes: number };
  workloads: { small: Workload; large: Workload; province?: Workload };
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
  /** With `--province`: the province week (import without the plain-insert reference, analysis). */
  province?: {
    import: Measured<Omit<ImportMeasurement, 'plain' | 'plainRate' | 'ratio'>>;
    analysis: Measured<AnalysisMeasurement>;
    /** Every notice candidate of the large week (~36k distinct texts at 1M) against all pairs of texts. */
    dedupeWeek: Measured<DedupeMeasurement>;
  };
  /** With `--pg URL`: the PostgreSQL rows, and why some were not run. */
  postgres?: PostgresResults;
  seconds: number;
}
