import type { Detector } from './detector.js';

export interface GroupOverlap {
  /** The pair, smaller group first (by members, then id). */
  groupIds: [string, string];
  members: [number, number];
  sharedMembers: number;
  /** |A ∩ B| / |A ∪ B| over member sets. */
  jaccard: number;
  /** |A ∩ B| / min(|A|, |B|): 1 when the smaller group is contained in the larger. */
  containment: number;
  /** Distinct duplicate notices (clusters) that reached both groups this week. */
  sharedNotices: number;
  /** Distinct notices (clusters) that reached each group this week. */
  notices: [number, number];
}

const byNumber = (x: number, y: number) => x - y;

/** The part of the duplicates finding this detector reads. */
interface NoticeCluster {
  groupIds: string[];
}

/**
 * Member overlap between groups, without comparing all pairs: an inverted index from member to
 * groups yields only the pairs that share someone, so cost grows with Σ (groups per member)², not
 * with groups². Reports pairs at or over either threshold, and how many of the week's duplicate
 * notices reached both.
 */
export const groupOverlapDetector: Detector<'overlaps', GroupOverlap[]> = {
  name: 'overlaps',
  run({ data, config }, earlier) {
    const { minJaccard, minContainment } = config.analysis.overlap;
    const clusters = (earlier.duplicates as NoticeCluster[] | undefined) ?? [];
    // Pairs are keyed by number, not by joined ids: every group gets its rank in the ids' default
    // sort order, so sorting ranks sorts ids, and pair (i < j) is i × n + j.
    const ids = new Set<string>(data.members.keys());
    for (const cluster of clusters) for (const g of cluster.groupIds) ids.add(g);
    const sorted = [...ids].sort();
    const rank = new Map(sorted.map((id, i) => [id, i]));
    const n = sorted.length;
    const rankOf = (id: string) => rank.get(id) as number;

    const groupsOf = new Map<string, number[]>();
    for (const [groupId, members] of data.members) {
      const g = rankOf(groupId);
      for (const member of members) {
        const list = groupsOf.get(member);
        if (list) list.push(g);
        else groupsOf.set(member, [g]);
      }
    }
    const shared = new Map<number, number>();
    for (const groups of groupsOf.values()) {
      if (groups.length < 2) continue;
      groups.sort(byNumber);
      for (let i = 0; i < groups.length; i++) {
        for (let j = i + 1; j < groups.length; j++) {
          const key = (groups[i] as number) * n + (groups[j] as number);
          shared.set(key, (shared.get(key) ?? 0) + 1);
        }
      }
    }

    const noticesPerGroup = new Map<string, number>();
    const noticePairs = new Map<number, number>();
    for (const cluster of clusters) {
      const groups = [...new Set(cluster.groupIds)].sort();
      for (const g of groups) noticesPerGroup.set(g, (noticesPerGroup.get(g) ?? 0) + 1);
      for (let i = 0; i < groups.length; i++) {
        for (let j = i + 1; j < groups.length; j++) {
          const key = rankOf(groups[i] as string) * n + rankOf(groups[j] as string);
          noticePairs.set(key, (noticePairs.get(key) ?? 0) + 1);
        }
      }
    }

    const out: GroupOverlap[] = [];
    for (const [key, inter] of shared) {
      const a = sorted[Math.floor(key / n)] as string;
      const b = sorted[key % n] as string;
      const sizeA = data.members.get(a)?.length ?? 0;
      const sizeB = data.members.get(b)?.length ?? 0;
      const jaccard = inter / (sizeA + sizeB - inter);
      const containment = inter / Math.min(sizeA, sizeB);
      if (jaccard < minJaccard && containment < minContainment) continue;
      const [small, large] = sizeA < sizeB || (sizeA === sizeB && a < b) ? [a, b] : [b, a];
      out.push({
        groupIds: [small, large],
        members: [data.members.get(small)?.length ?? 0, data.members.get(large)?.length ?? 0],
        sharedMembers: inter,
        jaccard: Math.round(jaccard * 1000) / 1000,
        containment: Math.round(containment * 1000) / 1000,
        sharedNotices: noticePairs.get(key) ?? 0,
        notices: [noticesPerGroup.get(small) ?? 0, noticesPerGroup.get(large) ?? 0],
      });
    }
    return out.sort((x, y) => y.jaccard - x.jaccard || x.groupIds[0].localeCompare(y.groupIds[0]));
  },
};
