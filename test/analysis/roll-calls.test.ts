import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollCallsDetector } from '../../src/analysis/roll-calls.js';
import type { StoredMessage } from '../../src/model/message.js';
import { detectorContext, message, messages, weekData } from './fixtures/week-data-factory.js';

const run = (list: StoredMessage[]) => rollCallsDetector.run(detectorContext(weekData(list)), {});
const ids = (list: StoredMessage[], ...indexes: number[]) =>
  indexes.map((i) => (list[i] as StoredMessage).id);

const CHAIN = '#接龙\n11月18日安全生产培训参训人员\n例 张三 安监站\n\n';
const list = (...names: string[]) => names.map((n, i) => `${i + 1}. ${n}`).join('\n');
const card = (title: string, appName = '群接龙') => ({
  type: 'miniprogram' as const,
  miniprogram: { title, appName },
});

interface Case {
  name: string;
  messages: StoredMessage[];
  /** Expected chains as indexes into `messages`. */
  chains: number[][];
}

const cases: Case[] = [];
const add = (name: string, msgs: StoredMessage[], chains: number[][]) =>
  cases.push({ name, messages: msgs, chains });

add(
  '#接龙 chain growing one line per post, with an edit re-posting the list',
  messages([
    ['11-17 09:00', 'a', CHAIN + list('张伟 安监站')],
    ['11-17 09:05', 'b', CHAIN + list('张伟 安监站', '李娜 综治办')],
    ['11-17 09:06', 'x', '今天食堂几点开饭'],
    ['11-17 09:10', 'c', CHAIN + list('张伟 安监站', '李娜 综治办', '王强 党政办')],
    ['11-17 09:20', 'b', CHAIN + list('张伟 安监站', '李娜 综治办（已改）', '王强 党政办')],
  ]),
  [[0, 1, 3, 4]],
);
add(
  'two chains interleaved in one group, and a same-described chain in another group',
  [
    ...messages([
      ['11-17 09:00', 'a', `${CHAIN}${list('张伟')}`],
      ['11-17 09:01', 'b', `#接龙\n周五志愿服务报名\n\n${list('李娜')}`],
      ['11-17 09:02', 'c', `${CHAIN}${list('张伟', '王强')}`],
      ['11-17 09:03', 'd', `#接龙\n周五志愿服务报名\n\n${list('李娜', '赵敏')}`],
    ]),
    message({ at: '11-17 09:04', from: 'e', group: 'g2@chatroom', text: `${CHAIN}${list('刘洋')}` }),
  ],
  [[0, 2], [1, 3], [4]],
);
add(
  'the same description restarting from one line the next day is a new chain',
  messages([
    ['11-17 09:00', 'a', `#接龙\n每日学习打卡\n\n${list('张伟')}`],
    ['11-17 09:30', 'b', `#接龙\n每日学习打卡\n\n${list('张伟', '李娜')}`],
    ['11-18 09:00', 'a', `#接龙\n每日学习打卡\n\n${list('张伟')}`],
    ['11-18 09:10', 'c', `#接龙\n每日学习打卡\n\n${list('张伟', '王强')}`],
  ]),
  [
    [0, 1],
    [2, 3],
  ],
);
add(
  'a numbered description above the list stays in the key',
  messages([
    ['11-17 09:00', 'a', `#接龙\n培训报名\n1. 时间：周三\n2. 地点：三楼\n\n${list('张伟')}`],
    ['11-17 09:10', 'b', `#接龙\n培训报名\n1. 时间：周三\n2. 地点：三楼\n\n${list('张伟', '李娜')}`],
  ]),
  [[0, 1]],
);
add(
  '群接龙 and 接龙管家 cards, with the request before them',
  messages([
    ['11-17 10:00', 'boss', '请各位点击下方小程序接龙报名，今天下班前完成'],
    ['11-17 10:01', 'boss', null, card('周五志愿服务报名')],
    ['11-17 10:20', 'a', null, card('周五志愿服务报名')],
    ['11-17 10:40', 'b', null, card('周五志愿服务报名')],
    ['11-17 11:00', 'c', null, card('安全培训签到', '接龙管家')],
    ['11-17 11:05', 'd', null, card('腾讯文档', '腾讯文档')],
  ]),
  [[0, 1, 2, 3], [4]],
);
add(
  'number-off replies answering a (traditional) request, with chatter in between',
  messages([
    ['11-17 15:00', 'boss', '請參會人員依次報數'],
    ['11-17 15:01', 'a', '1'],
    ['11-17 15:01', 'b', '2.张伟'],
    ['11-17 15:02', 'x', '会议室空调能开一下吗'],
    ['11-17 15:02', 'c', '3 李娜'],
    ['11-17 15:03', 'd', '4、王强[OK]'],
  ]),
  [[0, 1, 2, 4, 5]],
);
add(
  'number-off counting up by itself from distinct members',
  messages([
    ['11-17 15:00', 'a', '1'],
    ['11-17 15:01', 'b', '2'],
    ['11-17 15:02', 'c', '3'],
    ['11-17 15:03', 'd', '4 赵敏'],
  ]),
  [[0, 1, 2, 3]],
);
add(
  'hard negative: a numbered list inside an ordinary notice',
  messages([
    [
      '11-17 09:00',
      'office',
      '关于召开安全生产会议的通知\n1. 时间：11月18日上午9点\n2. 地点：三楼会议室\n3. 参会人员：各站所负责人',
    ],
    ['11-17 09:05', 'a', '收到'],
  ]),
  [],
);
add(
  'hard negative: a lone "1" answering a question, and "1"s acknowledging a notice',
  messages([
    ['11-17 09:00', 'boss', '明天谁有空去县里开会？有空的回1'],
    ['11-17 09:05', 'a', '1'],
    ['11-17 11:00', 'office', '关于做好冬季防火工作的通知，收到请回复1'],
    ['11-17 11:01', 'a', '1'],
    ['11-17 11:02', 'b', '1'],
    ['11-17 11:03', 'c', '1'],
  ]),
  [],
);
add(
  'a new notice ends a number-off: the "1" answering it is an acknowledgement',
  messages([
    ['11-17 10:00', 'boss', '@所有人 今晚参加志愿巡逻的同志请报数', { mentionAll: true }],
    ['11-17 10:05', 'a', '1'],
    ['11-17 10:20', 'b', '2.张伟'],
    ['11-17 10:40', 'c', '3'],
    [
      '11-17 11:00',
      'office',
      '@所有人 关于报送高标准农田建设进度表的通知：请各单位于11月25日前将电子版和盖章扫描件报送至农业农村办邮箱。',
      { mentionAll: true },
    ],
    ['11-17 11:02', 'd', '1'],
  ]),
  [[0, 1, 2, 3]],
);
add(
  'hard negative: a request answered too slowly, and numbers out of sequence without a request',
  messages([
    ['11-17 09:00', 'boss', '请大家报数'],
    ['11-17 13:00', 'a', '1'],
    ['11-17 13:01', 'b', '3'],
    ['11-17 13:02', 'c', '7'],
  ]),
  [],
);
{
  const msgs = messages([
    ['11-17 15:00', 'boss', '请依次回复序号'],
    ['11-17 15:01', 'a', '1'],
    ['11-17 15:02', 'b', '2'],
    ['11-17 15:03', 'c', '3'],
  ]);
  const recall = message({
    at: '11-17 15:04',
    from: 'c',
    type: 'recalled',
    text: (msgs[3] as StoredMessage).id,
  });
  const pat = message({ at: '11-17 15:05', from: null, type: 'system', text: '"张伟" 拍了拍 "李娜"' });
  add('recalled posts and 拍一拍 system lines do not count', [...msgs, recall, pat], [[0, 1, 2]]);
}

describe('rollCallsDetector', () => {
  it.each(cases)('$name', ({ messages: msgs, chains }) => {
    const found = run(msgs).map((f) => [...f.messageIds].sort());
    const expected = chains.map((c) => ids(msgs, ...c).sort());
    expect(found.sort()).toEqual(expected.sort());
  });

  it('counts participants, posts and re-posted lines of a #接龙 chain', () => {
    const [chain] = run(cases[0]?.messages ?? []);
    expect(chain).toMatchObject({ kind: 'chain', posts: 4, participants: 3, linesReposted: 0 + 1 + 2 + 3 });
    expect(chain?.title).toContain('安全生产培训');
  });

  it('counts the request as a message but not as a post', () => {
    const [chain] = run(cases[5]?.messages ?? []);
    expect(chain).toMatchObject({ kind: 'number-off', posts: 4, participants: 4, linesReposted: 0 });
    expect(chain?.requestMessageId).toBe(chain?.messageIds[0]);
  });

  it('never throws on any text and keeps every finding inside the input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.constantFrom('a', 'b', 'c')), {
          maxLength: 30,
        }),
        (rows) => {
          const msgs = rows.map(([text, from], i) =>
            message({ at: `11-17 09:${String(i).padStart(2, '0')}`, from, text }),
          );
          const known = new Set(msgs.map((m) => m.id));
          for (const f of run(msgs)) for (const id of f.messageIds) expect(known.has(id)).toBe(true);
        },
      ),
    );
  });

  it('handles a 50k-character #接龙 post', () => {
    const huge = message({ at: '11-17 09:00', text: `#接龙\n${'1. 张三\n'.repeat(8_000)}` });
    expect(run([huge])).toHaveLength(1);
  });
});
