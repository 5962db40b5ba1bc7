import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, normaliseNotice } from '../../src/text/notice-form.js';
import { anyText } from '../analysis/dedupe/arbitrary-text.js';

const CANONICAL = '关于开展2026年冬季安全检查的通知请于11月25日1600前报送abc';

describe('normaliseNotice', () => {
  it.each([
    ['the plain text', '关于开展2026年冬季安全检查的通知，请于11月25日16:00前报送abc。'],
    [
      'forwarding tags',
      '【转发】【重要通知】@所有人 关于开展2026年冬季安全检查的通知，请于11月25日16:00前报送abc。',
    ],
    ['line breaks and blanks', '关于开展 2026 年冬季安全检查的通知\n\n请于 11 月 25 日 16:00 前报送 abc'],
    ['emoji and emoticons', '🔥关于开展2026年冬季安全检查的通知👍🏻[强]，请于11月25日16:00前报送abc[玫瑰]'],
    [
      'full-width digits and letters',
      '关于开展２０２６年冬季安全检查的通知，请于１１月２５日１６：００前报送ＡＢＣ',
    ],
    ['traditional characters', '關於開展2026年冬季安全檢查的通知，請於11月25日16:00前報送abc。'],
    ['zero-width characters', '关于开展2026年冬季\u200b安全检查的通知\u200d请于11月25日16:00前报送abc'],
  ])('maps %s to the canonical form', (_name, text) => {
    expect(normaliseNotice(text)).toBe(CANONICAL);
  });

  it('keeps supplementary-plane ideographs as one character each', () => {
    const normalised = normaliseNotice('𠀀𪚥，好');
    expect(normalised).toBe('𠀀𪚥好');
    expect(codePointLength(normalised)).toBe(3);
  });

  it('returns only ideograph blocks, lower-case ASCII letters and digits, for any input', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        const normalised = normaliseNotice(text);
        expect(normalised).toMatch(
          /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}a-z0-9〇]*$/u,
        );
        expect(codePointLength(normalised)).toBeLessThanOrEqual(text.length);
      }),
    );
  });

  it('handles a 50k-character text', () => {
    const long = '关于开展检查的通知。'.repeat(5000);
    expect(codePointLength(normaliseNotice(long))).toBe(45_000);
  });
});
