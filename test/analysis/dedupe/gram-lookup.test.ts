import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GramLookup } from '../../../src/analysis/dedupe/verify.js';

describe('GramLookup', () => {
  it('answers membership for the set loaded last, across loads of any size', () => {
    const lookup = new GramLookup();
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 3000 }),
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 50 }),
        (values, probes) => {
          lookup.load(Uint32Array.from(values));
          const set = new Set(values);
          for (const v of [...values, ...probes]) expect(lookup.has(v)).toBe(set.has(v));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('handles values that collide in their low bits', () => {
    const lookup = new GramLookup();
    const values = Uint32Array.from({ length: 40 }, (_, i) => (i << 20) >>> 0);
    lookup.load(values);
    for (const v of values) expect(lookup.has(v)).toBe(true);
    expect(lookup.has(41 << 20)).toBe(false);
    lookup.load(new Uint32Array(0));
    expect(lookup.has(0)).toBe(false);
  });
});
