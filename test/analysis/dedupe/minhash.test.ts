import { describe, expect, it } from 'vitest';
import {
  estimatedJaccard,
  MINHASH_PERMUTATIONS,
  minhashSignature,
} from '../../../src/analysis/dedupe/candidates.js';

/** Two random sets of 32-bit values with a chosen overlap (deterministic generator). */
function pair(shared: number, onlyA: number, onlyB: number, seed: number): [Uint32Array, Uint32Array] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  const common = Array.from({ length: shared }, next);
  const a = Uint32Array.from([...common, ...Array.from({ length: onlyA }, next)]);
  const b = Uint32Array.from([...common, ...Array.from({ length: onlyB }, next)]);
  return [a, b];
}

function signature(values: Uint32Array): Uint32Array {
  const out = new Uint32Array(MINHASH_PERMUTATIONS);
  minhashSignature(values, out);
  return out;
}

describe('minhashSignature', () => {
  it('gives equal sets equal signatures, whatever the order and repetitions', () => {
    const [a] = pair(50, 0, 0, 1);
    const shuffled = Uint32Array.from([...a].reverse().concat([...a].slice(0, 10)));
    expect(signature(shuffled)).toEqual(signature(a));
  });

  it('takes the minimum as unsigned (values above 2³¹ included)', () => {
    const sig = signature(Uint32Array.from([0xffffffff, 0x80000000, 1, 0x7fffffff]));
    expect(sig.every((v) => v >= 0 && v <= 0xffffffff)).toBe(true);
    // Adding a value can only lower or keep every position.
    const more = signature(Uint32Array.from([0xffffffff, 0x80000000, 1, 0x7fffffff, 12345]));
    expect(more.every((v, p) => v <= (sig[p] as number))).toBe(true);
  });

  it.each([0.2, 0.4, 0.6, 0.8, 0.95])('estimates Jaccard %f without bias (mean over 40 pairs)', (jaccard) => {
    const size = 120;
    const shared = Math.round((2 * jaccard * size) / (1 + jaccard));
    let sum = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const [a, b] = pair(shared, size - shared, size - shared, seed * 7919);
      sum += estimatedJaccard(signature(a), signature(b));
    }
    const trueJaccard = shared / (2 * size - shared);
    expect(Math.abs(sum / 40 - trueJaccard)).toBeLessThan(0.03);
  });
});
