import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANCHOR_WINDOW, winnowAnchors } from '../../../src/analysis/dedupe/anchors.js';
import { trigramHashes } from '../../../src/analysis/dedupe/grams.js';

const cjk = (min: number, max: number) =>
  fc
    .array(fc.integer({ min: 0x4e00, max: 0x4fff }), { minLength: min, maxLength: max })
    .map((cps) => String.fromCodePoint(...cps));

function shares(a: Uint32Array, b: Uint32Array): boolean {
  const set = new Set(a);
  return [...b].some((x) => set.has(x));
}

describe('winnowAnchors', () => {
  it('returns distinct anchors in ascending order, all taken from the grams', () => {
    fc.assert(
      fc.property(cjk(0, 200), (text) => {
        const grams = trigramHashes(text);
        const anchors = winnowAnchors(grams);
        const all = new Set(grams);
        for (let i = 0; i < anchors.length; i++) {
          expect(all.has(anchors[i] as number)).toBe(true);
          if (i > 0) expect(anchors[i]).toBeGreaterThan(anchors[i - 1] as number);
        }
        expect(anchors.length > 0).toBe(grams.length > 0);
      }),
    );
  });

  it(`finds a shared anchor for any common substring of ${ANCHOR_WINDOW + 2} characters`, () => {
    fc.assert(
      fc.property(
        cjk(0, 80),
        cjk(ANCHOR_WINDOW + 2, 60),
        cjk(0, 80),
        cjk(0, 80),
        (before, common, after, other) => {
          const a = winnowAnchors(trigramHashes(before + common + after));
          const b = winnowAnchors(trigramHashes(other + common));
          expect(shares(a, b)).toBe(true);
        },
      ),
    );
  });

  it('gives an exact part of a text only anchors of the whole when the part spans whole windows', () => {
    const whole =
      '根据县安委会统一部署定于十一月二十日至二十五日开展冬季安全生产大检查请各单位于十九日前报送自查情况表联系人王伟';
    const part = whole.slice(10, 50);
    const anchorsOfWhole = new Set(winnowAnchors(trigramHashes(whole)));
    const inner = [...winnowAnchors(trigramHashes(part))].filter((x) => anchorsOfWhole.has(x));
    expect(inner.length).toBeGreaterThanOrEqual(2);
  });
});
