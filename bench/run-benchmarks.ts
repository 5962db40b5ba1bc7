import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchPlan } from './bench-plan.js';
import type { BenchResults, Measured } from './bench-results.js';
import { measureAnalysis } from './measure-analysis.js';
import { dedupeSample, measureDedupe } from './measure-dedupe.js';
import { measureDigestQueue } from './measure-digest-queue.js';
import { measureImport } from './measure-import.js';
import { measureLive } from './measure-live.js';
import { writeWorkload } from './write-workload.js';

export interface RunOptions {
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /** Where the workloads and databases go (default: a fresh temp dir, removed afterwards). */
  dir?: string;
}

const measured = <T extends object>(value: T): Measured<T> => ({ ...value, loadAverage: loadavg()[0] ?? 0 });

/**
 * Runs every measurement of the plan, one after another (never two at once: they would compete for
 * the same cores): simulate, import (+ the plain-insert limit), analyse each week in a child
 * process, record live through Wechaty, compare duplicate detection with all pairs.
 */
export async function runBenchmarks(plan: BenchPlan, options: RunOptions = {}): Promise<BenchResults> {
  const log = options.log ?? (() => {});
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'qingqun-bench-'));
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const [oneMinute = 0, fiveMinutes = 0, fifteenMinutes = 0] = loadavg();
  const loadAverageAtStart = { oneMinute, fiveMinutes, fifteenMinutes };
  try {
    log(`simulating ${plan.smallMessages} and ${plan.largeMessages} messages`);
    const small = await writeWorkload(dir, plan.smallMessages, plan.seed);
    const large = await writeWorkload(dir, plan.largeMessages, plan.seed);
    const db = { small: join(dir, 'small.sqlite'), large: join(dir, 'large.sqlite') };

    log('import, small');
    const importSmall = measured(await measureImport(small, db.small));
    log('import, large');
    const importLarge = measured(await measureImport(large, db.large));

    log('weekly analysis, small');
    const analysisSmall = measured(await measureAnalysis(db.small, small.week));
    log('weekly analysis, large');
    const analysisLarge = measured(await measureAnalysis(db.large, large.week));

    log('live recording');
    const live = measured(
      await measureLive(join(dir, 'live.sqlite'), {
        seed: plan.seed,
        serial: plan.liveSerialMessages,
        sustained: plan.liveSustainedMessages,
      }),
    );

    log('duplicate detection vs all pairs');
    const mixed = measured(measureDedupe(small, dedupeSample(small, db.small, plan.dedupeSample)));
    const candidates = measured(measureDedupe(large, dedupeSample(large, db.large, plan.dedupeSample, true)));

    // Last: queueing writes the small database's outbox.
    log('digest queueing vs report, small');
    const digestQueue = measured(measureDigestQueue(db.small, small.week));

    return {
      plan,
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
      node: process.version,
      cores: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadAverageAtStart,
      workloads: { small, large },
      import: { small: importSmall, large: importLarge },
      live,
      analysis: {
        small: analysisSmall,
        large: analysisLarge,
        ratio: analysisLarge.seconds / analysisSmall.seconds,
      },
      dedupe: { mixed, candidates },
      digestQueue,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
  }
}
