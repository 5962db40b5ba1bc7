/**
 * Step 4 of duplicate detection: verified links into clusters (NoticeLinker over a union-find) and
 * clusters into duplicate sets of messages.
 */

import type { StoredMessage } from '../../model/message.js';
import type { DuplicateRules, NoticeKind, NoticeTable, NoticeText } from './notices.js';
import { noticeLink } from './verify.js';

/** Disjoint sets over 0…n−1 (union by size, path halving): near-constant time per operation. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(x: number): number {
    let node = x;
    while (this.parent[node] !== node) {
      const grand = this.parent[this.parent[node] as number] as number;
      this.parent[node] = grand;
      node = grand;
    }
    return node;
  }

  /** Joins the sets of a and b; returns false when they were already one. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if ((this.size[ra] as number) < (this.size[rb] as number)) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] = (this.size[ra] as number) + (this.size[rb] as number);
    return true;
  }
}

/**
 * Turns verified links between items into clusters without letting a part glue notices together.
 * 'similar' links are joined at once (union-find). 'part' links are only recorded; when all links are
 * in, every set of similar items that is the part of some link picks the one set it belongs to — the
 * link with the highest containment, ties going to the set whose first item comes first — and joins
 * it. A heading shared by two different notices thus joins one of them, never both.
 *
 * The outcome depends only on the set of links, not on the order they were found in, so the
 * fingerprint path and the all-pairs reference agree whenever they find the same links.
 */

export class NoticeLinker {
  private readonly sets: UnionFind;
  private readonly parts: number[] = [];
  private readonly wholes: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly items: number) {
    this.sets = new UnionFind(items);
  }

  /** Whether a and b are already in one set (a pair worth no further verification). */
  joined(a: number, b: number): boolean {
    return this.sets.find(a) === this.sets.find(b);
  }

  similar(a: number, b: number): void {
    this.sets.union(a, b);
  }

  part(part: number, whole: number, containment: number): void {
    this.parts.push(part);
    this.wholes.push(whole);
    this.scores.push(containment);
  }

  /**
   * Verifies items `earlier` and `later` (texts x and y) with noticeLink and records what it finds:
   * the smaller text of a 'part' link is the part. Every linking strategy goes through here.
   */
  verify(earlier: number, x: NoticeText, later: number, y: NoticeText, rules: DuplicateRules): void {
    const link = noticeLink(x, y, rules);
    if (link.kind === 'similar') this.similar(earlier, later);
    else if (link.kind === 'part') {
      if (y.grams.length < x.grams.length) this.part(later, earlier, link.containment);
      else this.part(earlier, later, link.containment);
    }
  }

  /** Applies the recorded part links and returns the final sets. */
  finish(): UnionFind {
    // The first item of each similar-set: a name for the set that does not depend on union order.
    const first = new Int32Array(this.items).fill(-1);
    for (let item = 0; item < this.items; item++) {
      const root = this.sets.find(item);
      if (first[root] === -1) first[root] = item;
    }
    const bestWhole = new Map<number, { first: number; score: number }>();
    for (let k = 0; k < this.parts.length; k++) {
      const from = this.sets.find(this.parts[k] as number);
      const to = this.sets.find(this.wholes[k] as number);
      if (from === to) continue;
      const score = this.scores[k] as number;
      const target = first[to] as number;
      const best = bestWhole.get(from);
      if (!best || score > best.score || (score === best.score && target < best.first)) {
        bestWhole.set(from, { first: target, score });
      }
    }
    const roots = [...bestWhole.entries()];
    for (const [from, { first: target }] of roots) this.sets.union(from, target);
    return this.sets;
  }
}

/**
 * Turns linked items back into sets of messages: every set of ≥ 2 candidate messages whose items are
 * linked, messages in the order of the input (time order for a week), sets ordered by their first
 * message.
 */

export interface DuplicateSet {
  kind: NoticeKind;
  /** Positions in the input message array, ascending. */
  indexes: number[];
  /** The same messages' ids. */
  messageIds: string[];
}

export function duplicateSets(table: NoticeTable, sets: UnionFind): DuplicateSet[] {
  const setOfRoot = new Int32Array(table.kinds.length).fill(-1);
  const all: number[][] = [];
  for (let m = 0; m < table.itemOf.length; m++) {
    const item = table.itemOf[m] as number;
    if (item < 0) continue;
    const root = sets.find(item);
    let index = setOfRoot[root] as number;
    if (index < 0) {
      index = all.length;
      setOfRoot[root] = index;
      all.push([]);
    }
    (all[index] as number[]).push(m);
  }
  const out: DuplicateSet[] = [];
  for (const indexes of all) {
    if (indexes.length < 2) continue;
    out.push({
      kind: table.kinds[table.itemOf[indexes[0] as number] as number] as NoticeKind,
      indexes,
      messageIds: indexes.map((m) => (table.messages[m] as StoredMessage).id),
    });
  }
  return out;
}
