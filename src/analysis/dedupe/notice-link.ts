/**
 * The verification every candidate pair passes through (the LSH path and the all-pairs reference use
 * this one function, so they can only differ in which pairs they look at). Nothing links two texts
 * whose number signatures contradict (numbersContradict), or that differ by a short substitution inside
 * them (hasShortSubstitution: a template filled in with another name or place). Otherwise:
 * - 'similar' — the shorter has fewer than minContainmentLength code points and Jaccard ≥ shortJaccard,
 *   or it is longer and Jaccard ≥ jaccard: copies of one notice, a symmetric relation;
 * - 'part' — the shorter is long enough, and its containment |A ∩ B| / |A| in the larger is ≥
 *   containment: one part of a split notice, or the notice without a long added passage. Directional:
 *   a part belongs to one notice, but a generic part (a heading and a date) may lie inside several
 *   different notices, so it must never join them together (see NoticeLinker).
 */
import { intersectionSize } from './intersection-size.js';
import type { DuplicateRules } from './notice-key.js';
import type { NoticeText } from './notice-text.js';
import { numbersContradict } from './number-signature.js';
import { hasShortSubstitution } from './short-substitution.js';

export type NoticeLink = { kind: 'none' } | { kind: 'similar' } | { kind: 'part'; containment: number };

const NONE: NoticeLink = { kind: 'none' };
const SIMILAR: NoticeLink = { kind: 'similar' };

export function noticeLink(a: NoticeText, b: NoticeText, rules: DuplicateRules): NoticeLink {
  const small = Math.min(a.grams.length, b.grams.length);
  const large = Math.max(a.grams.length, b.grams.length);
  if (small === 0) return NONE;
  const short = Math.min(a.length, b.length) < rules.minContainmentLength;
  // Cheap rejections first: Jaccard can be at most small / large, and most look-alikes that reach
  // verification (templates) differ in their dates and numbers.
  if (short && small < rules.shortJaccard * large) return NONE;
  if (numbersContradict(a.numbers, b.numbers)) return NONE;
  const shared = intersectionSize(a.grams, b.grams);
  const jaccard = shared / (a.grams.length + b.grams.length - shared);
  const containment = shared / small;
  const similar = jaccard >= (short ? rules.shortJaccard : rules.jaccard);
  if (!similar && (short || containment < rules.containment)) return NONE;
  // The last and dearest test, for the few pairs that get this far: a filled-in template. It needs
  // grams of its own on both sides, so a text whose grams all lie in the other's passes at once.
  const substitutable = shared < a.grams.length && shared < b.grams.length;
  if (substitutable && hasShortSubstitution(a.ordered, a.grams, b.ordered, b.grams)) return NONE;
  return similar ? SIMILAR : { kind: 'part', containment };
}
