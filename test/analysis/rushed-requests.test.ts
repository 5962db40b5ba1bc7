import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { rollCallsDetector } from '../../src/analysis/roll-calls.js';
import { rushedRequestsDetector } from '../../src/analysis/rushed-requests.js';
import type { StoredMessage } from '../../src/model/message.js';
import { detectorContext, message, weekData, ZONE } from './fixtures/week-data-factory.js';

function run(list: StoredMessage[], config: Record<string, unknown> = {}) {
  const ctx = detectorContext(weekData(list), config);
  return rushedRequestsDetector.run(ctx, { rollCalls: rollCallsDetector.run(ctx, {}) });
}
const local = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat('MM-dd HH:mm');

// [text, posted (2026, local; 11-16 is a Monday), expected deadline (local) or null when not rushed]
const TABLE: [string, string, string | null][] = [
  ['请各单位今天下班前报送统计表', '11-17 09:00', '11-17 18:00'],
  ['请于今天16:00前上报排查台账', '11-17 09:00', '11-17 16:00'],
  ['请各村1小时内反馈人员名单', '11-17 09:00', '11-17 10:00'],
  ['5点前必须报上来', '11-17 14:00', '11-17 17:00'],
  ['请今天中午12点前把材料发群里', '11-17 09:00', '11-17 12:00'],
  ['收到后请立即上报', '11-17 09:00', '11-17 10:00'],
  ['请于今天17:00报送参会名单', '11-17 09:00', '11-17 17:00'],
  ['请各村今天下午5点前报送', '11-21 10:00', '11-21 17:00'], // a Saturday: rushed, off hours
  ['请2小时内报上来', '11-16 23:00', '11-17 01:00'], // past midnight, within maxHours
  ['明早9点前把材料报上来', '11-16 21:00', null], // twelve hours: judged by maxHours alone
  ['请于11月23日前报送', '11-21 03:00', null], // a Saturday copy due Monday: another day
  ['請於今天下班前將統計表報送至黨政辦', '11-17 09:00', '11-17 18:00'], // traditional characters
  ['请于明天上午10点前提交', '11-17 09:00', null], // 25 hours, next working day
  ['请于11月25日前报送总结', '11-17 09:00', null],
  ['请于本周五前报送', '11-16 09:00', null],
  ['请3个工作日内反馈意见', '11-17 09:00', null],
  ['请今天17:00前报送', '11-17 18:30', null], // already past
  ['请8点前报送', '11-17 10:00', null], // 8 a.m. past, 8 p.m.? ambiguous
  ['定于今天下午3点召开会议，请准时参加', '11-17 09:00', null], // an appointment, not a demand
  ['今天下班前完成整改', '11-17 09:00', null], // no report demanded
  ['收到，马上报送', '11-17 09:00', null], // a reply
  ['定于今天下午3点召开会议。请于11月25日前报送材料', '11-17 09:00', null],
];

describe('rushedRequestsDetector', () => {
  it.each(TABLE)('%s (posted %s) → %s', (text, posted, expected) => {
    const found = run([message({ at: posted, text })]);
    expect(found.map((f) => local(f.deadline))).toEqual(expected === null ? [] : [expected]);
  });

  it('reports hours given and posts outside working time', () => {
    const [weekday] = run([message({ at: '11-17 09:00', text: '请各单位今天下班前报送统计表' })]);
    expect(weekday).toMatchObject({ hoursGiven: 9, offHours: false, phrase: '今天下班前' });
    const [saturday] = run([message({ at: '11-21 10:00', text: '请各村今天下午5点前报送' })]);
    expect(saturday).toMatchObject({ hoursGiven: 7, offHours: true });
  });

  it('judges each forwarded copy against its own posting time', () => {
    const text = '【转发】请各站所于今天16:00前将排查台账报党政办';
    const copies = [
      message({ at: '11-17 09:00', group: 'g1@chatroom', text }),
      message({ at: '11-17 09:30', group: 'g2@chatroom', text }),
      message({ at: '11-17 17:00', group: 'g3@chatroom', text }),
    ];
    const found = run(copies);
    expect(found.map((f) => f.messageId)).toEqual([copies[0]?.id, copies[1]?.id]);
    expect(found.map((f) => f.hoursGiven)).toEqual([7, 6.5]);
  });

  it('reads maxHours from the config', () => {
    const msg = message({ at: '11-17 09:00', text: '请于明天上午10点前提交' });
    expect(run([msg], { analysis: { rushed: { maxHours: 30 } } })).toHaveLength(1);
  });

  it('counts a #接龙 chain’s demand once, not on every re-post', () => {
    const head = '#接龙\n请各位今天下班前报送参训名单\n\n';
    const list = [
      message({ at: '11-17 09:00', from: 'a', text: `${head}1. 张伟` }),
      message({ at: '11-17 09:05', from: 'b', text: `${head}1. 张伟\n2. 李娜` }),
    ];
    expect(run(list).map((f) => f.messageId)).toEqual([list[0]?.id]);
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (text) => {
        for (const f of run([message({ at: '11-17 09:00', text })])) {
          expect(f.deadline).toBeGreaterThanOrEqual(f.postedAt);
        }
      }),
    );
  });
});
