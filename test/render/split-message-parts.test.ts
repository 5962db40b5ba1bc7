import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitMessageParts } from '../../src/render/split-message-parts.js';

const strip = (part: string) => part.replace(/^\(\d+\/\d+\) /, '');

describe('splitMessageParts', () => {
  it('keeps a short text whole, without a marker', () => {
    expect(splitMessageParts('第一段\n\n第二段', 100)).toEqual(['第一段\n\n第二段']);
    expect(splitMessageParts('\n\n', 100)).toEqual([]);
  });

  it('splits between paragraphs and numbers the parts', () => {
    const a = '甲'.repeat(60);
    const b = '乙'.repeat(60);
    expect(splitMessageParts(`${a}\n\n${b}`, 100)).toEqual([`(1/2) ${a}`, `(2/2) ${b}`]);
  });

  it('splits a long paragraph between lines', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `${i}${'丙'.repeat(20)}`);
    const parts = splitMessageParts(lines.join('\n'), 80);
    expect(parts.map(strip).join('\n')).toBe(lines.join('\n'));
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(80);
  });

  it('cuts a line longer than a part between code points, never inside an emoji', () => {
    const line = '🎉'.repeat(100);
    const parts = splitMessageParts(line, 50);
    expect(parts.map(strip).join('')).toBe(line);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(50);
      expect(p).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  it('never exceeds the limit and loses no non-blank line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 300 }), { maxLength: 40 }),
        fc.integer({ min: 60, max: 400 }),
        (lines, max) => {
          const text = lines.join('\n');
          const parts = splitMessageParts(text, max);
          for (const p of parts) expect(p.length).toBeLessThanOrEqual(max);
          const kept = parts.map(strip).join('\n');
          const squash = (s: string) => s.replace(/\n+/g, '');
          expect(squash(kept)).toBe(squash(text.replace(/^\n+|\n+$/g, '')));
        },
      ),
      { numRuns: 200 },
    );
  });
});
