import { readFileSync } from 'node:fs';
import { duplicateSets } from '../src/analysis/dedupe/cluster.js';
import { buildNoticeTable, noticeKeyOf } from '../src/analysis/dedupe/notices.js';
import { findDuplicates, findDuplicatesAllPairs } from '../src/analysis/duplicate-notices.js';
import { weekBounds } from '../src/calendar/weeks.js';
import { configSchema } from '../src/config/schema.js';
import type { GroundTruth } from '../src/model/ground-truth.js';
import type { StoredMessage } from '../src/model/message.js';
import { Store } from '../src/store/store.js';
import { linkAllMessagePairs } from './link-all-message-pairs.js';
import { pairwiseF1 } from './pairwise-f1.js';
import { startTiming, type Timing } from './timed.js';
import type { Workload } from './write-workload.js';

export interface DedupeMeasurement {
  messages: number;
  /** Messages of the sample that can be notice copies (all pairs of messages compares these). */
  candidates: number;
  /** Distinct texts either method compares (the all-pairs reference compares every pair of them). */
  texts: number;
  /** findDuplicates (MinHash/LSH and anchors) and findDuplicatesAllPairs (every pair of texts verified). */
  fast: Timing & { sets: number; f1: number };
  allPairs: Timing & { sets: number; f1: number };
  /** The naive baseline: every pair of candidate messages verified (bench/link-all-message-pairs.ts). */
  allMessagePairs: Timing & { sets: number; f1: number };
  /** allPairs.seconds / fast.seconds. */
  speedup: number;
  /** allMessagePairs.seconds / fast.seconds. */
  speedupVsMessagePairs: number;
  /** Pairwise F1 of the fast sets against the all-pairs sets. */
  agreement: number;
  /** Pairwise F1 of the fast sets against the all-message-pairs sets. */
  agreementVsMessagePairs: number;
}

const config = configSchema.parse({});

type FindSets = (messages: readonly StoredMessage[], c: typeof config) => { messageIds: string[] }[];

const findDuplicatesAllMessagePairs: FindSets = (messages, c) => {
  const table = buildNoticeTable(messages, c.analysis.duplicates);
  return duplicateSets(table, linkAllMessagePairs(table, c.analysis.duplicates));
};

/**
 * A sample of a workload's week as the import stored it (storage policy applied): its first
 * `size` messages, or with `candidatesOnly` its first `size` messages that can be notice copies
 * (the only ones either method compares).
 */
export function dedupeSample(
  workload: Workload,
  dbPath: string,
  size: number,
  candidatesOnly = false,
): StoredMessage[] {
  const store = new Store(dbPath, { readonly: true });
  try {
    const week = store.weekData.load(weekBounds(workload.week, config.timezone)).messages;
    const rules = config.analysis.duplicates;
    return (candidatesOnly ? week.filter((m) => noticeKeyOf(m, rules) !== null) : week).slice(0, size);
  } finally {
    store.close();
  }
}

/**
 * Duplicate detection against its all-pairs reference on `messages`: both times (each method
 * warmed up first on a small slice), and each one's pairwise F1 against the simulator's truth
 * (workload.truthPath) restricted to the sample.
 */
export function measureDedupe(workload: Workload, messages: readonly StoredMessage[]): DedupeMeasurement {
  const truth = JSON.parse(readFileSync(workload.truthPath, 'utf8')) as GroundTruth;
  const ids = new Set(messages.map((m) => m.id));
  const inSample = (id: string) => ids.has(id);
  const truthSets = truth.duplicates.map((d) => d.messageIds);
  const warm = messages.slice(0, 500);
  findDuplicates(warm, config);
  findDuplicatesAllPairs(warm, config);
  findDuplicatesAllMessagePairs(warm, config);

  const run = (find: FindSets) => {
    const stop = startTiming();
    const sets = find(messages, config).map((s) => s.messageIds);
    return { sets, timing: stop() };
  };
  const fast = run(findDuplicates);
  const allPairs = run(findDuplicatesAllPairs);
  const allMessagePairs = run(findDuplicatesAllMessagePairs);
  const texts = new Set<string>();
  let candidates = 0;
  for (const m of messages) {
    const key = noticeKeyOf(m, config.analysis.duplicates);
    if (key) candidates++;
    if (key && 'text' in key) texts.add(key.text);
  }
  return {
    messages: messages.length,
    candidates,
    texts: texts.size,
    fast: { ...fast.timing, sets: fast.sets.length, f1: pairwiseF1(fast.sets, truthSets, inSample) },
    allPairs: {
      ...allPairs.timing,
      sets: allPairs.sets.length,
      f1: pairwiseF1(allPairs.sets, truthSets, inSample),
    },
    allMessagePairs: {
      ...allMessagePairs.timing,
      sets: allMessagePairs.sets.length,
      f1: pairwiseF1(allMessagePairs.sets, truthSets, inSample),
    },
    speedup: allPairs.timing.seconds / fast.timing.seconds,
    speedupVsMessagePairs: allMessagePairs.timing.seconds / fast.timing.seconds,
    agreement: pairwiseF1(fast.sets, allPairs.sets, inSample),
    agreementVsMessagePairs: pairwiseF1(fast.sets, allMessagePairs.sets, inSample),
  };
}
