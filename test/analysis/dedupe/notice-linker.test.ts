import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoticeLinker } from '../../../src/analysis/dedupe/cluster.js';

type Link = { kind: 'similar'; a: number; b: number } | { kind: 'part'; a: number; b: number; score: number };

function partition(items: number, links: Link[]): number[][] {
  const linker = new NoticeLinker(items);
  for (const link of links) {
    if (link.kind === 'similar') linker.similar(link.a, link.b);
    else linker.part(link.a, link.b, link.score);
  }
  const sets = linker.finish();
  const groups = new Map<number, number[]>();
  for (let i = 0; i < items; i++) groups.set(sets.find(i), [...(groups.get(sets.find(i)) ?? []), i]);
  return [...groups.values()].sort((x, y) => (x[0] as number) - (y[0] as number));
}

describe('NoticeLinker', () => {
  it('joins similar items transitively', () => {
    expect(
      partition(4, [
        { kind: 'similar', a: 0, b: 1 },
        { kind: 'similar', a: 1, b: 2 },
      ]),
    ).toEqual([[0, 1, 2], [3]]);
  });

  it('lets a part join one whole only: the best contained, ties to the earliest', () => {
    // Item 2 is a heading inside both notices 0 and 1 (and 0 is similar to 3).
    const links: Link[] = [
      { kind: 'similar', a: 0, b: 3 },
      { kind: 'part', a: 2, b: 1, score: 0.9 },
      { kind: 'part', a: 2, b: 0, score: 0.9 },
    ];
    expect(partition(4, links)).toEqual([[0, 2, 3], [1]]);
    links.push({ kind: 'part', a: 2, b: 1, score: 0.95 });
    expect(partition(4, links)).toEqual([
      [0, 3],
      [1, 2],
    ]);
  });

  it('takes a part with everything similar to it', () => {
    expect(
      partition(5, [
        { kind: 'similar', a: 3, b: 4 },
        { kind: 'part', a: 4, b: 0, score: 1 },
        { kind: 'part', a: 3, b: 1, score: 0.9 },
      ]),
    ).toEqual([[0, 3, 4], [1], [2]]);
  });

  it('gives the same sets whatever the order of the links', () => {
    const link = fc.oneof(
      fc.record({ kind: fc.constant('similar' as const), a: fc.nat(7), b: fc.nat(7) }),
      fc.record({
        kind: fc.constant('part' as const),
        a: fc.nat(7),
        b: fc.nat(7),
        score: fc.constantFrom(0.85, 0.9, 1),
      }),
    );
    fc.assert(
      fc.property(fc.array(link, { maxLength: 12 }), fc.func(fc.integer()), (links, key) => {
        const shuffled = [...links].sort((x, y) => key(x) - key(y));
        expect(partition(8, shuffled)).toEqual(partition(8, links));
      }),
    );
  });
});
