import { describe, expect, it } from 'vitest';
import {
  chineseNumber,
  numberSignature,
  numbersContradict,
} from '../../../src/analysis/dedupe/number-signature.js';
import { normaliseNotice } from '../../../src/text/notice-form.js';

const signature = (text: string) => numberSignature(normaliseNotice(text));

describe('numberSignature', () => {
  it.each([
    ['2026年11月25日16:00', ['11', '1600', '2026', '25']],
    ['十一月二十五日', ['11', '25']],
    ['第三周值班表', ['3']],
    ['第3周值班表', ['3']],
    ['下午三点开会', ['3']],
    ['本周三、星期五和礼拜天', ['w3', 'w5', 'w7']],
    ['电话 0851-12345 (punctuation is gone: one run)', ['85112345']],
    ['没有数字的通知', []],
    ['第9批推迟9天 (repetitions count)', ['9', '9']],
  ])('%s', (text, tokens) => {
    expect(signature(text)).toEqual([...tokens].sort());
  });

  it.each([
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十五', 25],
    ['三', 3],
    ['二〇', 20],
  ])('reads %s as %i', (numeral, value) => {
    expect(chineseNumber(numeral)).toBe(value);
  });
});

describe('numbersContradict', () => {
  it.each([
    ['identical', '11月25日16:00开会', '11月25日16:00开会', false],
    ['a part states a subset', '11月25日开会', '11月25日16:00开会，2026年', false],
    ['an added sentence adds numbers on one side', '请于25日前报送', '请于25日前报送，联系电话12345', false],
    ['another date', '11月25日开会', '11月26日开会', true],
    ['another week', '第47周值班', '第48周值班', true],
    ['another weekday', '周三下午开会', '周四下午开会', true],
    ['another hour in words', '下午三点开会', '下午四点开会', true],
    ['neither has numbers', '开会', '开会了', false],
    ['a number changed into one already stated', '第9批项目推后8天', '第9批项目推后9天', true],
    ['a part repeating none of the whole', '第9批项目', '第9批项目推后9天', false],
  ])('%s', (_name, a, b, expected) => {
    expect(numbersContradict(signature(a), signature(b))).toBe(expected);
    expect(numbersContradict(signature(b), signature(a))).toBe(expected);
  });
});
