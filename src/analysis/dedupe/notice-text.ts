/**
 * What the verification of a candidate pair reads about one distinct normalised text: its length in
 * code points, its set of 3-gram hashes, and its number signature.
 */
import { distinctSorted, trigramHashes } from './char-ngrams.js';
import { codePointLength } from './normalise-notice.js';
import { numberSignature, signatureKeys } from './number-signature.js';

export interface NoticeText {
  normalised: string;
  /** Code points of `normalised`. */
  length: number;
  /** Distinct 3-gram hashes, ascending. */
  grams: Uint32Array;
  /** Date/time/number tokens as sorted hashes (numberSignature, signatureKeys). */
  numbers: Int32Array;
}

export function noticeText(normalised: string): NoticeText {
  return {
    normalised,
    length: codePointLength(normalised),
    grams: distinctSorted(trigramHashes(normalised)),
    numbers: signatureKeys(numberSignature(normalised)),
  };
}
