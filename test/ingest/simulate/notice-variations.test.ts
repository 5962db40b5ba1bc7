import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { composeNotice, noticeText } from '../../../src/ingest/simulate/compose-notice.js';
import {
  noticeCopy,
  repostText,
  splitInTwo,
  traditional,
} from '../../../src/ingest/simulate/notice-variations.js';
import { createPrng } from '../../../src/ingest/simulate/prng.js';

const simplified = Converter({ from: 'tw', to: 'cn' });
const draft = (seed: number) =>
  composeNotice({
    rng: createPrng(seed),
    townName: '新浜镇',
    postMs: Date.parse('2026-11-17T09:30:00+08:00'),
    contact: '李娜',
    people: ['张伟', '王芳'],
    leaders: ['王建国'],
    leader: '王镇长',
  });
const digits = (s: string) => (s.match(/\d+/g) ?? []).join(',');

describe('noticeCopy', () => {
  it('gives the canonical text with no changes', () => {
    const d = draft(1);
    expect(noticeCopy(createPrng(1), d, { changes: 0 })).toEqual({ text: noticeText(d), mentionAll: false });
  });

  it('never changes the numbers of the notice, except by adding none', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const d = draft(seed);
      const copy = noticeCopy(createPrng(seed), d, { changes: 3, allowTraditional: true });
      const body = digits(d.body.join('\n'));
      expect(
        digits(simplified(copy.text)).startsWith(body) || digits(simplified(copy.text)).includes(body),
      ).toBe(true);
    }
  });

  it('starts mention-all copies with @所有人', () => {
    const copy = noticeCopy(createPrng(2), draft(2), { atAll: true, changes: 2 });
    expect(copy.mentionAll).toBe(true);
    expect(copy.text).toMatch(/^@所有人[ \n]/);
  });

  it('converts to traditional characters that convert back', () => {
    const text = '关于报送安全隐患排查台账的通知，请于今天下班前报送';
    const t = traditional(text);
    expect(t).not.toBe(text);
    expect(t).toContain('關於');
    expect(simplified(t)).toBe(text);
  });
});

describe('splitInTwo', () => {
  it('splits at a line break near the middle into two parts that rebuild the text', () => {
    const text = noticeText(draft(5));
    const parts = splitInTwo(text);
    expect(parts).not.toBeNull();
    const [a, b] = parts as [string, string];
    expect(`${a}\n${b}`.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(Math.abs(a.length - b.length)).toBeLessThan(text.length * 0.6);
  });

  it('refuses to split a text too short to keep both parts recognisable', () => {
    expect(splitInTwo('请于11月25日前报送。联系人：李娜')).toBeNull();
    expect(splitInTwo('没有断句的一段话')).toBeNull();
  });
});

describe('repostText', () => {
  it('re-posts the text, sometimes flagged as a reminder', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) seen.add(repostText(createPrng(seed), '原文').replace('原文', ''));
    expect(seen).toEqual(new Set(['', '再次提醒：', '【再次提醒】']));
  });
});
