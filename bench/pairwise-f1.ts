import { clusterPairs, metrics, scoreSets } from '../scripts/eval/score.js';

/**
 * Pairwise F1 of predicted clusters against reference clusters, counting only messages `keep`
 * accepts (as `npm run eval` scores duplicates): a pair is right when both clusterings join it.
 */
export function pairwiseF1(
  predicted: readonly (readonly string[])[],
  reference: readonly (readonly string[])[],
  keep: (id: string) => boolean,
): number {
  return metrics(scoreSets(clusterPairs(predicted, keep), clusterPairs(reference, keep))).f1;
}
