import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitEmoticons } from '../../src/text/normalise.js';
import { classifyReply, type ReplyClass } from '../../src/text/replies.js';
import { parseNumberOff } from '../../src/text/roll-calls.js';

const TABLE: [string, ReplyClass][] = [
  ['收到', 'ack'],
  ['收到！', 'ack'],
  ['收到。', 'ack'],
  ['已收到', 'ack'],
  ['收到[OK]', 'ack'],
  ['收到［ＯＫ］', 'ack'],
  ['好的收到', 'ack'],
  ['收到，马上落实', 'ack'],
  ['收到，立即落实！', 'ack'],
  ['收到，坚决贯彻落实', 'ack'],
  ['1', 'ack'],
  ['1️⃣', 'ack'],
  ['👌', 'ack'],
  ['👌🏻👌🏻', 'ack'],
  ['[OK]', 'ack'],
  ['已阅', 'ack'],
  ['知悉', 'ack'],
  ['明白', 'ack'],
  ['好的', 'ack'],
  ['好的好的', 'ack'],
  ['收到谢谢', 'ack'],
  ['收到[抱拳]', 'ack'],
  ['收到[强]', 'ack'],
  ['李娜收到', 'ack'],
  ['收到 ~~', 'ack'],
  ['OK', 'ack'],
  ['遵照执行', 'ack'],
  ['已閱', 'ack'],
  ['收到，馬上落實', 'ack'],
  ['[强]', 'praise'],
  ['[强][强][强]', 'praise'],
  ['👍👍', 'praise'],
  ['👍🏻', 'praise'],
  ['[玫瑰]', 'praise'],
  ['[鼓掌]', 'praise'],
  ['赞！', 'praise'],
  ['点赞', 'praise'],
  ['领导辛苦了[玫瑰]', 'praise'],
  ['学习了[强]', 'praise'],
  ['写得好[强]', 'praise'],
  ['點讚', 'praise'],
  ['王书记辛苦了🌹', 'praise'],
  ['向领导学习', 'praise'],
  ['向黎委员学习[强]', 'praise'],
  ['为黎委员点赞👍', 'praise'],
  ['向小张学习', 'praise'],
  ['周镇长辛苦了！', 'praise'],
  ['领导辛苦！[强]', 'praise'],
  ['赞赞赞', 'praise'],
  ['👏👏👏', 'praise'],
  ['明白，马上安排', 'ack'],
  ['收到收到', 'ack'],
  ['收到，谢谢', 'ack'],
  ['2.周杰', 'number-off'],
  ['2', 'number-off'],
  ['2.张伟', 'number-off'],
  ['3 李娜', 'number-off'],
  ['12、王强', 'number-off'],
  // Hard negatives: substance, questions, negations, requests.
  ['没收到', 'other'],
  ['还没收到附件', 'other'],
  ['收到了吗？', 'other'],
  ['收到请回复', 'other'],
  ['收到请回复1', 'other'],
  ['好的，但是附件打不开，能重新发一下吗', 'other'],
  ['我们单位下周组织学习，届时把材料报上来', 'other'],
  ['明天几点开会', 'other'],
  ['1小时内', 'other'],
  ['[抱拳]', 'other'],
  ['谢谢', 'other'],
  ['好的，我核一下', 'other'],
  ['茶水准备好了', 'other'],
  ['小王，材料放你桌上了', 'other'],
  ['张伟李娜王强收到', 'other'],
  ['', 'other'],
  ['这篇文章写得好，我们街道可以参照其中第三点推进老旧小区改造', 'other'],
];

describe('classifyReply', () => {
  it.each(TABLE)('%s → %s', (text, expected) => {
    expect(classifyReply(text)).toBe(expected);
  });

  it('treats null as other', () => {
    expect(classifyReply(null)).toBe('other');
  });

  it('never throws and always answers one of the classes, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        expect(['ack', 'praise', 'number-off', 'other']).toContain(classifyReply(s));
      }),
    );
  });

  it('stays linear on long adversarial input', () => {
    const long = `${'收到[强'.repeat(10_000)}👍‍‍`;
    expect(classifyReply(long)).toBe('other');
    expect(splitEmoticons(`[${'['.repeat(50_000)}`).brackets).toEqual([]);
    expect(parseNumberOff(`1${' '.repeat(50_000)}`)).toBeNull();
  });
});

describe('parseNumberOff', () => {
  it.each([
    ['1', 1, ''],
    ['2.张伟', 2, '张伟'],
    ['3 李娜', 3, '李娜'],
    ['10、欧阳 娜娜', 10, '欧阳娜娜'],
    ['4. 王强[OK]', 4, '王强'],
  ])('%s', (text, number, name) => {
    expect(parseNumberOff(text)).toEqual({ number, name });
  });

  it.each(['收到', '1小时内反馈', '3个工作日', '2026年', '0', '1.', '1. 这是一个非常长的不像名字的句子内容'])(
    'rejects %s',
    (text) => {
      expect(parseNumberOff(text)).toBeNull();
    },
  );
});
