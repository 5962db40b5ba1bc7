import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/work-calendar.js';
import { configSchema } from '../../src/config/schema.js';
import type { MessageType } from '../../src/model/message.js';
import { classifyText } from '../../src/text/classify-text.js';

const config = configSchema.parse({});
const rules = {
  minLength: config.analysis.duplicates.minLength,
  calendar: createWorkCalendar(config),
  immediateMinutes: config.analysis.rushed.immediateMinutes,
};
// Tuesday 2026-11-17 10:00 in Shanghai.
const time = Date.UTC(2026, 10, 17, 2, 0);
const classify = (text: string | null, extra: { type?: MessageType; mentionAll?: boolean } = {}) =>
  classifyText({ type: extra.type ?? 'text', text, mentionAll: extra.mentionAll ?? false, time }, rules);

describe('classifyText', () => {
  it.each([
    // Content-free replies: classified, never notices.
    ['收到', 'ack', false],
    ['好的收到[OK]', 'ack', false],
    ['收到，马上落实', 'ack', false],
    ['1', 'ack', false],
    ['👍👍', 'praise', false],
    ['领导辛苦了[玫瑰]', 'praise', false],
    ['2.张伟', 'number-off', false],
    // Pats, questions, remarks, chat: classified so the detectors can still tell them apart.
    ['王军 拍了拍 李娜', 'pat', false],
    ['明天几点开会？', 'question', false],
    ['小王，材料放你桌上了', 'addressed', false],
    ['中午食堂有饺子', 'chat', false],
    // Hard negatives: "收到" with substance or a negation is not an acknowledgement.
    ['没收到文件', 'chat', false],
    ['收到了吗', 'chat', false],
    // Notices and instructions keep their text.
    ['#接龙\n周五志愿服务\n1. 张伟', 'roll-call', true],
    ['关于开展冬季安全生产大检查的通知：各村居于本周内完成自查并报送台账', 'notice', true],
    ['看这个 https://example.gov.cn/a', 'notice', true],
    ['请大家报数', 'instruction', true],
    ['打卡截图发群里', 'instruction', true],
    ['今天下班前报送', 'instruction', true],
  ] as const)('%j → %s (text kept: %s)', (text, textClass, mayBeNotice) => {
    expect(classify(text)).toMatchObject({ textClass, mayBeNotice });
  });

  it('keeps an @所有人 with substance, not an @所有人 acknowledgement', () => {
    expect(classify('明早8点集合', { mentionAll: true })).toMatchObject({
      textClass: 'notice',
      mayBeNotice: true,
    });
    expect(classify('明早8点集合')).toMatchObject({ textClass: 'chat', mayBeNotice: false });
    expect(classify('收到', { mentionAll: true })).toMatchObject({ textClass: 'ack', mayBeNotice: false });
  });

  it('measures notice length after normalisation: emoji and punctuation do not count', () => {
    const padded = `好的${'！'.repeat(30)}${'🎉'.repeat(10)}`;
    expect(classify(padded)?.mayBeNotice).toBe(false);
    expect(classify('一二三四五六七八九十一二三四五六七八九十')?.mayBeNotice).toBe(true);
    expect(classify('一二三四五六七八九十一二三四五六七八九')?.mayBeNotice).toBe(false);
  });

  it('reads the number of a number-off reply, and of a bare "1"', () => {
    expect(classify('2.张伟')?.replyNumber).toBe(2);
    expect(classify('1')?.replyNumber).toBe(1);
    expect(classify('1小时内反馈')?.replyNumber).toBeNull();
    expect(classify('收到')?.replyNumber).toBeNull();
  });

  it('has nothing to say about no text or a recall (whose text is an id)', () => {
    expect(classify(null)).toBeNull();
    expect(classify('m-2', { type: 'recalled' })).toBeNull();
  });
});
