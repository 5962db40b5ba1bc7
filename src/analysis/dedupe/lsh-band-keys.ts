/**
 * LSH banding: the 128-value MinHash signature is cut into 32 bands of 4 rows, each band hashed to one
 * 32-bit key that also encodes the band's number, so all bands can share one index. Two texts become
 * candidates when any band key is equal: probability 1 − (1 − J⁴)³² for Jaccard J (J = 0.6 → 0.988,
 * 0.7 → 0.9995, 0.4 → 0.56, 0.2 → 0.05).
 */
import { mix32 } from './char-ngrams.js';
import { MINHASH_PERMUTATIONS } from './minhash.js';

export const LSH_BANDS = 32;
export const LSH_ROWS = MINHASH_PERMUTATIONS / LSH_BANDS;

/** Writes the 32 band keys of `signature` into `out` from `offset`. */
export function lshBandKeys(signature: Uint32Array, out: Uint32Array, offset = 0): void {
  for (let band = 0; band < LSH_BANDS; band++) {
    let h = Math.imul(band + 1, 0x9e3779b1);
    const base = band * LSH_ROWS;
    for (let row = 0; row < LSH_ROWS; row++) {
      h = mix32(h ^ (signature[base + row] as number));
    }
    out[offset + band] = h;
  }
}
