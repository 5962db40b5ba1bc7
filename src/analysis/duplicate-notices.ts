/**
 * Duplicate notices: the same notice posted two or more times in the week — forwarded into several
 * groups or re-posted in one — as one cluster with its first poster, the groups it reached, every copy
 * and the redundant deliveries it caused.
 *
 * Pipeline (src/analysis/dedupe/): candidate messages → items (one per distinct normalised text, file
 * key or link key; notices.ts) → candidate pairs from MinHash/LSH and winnowing anchors (candidates.ts,
 * anchors.ts), verified by Jaccard / containment with a guard on dates, times and numbers (verify.ts)
 * → union-find → clusters (cluster.ts), driven by find-duplicates.ts. Near-linear in the number of
 * messages; never all pairs.
 *
 * redundantDeliveries (dedupe/deliveries.ts): each member of the groups the notice reached receives
 * d copies — the sum, over those groups the member is in, of the group's deliveries, where every copy
 * is a delivery except the second part of a split notice (deliveriesPerGroup); the member's
 * redundant copies are d − 1, summed over members. A member in k groups that each received it once
 * counts k − 1; each re-post in a group counts once more for each of its members. Groups without a
 * membership snapshot count no members.
 */
import { createHash } from 'node:crypto';
import type { StoredMessage } from '../model/message.js';
import { duplicateSets } from './dedupe/cluster.js';
import { deliveriesPerGroup, noticeExcerpt, RedundantDeliveries } from './dedupe/deliveries.js';
import { linkByFingerprints } from './dedupe/find-duplicates.js';
import type { NoticeKind } from './dedupe/notices.js';
import { buildNoticeTable } from './dedupe/notices.js';
import type { Detector } from './detector.js';

export type { DuplicateSet } from './dedupe/cluster.js';
export { findDuplicates, findDuplicatesAllPairs } from './dedupe/find-duplicates.js';

export interface DuplicateCluster {
  /** Stable: a hash of the first copy's source and id. */
  id: string;
  kind: NoticeKind;
  /** Every copy, in time order. */
  messageIds: string[];
  /** Distinct groups, in the order the notice reached them. */
  groupIds: string[];
  firstMessageId: string;
  firstSenderId: string | null;
  firstGroupId: string;
  /** UTC epoch ms. */
  firstTime: number;
  copies: number;
  redundantDeliveries: number;
  /** ≤ 60 characters: the notice's text, or the file name, or the link's title. */
  excerpt: string;
}

function clusterId(message: StoredMessage): string {
  return createHash('sha256').update(`${message.source}\u0000${message.id}`).digest('hex').slice(0, 16);
}

export const duplicateNoticesDetector: Detector<'duplicates', DuplicateCluster[]> = {
  name: 'duplicates',
  run({ data, config }) {
    const rules = config.analysis.duplicates;
    const table = buildNoticeTable(data.messages, rules);
    const redundant = new RedundantDeliveries(data.members);
    return duplicateSets(table, linkByFingerprints(table, rules)).map((set) => {
      const copies = set.indexes.map((m) => data.messages[m] as StoredMessage);
      const first = copies[0] as StoredMessage;
      const deliveries = deliveriesPerGroup(table, set, rules);
      return {
        id: clusterId(first),
        kind: set.kind,
        messageIds: set.messageIds,
        groupIds: [...deliveries.keys()],
        firstMessageId: first.id,
        firstSenderId: first.senderId,
        firstGroupId: first.groupId,
        firstTime: first.time,
        copies: copies.length,
        redundantDeliveries: redundant.count(deliveries),
        excerpt: noticeExcerpt(table, set),
      };
    });
  },
};
