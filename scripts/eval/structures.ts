/**
 * Scores the structural advice (merge, archive of zombies and relays) against the simulator's ground
 * truth, week by week: a merge recommendation counts every pair of groups inside its set, an archive
 * its group. Kept apart from the per-message detector scores (score-week.ts) so both grow separately.
 */

import type { GroundTruth } from '../../src/model/ground-truth.js';
import type { Recommendation } from '../../src/recommend/recommendation.js';
import { type Score, scoreSets } from './score.js';

export const STRUCTURES = ['merge', 'zombieArchive', 'relayArchive'] as const;
export type Structure = (typeof STRUCTURES)[number];

function pairsOf(sets: readonly (readonly string[])[]): Set<string> {
  const out = new Set<string>();
  for (const set of sets) {
    const ids = [...new Set(set)].sort();
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) out.add(`${ids[i]}|${ids[j]}`);
  }
  return out;
}

/** One week's structural advice against the truth (the truth's structures hold every week). */
export function scoreStructures(
  recs: readonly Recommendation[],
  truth: GroundTruth,
): Record<Structure, Score> {
  const merges = recs.filter((r) => r.kind === 'merge').map((r) => r.groupIds);
  const archives = recs.filter((r) => r.kind === 'archive');
  return {
    merge: scoreSets(pairsOf(merges), pairsOf(truth.mergeCandidates.map((m) => m.groupIds))),
    zombieArchive: scoreSets(
      archives.filter((r) => r.evidence.basis === 'zombie').map((r) => r.groupIds[0] as string),
      truth.zombieGroups,
    ),
    relayArchive: scoreSets(
      archives.filter((r) => r.evidence.basis === 'relay').map((r) => r.groupIds[0] as string),
      truth.relayGroups,
    ),
  };
}
