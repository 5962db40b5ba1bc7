import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ackFloodsDetector } from '../../src/analysis/ack-floods.js';
import { rollCallsDetector } from '../../src/analysis/roll-calls.js';
import type { Contact } from '../../src/model/contact.js';
import type { StoredMessage } from '../../src/model/message.js';
import { detectorContext, message, messages, weekData } from './fixtures/week-data-factory.js';

const LEADER: Contact = { id: 'boss', name: '张书记', unit: '镇领导班子' };

function run(list: StoredMessage[]) {
  const ctx = detectorContext(weekData(list, [LEADER]));
  const rollCalls = rollCallsDetector.run(ctx, {});
  return ackFloodsDetector.run(ctx, { rollCalls });
}

const NOTICE =
  '【通知】各站所：根据县应急局要求，请于11月25日前完成辖区内冬季防火隐患排查，并将排查台账报党政办。联系人：李娜，电话：12345678。';

interface Case {
  name: string;
  messages: StoredMessage[];
  /** Expected floods: [trigger index, ...acknowledgement indexes]. */
  floods: number[][];
}
const cases: Case[] = [];
const add = (name: string, msgs: StoredMessage[], floods: number[][]) =>
  cases.push({ name, messages: msgs, floods });

add(
  'a long notice answered by many forms of 收到',
  messages([
    ['11-17 09:00', 'office', NOTICE],
    ['11-17 09:01', 'a', '收到'],
    ['11-17 09:01', 'b', '收到！'],
    ['11-17 09:02', 'c', '已收到'],
    ['11-17 09:03', 'd', '收到[OK]'],
    ['11-17 09:04', 'e', '好的收到'],
    ['11-17 09:05', 'f', '收到，马上落实'],
    ['11-17 09:06', 'g', '👌'],
    ['11-17 09:07', 'h', '[OK]'],
    ['11-17 09:08', 'i', '已阅'],
    ['11-17 09:09', 'j', '知悉'],
    ['11-17 09:10', 'k', '明白'],
    ['11-17 09:11', 'l', '1'],
  ]),
  [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
);
add(
  'a short @所有人 and a leader’s short request both trigger',
  messages([
    ['11-17 14:00', 'office', '@所有人 明早开会', { mentionAll: true }],
    ['11-17 14:01', 'a', '收到'],
    ['11-17 14:02', 'b', '好的'],
    ['11-17 14:03', 'c', '收到'],
    ['11-18 10:00', 'boss', '材料抓紧'],
    ['11-18 10:01', 'a', '收到'],
    ['11-18 10:02', 'b', '收到，马上办'],
    ['11-18 10:03', 'c', '明白'],
  ]),
  [
    [0, 1, 2, 3],
    [4, 5, 6, 7],
  ],
);
add(
  'a substantive reply inside the window neither counts nor steals the flood',
  messages([
    ['11-17 09:00', 'office', NOTICE],
    ['11-17 09:01', 'a', '收到'],
    ['11-17 09:02', 'b', '附件打不开，请重新发一下'],
    ['11-17 09:03', 'c', '收到'],
    ['11-17 09:04', 'd', '收到'],
  ]),
  [[0, 1, 3, 4]],
);
add(
  'a file notice and "收到请回复1" answered by 1s',
  messages([
    ['11-17 09:00', 'office', null, { type: 'file', file: { name: '通知.docx', size: 1000, sha256: null } }],
    ['11-17 09:01', 'office', '收到请回复1'],
    ['11-17 09:02', 'a', '1'],
    ['11-17 09:03', 'b', '1'],
    ['11-17 09:04', 'c', '收到'],
  ]),
  [[0, 2, 3, 4]],
);
add(
  'two notices in a row each get their own acknowledgements; another group is apart',
  [
    ...messages([
      ['11-17 09:00', 'office', NOTICE],
      ['11-17 09:01', 'a', '收到'],
      ['11-17 09:02', 'b', '收到'],
      ['11-17 09:03', 'c', '收到'],
      ['11-17 10:00', 'office2', `${NOTICE}（补充）`],
      ['11-17 10:01', 'a', '收到'],
      ['11-17 10:02', 'b', '收到'],
      ['11-17 10:03', 'd', '收到'],
    ]),
    message({ at: '11-17 10:04', from: 'e', group: 'g2@chatroom', text: '收到' }),
  ],
  [
    [0, 1, 2, 3],
    [4, 5, 6, 7],
  ],
);
add(
  'hard negative: a lone 好的 answering a question',
  messages([
    ['11-17 09:00', 'a', '明天上午的会议几点开始？'],
    ['11-17 09:01', 'b', '9点'],
    ['11-17 09:02', 'a', '好的'],
    ['11-17 09:03', 'c', '好的'],
  ]),
  [],
);
add(
  'hard negative: acknowledgements below the threshold or after the window',
  messages([
    ['11-17 09:00', 'office', NOTICE],
    ['11-17 09:01', 'a', '收到'],
    ['11-17 09:02', 'b', '收到'],
    ['11-17 12:00', 'c', '收到'],
    ['11-17 12:01', 'office', '收到'],
  ]),
  [],
);
{
  const msgs = messages([
    ['11-17 09:00', 'office', NOTICE],
    ['11-17 09:01', 'a', '收到'],
    ['11-17 09:02', 'b', '收到'],
    ['11-17 09:03', 'c', '收到'],
  ]);
  const recall = message({
    at: '11-17 09:04',
    from: 'c',
    type: 'recalled',
    text: (msgs[3] as StoredMessage).id,
  });
  const pat = message({ at: '11-17 09:05', from: null, type: 'system', text: '"张伟" 拍了拍 "李娜"' });
  const patText = message({ at: '11-17 09:06', from: 'd', text: '我拍了拍"张伟"' });
  add('hard negative: recalls, 拍一拍 and system lines never count', [...msgs, recall, pat, patText], []);
}
add(
  'hard negative: number-off replies of a roll-call are the roll-call’s',
  messages([
    ['11-17 15:00', 'boss', '请参会人员依次报数'],
    ['11-17 15:01', 'a', '1'],
    ['11-17 15:01', 'b', '2'],
    ['11-17 15:02', 'c', '3'],
    ['11-17 15:03', 'd', '收到'],
  ]),
  [],
);
add(
  'hard negative: praise is not acknowledgement',
  messages([
    ['11-17 09:00', 'boss', NOTICE],
    ['11-17 09:01', 'a', '[强]'],
    ['11-17 09:02', 'b', '👍👍'],
    ['11-17 09:03', 'c', '辛苦了'],
  ]),
  [],
);

describe('ackFloodsDetector', () => {
  it.each(cases)('$name', ({ messages: msgs, floods }) => {
    const found = run(msgs).map((f) => [f.triggerMessageId, ...f.messageIds]);
    expect(found).toEqual(floods.map((f) => f.map((i) => (msgs[i] as StoredMessage).id)));
  });

  it('reports repliers and the time span', () => {
    const msgs = cases[0]?.messages ?? [];
    const [flood] = run(msgs);
    expect(flood?.repliers).toBe(12);
    expect(flood?.firstAt).toBe(msgs[1]?.time);
    expect(flood?.lastAt).toBe(msgs[12]?.time);
  });

  it('honours minReplies and windowMinutes from the config', () => {
    const msgs = cases[6]?.messages ?? [];
    const ctx = detectorContext(weekData(msgs), {
      analysis: { ackFlood: { minReplies: 3, windowMinutes: 240 } },
    });
    expect(ackFloodsDetector.run(ctx, {})).toHaveLength(1);
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 30 }), (texts) => {
        const msgs = texts.map((text, i) =>
          message({ at: `11-17 09:${String(i).padStart(2, '0')}`, from: `u${i % 5}`, text }),
        );
        for (const f of run(msgs)) expect(f.repliers).toBeGreaterThanOrEqual(3);
      }),
    );
  });
});
