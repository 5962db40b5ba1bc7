import { describe, expect, it } from 'vitest';
import { hasTraditional, toSimplified } from '../../src/text/normalise.js';

describe('toSimplified', () => {
  it.each([
    ['關於開展安全生產大檢查的通知', '关于开展安全生产大检查的通知'],
    ['請各單位於本週五前報送', '请各单位于本周五前报送'],
    ['效果顯著', '效果显著'],
    ['裡面', '里面'],
  ])('converts %s', (traditional, simplified) => {
    expect(toSimplified(traditional)).toBe(simplified);
  });

  it.each(['关于开展安全生产大检查的通知', '效果显著，什么时候报送', '著名作家', 'plain ASCII 123'])(
    'leaves simplified text untouched: %s',
    (text) => {
      expect(hasTraditional(text)).toBe(false);
      expect(toSimplified(text)).toBe(text);
    },
  );

  it('converts the traditional and the simplified copy of a notice alike', () => {
    expect(toSimplified('本次檢查效果顯著，請各村著手整改')).toBe(
      toSimplified('本次检查效果显著，请各村着手整改'),
    );
  });
});
