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
import { UnionFind } from './cluster-union-find.js';
import type { DuplicateRules } from './notice-key.js';
import { noticeLink } from './notice-link.js';
import type { NoticeText } from './notice-text.js';

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
