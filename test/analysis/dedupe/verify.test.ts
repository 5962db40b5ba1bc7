import { describe, expect, it } from 'vitest';
import { noticeText } from '../../../src/analysis/dedupe/notices.js';
import { noticeLink } from '../../../src/analysis/dedupe/verify.js';
import { configSchema } from '../../../src/config/schema.js';
import { normaliseNotice } from '../../../src/text/notice-form.js';

const rules = configSchema.parse({}).analysis.duplicates;
const text = (raw: string) => noticeText(normaliseNotice(raw));

/** 100 distinct ideographs: any two of its substrings share only the grams they overlap in. */
const LONG = Array.from({ length: 100 }, (_, k) => String.fromCodePoint(0x4e00 + k * 37)).join('');
('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星山川河海风云雷电春夏秋冬东南西北上下左右前后天地人和松竹梅兰菊');

const kind = (a: string, b: string, r = rules) => noticeLink(text(a), text(b), r).kind;

describe('noticeLink', () => {
  it.each([
    ['identical long texts', LONG, LONG, 'similar'],
    ['a long text and its first half (containment 1)', LONG, LONG.slice(0, 50), 'part'],
    ['a long text and a 40-character part of it', LONG, LONG.slice(10, 50), 'part'],
    ['a long text and a 30-character part (too short for containment)', LONG, LONG.slice(10, 40), 'none'],
    ['long texts sharing half', LONG.slice(0, 60), LONG.slice(30, 90), 'none'],
    [
      'short texts, a word added at the end',
      '请各村今天下午报送防汛值班人员名单谢谢大家',
      '请各村今天下午报送防汛值班人员名单谢谢大家了',
      'similar',
    ],
    [
      'short texts, one character changed mid-way (stricter than long ones)',
      '请各村今天下午报送防汛值班人员名单谢谢大家',
      '请各村今天下午报送防汛值班人员名册谢谢大家',
      'none',
    ],
    [
      'short texts differing in a third',
      '请各村今天下午报送防汛值班人员名单谢谢大家',
      '请各村明早之前交齐森林防火巡查记录谢谢大家',
      'none',
    ],
    ['long copies, a sentence added', LONG, `${LONG}请各村高度重视`, 'similar'],
    ['a long text and 75% of it', LONG, LONG.slice(0, 75), 'similar'],
    ['long copies with contradicting dates', `${LONG}11月20日`, `${LONG}11月27日`, 'none'],
    [
      'a long text and a part stating fewer numbers',
      `${LONG}11月20日16:00`,
      `${LONG.slice(0, 45)}11月20日`,
      'part',
    ],
  ])('%s', (_name, a, b, expected) => {
    expect(kind(a, b)).toBe(expected);
    expect(kind(b, a)).toBe(expected);
  });

  it('follows the configured thresholds', () => {
    expect(kind(LONG, LONG.slice(0, 42), { ...rules, containment: 1, jaccard: 0.99 })).toBe('part');
    expect(kind(LONG, LONG.slice(0, 41), { ...rules, containment: 1, jaccard: 0.99 })).toBe('part');
    expect(kind(LONG, `${LONG.slice(0, 40)}另外两字`, { ...rules, containment: 0.99, jaccard: 0.99 })).toBe(
      'none',
    );
    const loose = { ...rules, shortJaccard: 0.2 };
    expect(
      kind('请各村今天下午报送防汛值班人员名单谢谢大家', '请各村今天下午交齐森林防火巡查记录谢谢大家', loose),
    ).toBe('similar');
  });

  it('reports the containment of a part', () => {
    const link = noticeLink(text(LONG), text(`${LONG.slice(0, 40)}另外两字`), rules);
    expect(link.kind).toBe('part');
    expect(link.kind === 'part' && link.containment).toBeCloseTo(38 / 42, 5);
  });
});
