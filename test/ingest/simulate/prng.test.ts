import { describe, expect, it } from 'vitest';
import { createPrng, mixSeed } from '../../../src/ingest/simulate/prng.js';

const draws = (seed: number, n = 50) => {
  const rng = createPrng(seed);
  return Array.from({ length: n }, () => rng.uint32());
};

describe('createPrng', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draws(42)).toEqual(draws(42));
  });

  it('gives different sequences for different seeds', () => {
    expect(draws(1)).not.toEqual(draws(2));
  });

  it('keeps next() in [0, 1) and int() within inclusive bounds', () => {
    const rng = createPrng(7);
    const ints = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      ints.add(rng.int(3, 6));
    }
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
  });

  it('samples distinct elements and never more than there are', () => {
    const rng = createPrng(9);
    const items = Array.from({ length: 30 }, (_, i) => i);
    const picked = rng.sample(items, 10);
    expect(new Set(picked).size).toBe(10);
    expect(rng.sample(items, 99).sort((a, b) => a - b)).toEqual(items);
    expect(items).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('draws weighted indexes in proportion and never a zero-weight one', () => {
    const rng = createPrng(11);
    const counts = [0, 0, 0];
    for (let i = 0; i < 9000; i++) {
      const k = rng.weightedIndex([1, 0, 2]);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts[1]).toBe(0);
    expect((counts[2] as number) / (counts[0] as number)).toBeGreaterThan(1.7);
    expect((counts[2] as number) / (counts[0] as number)).toBeLessThan(2.3);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createPrng(1).pick([])).toThrow(RangeError);
  });
});

describe('mixSeed', () => {
  it('separates streams that differ in any part', () => {
    const seeds = new Set([mixSeed(1, 0, 0), mixSeed(1, 0, 1), mixSeed(1, 1, 0), mixSeed(2, 0, 0)]);
    expect(seeds.size).toBe(4);
    expect(mixSeed(1, 2, 3)).toBe(mixSeed(1, 2, 3));
  });
});
