import type { WeekFindings } from '../../src/analysis/registry.js';
import type { GroundTruth } from '../../src/model/ground-truth.js';
import { clusterPairs, type Score, scoreSets } from './score.js';

export const EVALUATED = [
  'duplicates',
  'rollCalls',
  'ackFloods',
  'likeSpam',
  'photoProof',
  'rushedRequests',
  'zombies',
] as const;
export type Evaluated = (typeof EVALUATED)[number];

/**
 * Scores one week's findings against the ground truth, restricted to that week's messages:
 * duplicates as pairwise P/R over message pairs; roll-calls, floods, photo proof and rushed demands
 * per message; zombies per group (docs/ground-truth.md states the labelling conventions).
 */
export function scoreWeek(
  findings: WeekFindings,
  truth: GroundTruth,
  inWeek: (id: string) => boolean,
  scoreZombies: boolean,
): Record<Evaluated, Score> {
  const ids = (lists: { messageIds: string[] }[]) => lists.flatMap((l) => l.messageIds).filter(inWeek);
  return {
    duplicates: scoreSets(
      clusterPairs(
        findings.duplicates.map((d) => d.messageIds),
        inWeek,
      ),
      clusterPairs(
        truth.duplicates.map((d) => d.messageIds),
        inWeek,
      ),
    ),
    rollCalls: scoreSets(ids(findings.rollCalls), ids(truth.rollCalls)),
    ackFloods: scoreSets(ids(findings.ackFloods), ids(truth.ackFloods)),
    likeSpam: scoreSets(ids(findings.likeSpam), ids(truth.likeSpam)),
    photoProof: scoreSets(
      [...ids(findings.photoProof), ...findings.photoProof.map((p) => p.demandMessageId).filter(inWeek)],
      [...ids(truth.photoProof), ...truth.photoProof.map((p) => p.demandMessageId).filter(inWeek)],
    ),
    rushedRequests: scoreSets(
      findings.rushedRequests.map((r) => r.messageId).filter(inWeek),
      truth.rushedRequests.map((r) => r.messageId).filter(inWeek),
    ),
    zombies: scoreZombies
      ? scoreSets(
          findings.zombies.map((z) => z.groupId),
          truth.zombieGroups,
        )
      : { tp: 0, fp: 0, fn: 0 },
  };
}
