import { normaliseNotice } from '../analysis/dedupe/normalise-notice.js';

/**
 * A 64-bit fingerprint (16 lower-case hex digits) of a text in the canonical form copies of one
 * notice share (normaliseNotice: punctuation, emoji, spacing and traditional characters folded away).
 * Texts that normalise to nothing (only emoji or punctuation: "👍👍", "！！") are fingerprinted as
 * written, trimmed. Null for an empty or blank text. Pass `normalised` when it is already at hand.
 *
 * Lets the same text be counted across messages and groups after the text itself was dropped. It is
 * not a secret and not cryptographic (two 32-bit multiplicative hashes of the UTF-16 code units, fast
 * enough for every stored message): a common short text ("收到") can be recovered by hashing guesses
 * (docs/PRIVACY.md).
 */
export function textFingerprint(text: string | null, normalised?: string): string | null {
  if (text === null) return null;
  const n = normalised ?? normaliseNotice(text);
  const basis = n !== '' ? n : text.trim();
  if (basis === '') return null;
  return hash64(basis);
}

/** Two independently seeded 32-bit lanes (cyrb53's mixing), as 16 hex digits. */
function hash64(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
