/**
 * The structural section of `npm run eval`: merge and archive advice over each simulated seed's
 * weeks (each week judged with its evidence window), scored against the planted twins, zombies and
 * relays. Targets (issue 14): merge F1 ≥ 0.95 on average over the seeds and ≥ 0.85 on each, no
 * zombie missed. Relays are reported, not gated.
 */

import type { Config } from '../../src/config/schema.js';
import type { GroundTruth } from '../../src/model/ground-truth.js';
import { summariseWeekEvidence } from '../../src/recommend/week-evidence.js';
import type { Store } from '../../src/store/store.js';
import type { StoredWeekAnalysis } from '../../src/weeks/stored-week.js';
import { analyseStoredWeek, recommendStoredWeek } from '../../src/weeks/stored-week.js';
import { addScore, emptyScore, metrics, type Score } from './score.js';
import { STRUCTURES, type Structure, scoreStructures } from './structures.js';

const MERGE_MEAN = 0.95;
const MERGE_EACH = 0.85;

export interface StructureReport {
  scoreSeed(label: string, store: Store, truth: GroundTruth, weeks: readonly string[]): void;
  /** Prints the section; false when a target is missed. */
  print(): boolean;
}

export function structureSection(config: Config): StructureReport {
  const seeds: { label: string; scores: Record<Structure, Score> }[] = [];
  return {
    scoreSeed(label, store, truth, weeks) {
      const cache = new Map<string, StoredWeekAnalysis>();
      const analyse = (week: string) => {
        let a = cache.get(week);
        if (!a) {
          a = analyseStoredWeek(store, config, week);
          cache.set(week, a);
        }
        return a;
      };
      const scores = Object.fromEntries(STRUCTURES.map((s) => [s, emptyScore()])) as Record<Structure, Score>;
      for (const week of weeks) {
        const { recommendations } = recommendStoredWeek(store, config, week, analyse(week), (w) => {
          const { data, findings } = analyse(w);
          return summariseWeekEvidence(data, findings, config.recommend);
        });
        const s = scoreStructures(recommendations, truth);
        for (const k of STRUCTURES) addScore(scores[k], s[k]);
      }
      seeds.push({ label, scores });
    },
    print() {
      console.log(`\nStructural advice per seed (evidence window ${config.recommend.windowWeeks} weeks)`);
      console.log('seed             merge F1  (tp/fp/fn)   zombie recall   relay F1');
      let ok = true;
      let sum = 0;
      for (const { label, scores } of seeds) {
        const merge = metrics(scores.merge).f1;
        const zombie = metrics(scores.zombieArchive).recall;
        sum += merge;
        if (merge < MERGE_EACH || scores.zombieArchive.fn > 0) ok = false;
        const m = scores.merge;
        console.log(
          `${label.padEnd(16)} ${merge.toFixed(3).padStart(8)}  (${m.tp}/${m.fp}/${m.fn})`.padEnd(40) +
            `${zombie.toFixed(3).padStart(8)}   ${metrics(scores.relayArchive).f1.toFixed(3).padStart(8)}`,
        );
      }
      const mean = seeds.length === 0 ? 1 : sum / seeds.length;
      if (mean < MERGE_MEAN) ok = false;
      console.log(
        `merge F1 mean ${mean.toFixed(3)}: ${ok ? 'targets met' : `below target (mean ≥ ${MERGE_MEAN}, each ≥ ${MERGE_EACH}, no zombie missed)`}`,
      );
      return ok;
    },
  };
}
