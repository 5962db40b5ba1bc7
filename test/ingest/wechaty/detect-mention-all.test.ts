import { describe, expect, it } from 'vitest';
import { detectMentionAll, MENTION_ALL_ID } from '../../../src/ingest/wechaty/detect-mention-all.js';

describe('detectMentionAll', () => {
  it.each([
    ['@所有人\u2005请各社区今天下班前报送', true],
    ['@所有人 请按时参会', true],
    ['@所有人', true],
    ['通知如下：\n@所有人\u2005', true],
    ['请@所有人\u2005注意', true],
    ['@All\u2005meeting at 3', true],
    ['@all please check', true],
    ['@ALL', true],
    ['会议通知 @all', true],
    ['第一行\n@all\n第二行', true],
    // Hard negatives.
    ['所有人请注意', false],
    ['@所有人员名单见附件', false],
    ['@王军\u2005收到', false],
    ['@allen 你好', false],
    ['@alliance', false],
    ['发到 office@all.gov.cn 邮箱', false],
    ['请发送至 a@all 谢谢', false],
    ['@ all', false],
    ['', false],
    ['收到', false],
  ])('%j → %s', (text, expected) => {
    expect(detectMentionAll(text)).toBe(expected);
  });

  it('reads the raw mention list', () => {
    expect(detectMentionAll('请大家注意', [MENTION_ALL_ID])).toBe(true);
    expect(detectMentionAll(null, ['u-1', MENTION_ALL_ID])).toBe(true);
    expect(detectMentionAll('请大家注意', ['u-1', 'u-2'])).toBe(false);
    expect(detectMentionAll(undefined, undefined)).toBe(false);
    expect(detectMentionAll(null, null)).toBe(false);
  });

  it('stays linear on long adversarial input', () => {
    for (const text of [
      '@'.repeat(50_000),
      '@al'.repeat(20_000),
      `${'@所有'.repeat(20_000)}员`,
      '👨‍👩‍👧'.repeat(10_000),
    ]) {
      expect(detectMentionAll(text)).toBe(false);
    }
    expect(detectMentionAll(`${'x'.repeat(50_000)} @all`)).toBe(true);
  });
});
