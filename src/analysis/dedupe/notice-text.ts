/**
 * What the verification of a candidate pair reads about one distinct normalised text: its length in
 * code points, its 3-gram hashes in text order and as a set, and its number signature. The ordered
 * grams are kept (about 4 bytes per character) because winnowing and the short-substitution test read
 * them again and again, for every pair a text is part of.
 */

import { codePointLength } from '../../text/notice-form.js';
import { distinctSorted, trigramHashes } from './char-ngrams.js';
import { numberSignature, signatureKeys } from './number-signature.js';

export interface NoticeText {
  normalised: string;
  /** Code points of `normalised`. */
  length: number;
  /** 3-gram hashes in text order (trigramHashes). */
  ordered: Uint32Array;
  /** Distinct 3-gram hashes, ascending. */
  grams: Uint32Array;
  /** Date/time/number tokens as sorted hashes (numberSignature, signatureKeys). */
  numbers: Int32Array;
}

export function noticeText(normalised: string): NoticeText {
  const ordered = trigramHashes(normalised);
  return {
    normalised,
    length: codePointLength(normalised),
    ordered,
    grams: distinctSorted(ordered.slice()),
    numbers: signatureKeys(numberSignature(normalised)),
  };
}
