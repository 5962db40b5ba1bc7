/**
 * A small seeded pseudo-random generator (mulberry32: 32-bit state, fast, good enough for synthetic
 * data; not for anything secret). The same seed always yields the same sequence on every platform,
 * which is what makes a simulation byte-identical between runs.
 */
export interface Prng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  /** One element; throws on an empty list (a generator bug, never data). */
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to `weights[i]` (non-negative, not all zero). */
  weightedIndex(weights: readonly number[]): number;
  /** `k` distinct elements in random order (all of them when k ≥ length). */
  sample<T>(items: readonly T[], k: number): T[];
  /** A shuffled copy. */
  shuffled<T>(items: readonly T[]): T[];
  /** Exponentially distributed value with the given mean. */
  exponential(mean: number): number;
  /** 32 random bits as an unsigned integer. */
  uint32(): number;
}

/** Mixes integers into one 32-bit seed (murmur3 finaliser), so sub-streams never share a sequence. */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0;

  function uint32(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  function next(): number {
    return uint32() / 4294967296;
  }

  function int(min: number, max: number): number {
    return min + Math.floor(next() * (max - min + 1));
  }

  function pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  }

  function shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  return {
    next,
    int,
    uint32,
    pick,
    shuffled,
    chance: (p) => next() < p,
    weightedIndex(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i] as number;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    sample(items, k) {
      if (k >= items.length) return shuffled(items);
      // Partial Fisher–Yates on a copy: O(n) but rosters are small.
      const pool = items.slice();
      const out = [];
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(next() * (pool.length - i));
        const chosen = pool[j] as (typeof pool)[number];
        pool[j] = pool[i] as (typeof pool)[number];
        pool[i] = chosen;
        out.push(chosen);
      }
      return out;
    },
    exponential: (mean) => -Math.log(1 - next()) * mean,
  };
}
