/**
 * NFKC normalisation where it matters to the reply and deadline readers — full-width letters and
 * digits (ＯＫ, １６), full-width ＃ ［ ］ ～, the ideographic space, circled and parenthesised
 * numbers, compatibility ideographs — with a fast path: without such characters the text is returned
 * as is. Full-width ，：！？（） are deliberately left: every pattern here accepts both widths, and
 * they occur in nearly every Chinese sentence, which would otherwise all pay for normalisation.
 */
const NEEDS_NFKC =
  /[\u2460-\u24ff\u3000\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe6f\uff03\uff10-\uff19\uff21-\uff3b\uff3d\uff41-\uff5a\uff5e-\uffef]/;

export function toNfkc(text: string): string {
  return NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text;
}
