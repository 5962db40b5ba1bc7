import { createHash } from 'node:crypto';
import { normaliseNotice } from '../analysis/dedupe/normalise-notice.js';

/**
 * A 64-bit fingerprint (16 lower-case hex digits: the first 8 bytes of SHA-256) of a text in the
 * canonical form copies of one notice share (normaliseNotice: punctuation, emoji, spacing and
 * traditional characters folded away). Texts that normalise to nothing (only emoji or punctuation:
 * "👍👍", "！！") are fingerprinted as written, trimmed. Null for an empty or blank text. Pass
 * `normalised` when it is already at hand.
 *
 * Lets the same text be counted across messages and groups after the text itself was dropped. It is
 * not a secret: a common short text ("收到") can be recovered by hashing guesses (docs/PRIVACY.md).
 */
export function textFingerprint(text: string | null, normalised?: string): string | null {
  if (text === null) return null;
  const n = normalised ?? normaliseNotice(text);
  const basis = n !== '' ? n : text.trim();
  return basis === '' ? null : normalisedFingerprint(basis);
}

/**
 * The fingerprint of a text already normalised (non-empty): what the store keeps for a text whose
 * normalised form is `normalised`. The duplicate detector joins dropped texts to kept copies with it.
 */
export function normalisedFingerprint(normalised: string): string {
  return createHash('sha256').update(normalised, 'utf8').digest('hex').slice(0, 16);
}
