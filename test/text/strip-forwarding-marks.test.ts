import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripForwardingMarks } from '../../src/text/normalise.js';
import { anyText } from '../analysis/dedupe/arbitrary-text.js';

const BODY = '关于开展冬季安全检查的通知';

describe('stripForwardingMarks', () => {
  it.each([
    ['【转发】', `【转发】${BODY}`],
    ['转：', `转：${BODY}`],
    ['转: (ASCII colon)', `转: ${BODY}`],
    ['转发：', `转发：${BODY}`],
    ['【重要通知】', `【重要通知】${BODY}`],
    ['【通知】', `【通知】${BODY}`],
    ['[转发]', `[转发]${BODY}`],
    ['再次提醒：', `再次提醒：${BODY}`],
    ['【再次提醒】', `【再次提醒】${BODY}`],
    ['traditional tags', `【轉發】【緊急通知】轉：${BODY}`],
    ['@所有人 first', `@所有人 ${BODY}`],
    ['stacked tags', `【转发】【重要通知】@所有人 转：${BODY}`],
    ['leading emoji and blanks', `🔥 \u200b【转发】${BODY}`],
    ['WeChat emoticons', `${BODY}[强][玫瑰][OK]`],
  ])('removes %s', (_name, text) => {
    expect(stripForwardingMarks(text).trim()).toBe(BODY);
  });

  it('removes @mentions anywhere but keeps the words around them', () => {
    expect(stripForwardingMarks(`请@张三\u2005和@李四 今天报送${BODY}`).replace(/\s/g, '')).toBe(
      `请和今天报送${BODY}`,
    );
  });

  it.each([
    ['a tag in the middle', `${BODY}【转发】`],
    ['转 without a colon', `转变作风${BODY}`],
    ['brackets holding numbers', `${BODY}[2026]12号`],
    ['an email address', `请发送至abc@example.com ${BODY}`],
    ['an email address before a full stop', `${BODY}发送至xbzb797@163.com. 逾期`],
  ])('keeps %s', (_name, text) => {
    // The @mention rule may eat what follows "@" up to a space, never text before it.
    expect(stripForwardingMarks(text)).toContain(BODY);
  });

  it('keeps e-mail addresses whole', () => {
    expect(stripForwardingMarks('报送至邮箱(xbzb797@163.com). 逾期')).toBe(
      '报送至邮箱(xbzb797@163.com). 逾期',
    );
  });

  it('never throws and never lengthens a text', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        expect(stripForwardingMarks(text).length).toBeLessThanOrEqual(text.length);
      }),
    );
  });

  it('handles a 50k-character text of tags, emoji and joiners', () => {
    const hostile = `${'【转发】'.repeat(5000)}${'👨‍👩‍👧@所有人['.repeat(5000)}`;
    expect(typeof stripForwardingMarks(hostile)).toBe('string');
  });
});
