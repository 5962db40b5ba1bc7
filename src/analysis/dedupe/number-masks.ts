/**
 * A prefilter for numbersContradict: each text's number tokens (signatureKeys hashes) as two 32-bit
 * Bloom words, one bit per token in each. A token whose bit is missing from the other text's word is
 * surely missing from the other text, so when each text has such a token the two contradict — proven
 * without reading the signatures. When the words do not prove it (equal or nested bit sets, or bits
 * shared by chance), the exact numbersContradict must decide; the filter never changes an answer.
 * Template siblings in one LSH bucket differ in their dates, which the words almost always show.
 */
import type { NoticeText } from './notice-text.js';

/** Word 0 of text t at 2t, word 1 at 2t + 1. */
export function numberMasks(texts: readonly NoticeText[]): Int32Array {
  const masks = new Int32Array(texts.length * 2);
  texts.forEach((text, t) => {
    let low = 0;
    let high = 0;
    for (const key of text.numbers) {
      low |= 1 << (key & 31);
      high |= 1 << ((key >>> 11) & 31);
    }
    masks[2 * t] = low;
    masks[2 * t + 1] = high;
  });
  return masks;
}

/** True when the words of texts i and j prove that their numbers contradict. */
export function masksContradict(masks: Int32Array, i: number, j: number): boolean {
  const iLow = masks[2 * i] as number;
  const iHigh = masks[2 * i + 1] as number;
  const jLow = masks[2 * j] as number;
  const jHigh = masks[2 * j + 1] as number;
  return ((iLow & ~jLow) | (iHigh & ~jHigh)) !== 0 && ((jLow & ~iLow) | (jHigh & ~iHigh)) !== 0;
}
