/** Precision / recall / F1 from true-positive, false-positive and false-negative counts. */
export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

export const emptyScore = (): Score => ({ tp: 0, fp: 0, fn: 0 });

export function addScore(into: Score, from: Score): void {
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
}

export function metrics(s: Score): { precision: number; recall: number; f1: number } {
  const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  const recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Compares two sets of items (message ids, group ids). */
export function scoreSets(predicted: Iterable<string>, truth: Iterable<string>): Score {
  const p = new Set(predicted);
  const t = new Set(truth);
  let tp = 0;
  for (const x of p) if (t.has(x)) tp++;
  return { tp, fp: p.size - tp, fn: t.size - tp };
}

/** All unordered pairs within each cluster, as keys. */
export function clusterPairs(
  clusters: Iterable<readonly string[]>,
  keep: (id: string) => boolean,
): Set<string> {
  const pairs = new Set<string>();
  for (const cluster of clusters) {
    const ids = [...new Set(cluster.filter(keep))].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) pairs.add(`${ids[i]}|${ids[j]}`);
    }
  }
  return pairs;
}
