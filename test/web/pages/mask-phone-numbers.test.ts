import { describe, expect, it } from 'vitest';
import { maskPhoneNumbers } from '../../../src/web/pages/mask-phone-numbers.js';

describe('maskPhoneNumbers', () => {
  it.each([
    ['联系人：黄艳，电话：13655171006', '联系人：黄艳，电话：136****1006'],
    ['13655171006/15920955753', '136****1006/159****5753'],
    ['座机 0571-88888888，工号 123456789012', '座机 0571-88888888，工号 123456789012'],
    ['编号 213655171006', '编号 213655171006'],
    ['12345678901 不是手机号', '12345678901 不是手机号'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskPhoneNumbers(input)).toBe(expected);
  });

  it('takes linear time on long digit runs', () => {
    const long = '1'.repeat(200_000);
    expect(maskPhoneNumbers(long)).toBe(long);
  });
});
