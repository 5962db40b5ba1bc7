import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likeSpamDetector } from '../../src/analysis/like-spam.js';
import type { Contact } from '../../src/model/contact.js';
import type { StoredMessage } from '../../src/model/message.js';
import { detectorContext, message, messages, weekData } from './fixtures/week-data-factory.js';

const CONTACTS: Contact[] = [
  { id: 'boss', name: '张书记', unit: '镇领导班子' },
  { id: 'a', name: '李娜', unit: '党政办' },
];
const ARTICLE = {
  type: 'link' as const,
  link: { title: '我镇召开冬季安全生产部署会', url: 'https://mp.weixin.qq.com/s/abc', description: null },
};
const REPORT =
  '今天上午带队到三个村检查冬季防火工作，现场查看了消防通道和微型消防站，群众反映良好，下一步继续压实责任。';

function run(list: StoredMessage[], config: Record<string, unknown> = {}) {
  return likeSpamDetector.run(detectorContext(weekData(list, CONTACTS), config), {});
}

interface Case {
  name: string;
  messages: StoredMessage[];
  /** Expected floods: [trigger index, ...praise indexes]. */
  floods: number[][];
  byLeader?: boolean[];
  config?: Record<string, unknown>;
}
const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

add({
  name: 'a leader’s article answered by praise of every form',
  messages: messages([
    ['11-17 20:00', 'boss', null, ARTICLE],
    ['11-17 20:01', 'a', '[强]'],
    ['11-17 20:01', 'b', '👍👍'],
    ['11-17 20:02', 'c', '[玫瑰][玫瑰]'],
    ['11-17 20:03', 'd', '[鼓掌]'],
    ['11-17 20:04', 'e', '赞！'],
    ['11-17 20:05', 'f', '点赞'],
    ['11-17 20:06', 'g', '领导辛苦了[玫瑰]'],
    ['11-17 20:07', 'h', '学习了[强]'],
    ['11-17 20:08', 'i', '写得好[强]'],
  ]),
  floods: [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
  byLeader: [true],
});
add({
  name: 'a photo by someone not known as a leader is still a flood',
  messages: messages([
    ['11-18 12:00', 'x', null, { type: 'image' }],
    ['11-18 12:01', 'a', '[强]'],
    ['11-18 12:02', 'b', '👍'],
    ['11-18 12:03', 'c', '厉害'],
  ]),
  floods: [[0, 1, 2, 3]],
  byLeader: [false],
});
add({
  name: 'a leader known by configured id; a long substantive reply does not steal the flood',
  messages: messages([
    ['11-18 09:00', 'chief', REPORT],
    ['11-18 09:01', 'a', '[强][强]'],
    ['11-18 09:02', 'b', '辛苦了'],
    [
      '11-18 09:03',
      'c',
      '书记，我们村的微型消防站器材还缺两台灭火器，已经报到应急办了，请帮忙协调一下，争取本周内配齐。',
    ],
    ['11-18 09:04', 'd', '👍'],
  ]),
  floods: [[0, 1, 2, 4]],
  byLeader: [true],
  config: { org: { leaders: { ids: ['chief'] } } },
});
add({
  name: 'hard negative: substantive replies to a leader',
  messages: messages([
    ['11-18 09:00', 'boss', REPORT],
    ['11-18 09:05', 'a', '收到，我们村明天也组织一次检查'],
    ['11-18 09:06', 'b', '学习了，请问微型消防站的器材标准有文件吗？'],
    ['11-18 09:07', 'c', '我们站已经按要求排查完毕，台账周五前报送'],
    ['11-18 09:08', 'd', '这个经验值得推广，建议在全镇例会上交流'],
  ]),
  floods: [],
});
add({
  name: 'hard negative: two praise replies among substantive ones stay below the threshold',
  messages: messages([
    ['11-18 09:00', 'boss', REPORT],
    ['11-18 09:05', 'a', '[强]'],
    ['11-18 09:06', 'b', '我们站已经按要求排查完毕，台账周五前报送'],
    ['11-18 09:07', 'c', '👍'],
  ]),
  floods: [],
});
add({
  name: 'hard negative: acknowledgements are not praise; praise after the window does not count',
  messages: messages([
    ['11-18 09:00', 'boss', REPORT],
    ['11-18 09:01', 'a', '收到'],
    ['11-18 09:02', 'b', '收到[强]'],
    ['11-18 09:03', 'c', '好的'],
    ['11-18 12:00', 'd', '[强]'],
    ['11-18 12:01', 'e', '[强]'],
    ['11-18 12:02', 'f', '[强]'],
  ]),
  floods: [],
});
{
  const msgs = messages([
    ['11-18 09:00', 'boss', null, ARTICLE],
    ['11-18 09:01', 'a', '[强]'],
    ['11-18 09:02', 'b', '[强]'],
    ['11-18 09:03', 'c', '[强]'],
  ]);
  const recall = message({
    at: '11-18 09:04',
    from: 'c',
    type: 'recalled',
    text: (msgs[3] as StoredMessage).id,
  });
  const pat = message({ at: '11-18 09:05', from: null, type: 'system', text: '"李娜" 拍了拍 "张书记"' });
  add({
    name: 'hard negative: recalled praise and 拍一拍 do not count',
    messages: [...msgs, recall, pat],
    floods: [],
  });
}

describe('likeSpamDetector', () => {
  it.each(cases)('$name', ({ messages: msgs, floods, byLeader, config }) => {
    const found = run(msgs, config);
    expect(found.map((f) => [f.triggerMessageId, ...f.messageIds])).toEqual(
      floods.map((f) => f.map((i) => (msgs[i] as StoredMessage).id)),
    );
    if (byLeader) expect(found.map((f) => f.triggerByLeader)).toEqual(byLeader);
  });

  it('counts repliers, not replies', () => {
    const msgs = messages([
      ['11-18 09:00', 'boss', null, ARTICLE],
      ['11-18 09:01', 'a', '[强]'],
      ['11-18 09:02', 'a', '👍'],
      ['11-18 09:03', 'b', '[强]'],
    ]);
    expect(run(msgs)).toEqual([]);
    expect(run(msgs, { analysis: { likeSpam: { minReplies: 2 } } })[0]?.repliers).toBe(2);
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 30 }), (texts) => {
        const msgs = texts.map((text, i) =>
          message({ at: `11-17 09:${String(i).padStart(2, '0')}`, from: `u${i % 5}`, text }),
        );
        for (const f of run(msgs)) expect(f.messageIds.length).toBeGreaterThanOrEqual(3);
      }),
    );
  });
});
