/**
 * The sizes one benchmark run works at. Every workload is a seeded simulation (src/ingest/simulate)
 * of one ISO week at 100 messages per group and 5 cadres per group, so the small and the large
 * workload differ only in scale and the large/small analysis ratio shows how cost grows.
 */
export interface BenchPlan {
  name: 'full' | 'quick' | 'tiny';
  seed: number;
  /** Messages in the week of the small and the large workload (imported, then analysed). */
  smallMessages: number;
  largeMessages: number;
  /** Messages played through Wechaty one at a time (latency), then in batches (throughput). */
  liveSerialMessages: number;
  liveSustainedMessages: number;
  /** Messages of the duplicate-detection sample (the first of the small workload's week). */
  dedupeSample: number;
  /**
   * Messages of the province week (issue 18: ~50,000 groups, ~5M messages), imported and analysed
   * only with `--province`, which also compares duplicate detection with all pairs of texts on every
   * notice candidate of the large week.
   */
  provinceMessages: number;
}

/** What docs/PERFORMANCE.md states the targets for; about 8–12 minutes on 2 cores. */
export const FULL_PLAN: BenchPlan = {
  name: 'full',
  seed: 7,
  smallMessages: 100_000,
  largeMessages: 1_000_000,
  liveSerialMessages: 2_000,
  liveSustainedMessages: 5_000,
  dedupeSample: 20_000,
  provinceMessages: 5_000_000,
};

/** CI smoke: the same measurements at a tenth or less, under a minute. */
export const QUICK_PLAN: BenchPlan = {
  name: 'quick',
  seed: 7,
  smallMessages: 10_000,
  largeMessages: 40_000,
  liveSerialMessages: 300,
  liveSustainedMessages: 1_000,
  dedupeSample: 3_000,
  provinceMessages: 100_000,
};

/** For the test of the benchmark itself: every code path, seconds. */
export const TINY_PLAN: BenchPlan = {
  name: 'tiny',
  seed: 7,
  smallMessages: 1_000,
  largeMessages: 2_000,
  liveSerialMessages: 30,
  liveSustainedMessages: 60,
  dedupeSample: 500,
  provinceMessages: 4_000,
};

/** Groups for a workload of `messages` a week: 100 messages per group, at least the simulator's 10. */
export function groupsFor(messages: number): number {
  return Math.max(10, Math.round(messages / 100));
}
