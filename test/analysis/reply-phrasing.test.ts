import { afterEach, describe, expect, it } from 'vitest';
import { buildWeeklyReport } from '../../src/analysis/weekly-report.js';
import { configSchema } from '../../src/config/schema.js';
import { importJsonl } from '../../src/ingest/jsonl/import-jsonl.js';
import type { Store } from '../../src/store/store.js';
import { analyseStoredWeek } from '../../src/weeks/stored-week.js';
import { openTempStore } from '../fixtures/temp-store.js';
import { tempDir, writeJsonl } from '../ingest/jsonl/interchange-lines.js';

/**
 * How cadres really reply and how real notices demand (issue 12, item 3), pinned through the JSON
 * Lines import and the weekly report: prefixed and committed acknowledgements join the flood,
 * look-alikes do not; standing deadlines are not rushed, 半小时内核实 is.
 */

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const MEMBERS = Array.from({ length: 40 }, (_, i) => `u-${i + 1}`);

/** `at`: local time on a day of 2026-W47 ("11-18 10:00"). */
function line(id: string, sender: string, at: string, text: string): string {
  const [day, time] = at.split(' ');
  return JSON.stringify({
    kind: 'message',
    id,
    groupId: 'g-1@chatroom',
    senderId: sender,
    time: `2026-${day}T${time}:00+08:00`,
    type: 'text',
    text,
  });
}

async function report(lines: string[]) {
  const store = openTempStore();
  stores.push(store);
  const group = JSON.stringify({
    kind: 'group',
    id: 'g-1@chatroom',
    name: '西湖镇工作群',
    ownerId: 'u-1',
    memberIds: MEMBERS,
  });
  await importJsonl(store, [writeJsonl(tempDir(), 'w.jsonl', [group, ...lines])], {
    now: Date.UTC(2026, 11, 1),
  });
  const config = configSchema.parse({});
  return buildWeeklyReport({ ...analyseStoredWeek(store, config, '2026-W47'), timezone: config.timezone });
}

const NOTICE =
  '@所有人 【通知】请各村（社区）于11月25日前将辖区独居老人走访情况报送党政办，逾期未报的将通报。联系人：王军。';

const ACKS = [
  '西湖社区收到',
  '农业农村局收到',
  '东湖社区李娜收到',
  '网格员李娜收到',
  '3组收到',
  '湖滨社区第21网格收到',
  '收到，今天下班前报送',
  '收到，17:00前报送',
  '准时参会',
  '会准时参加',
  '已提交，请查收',
  '收到，立即组织排查',
  '收到👌',
  '🫡',
];
const LOOK_ALIKES = [
  '大家好',
  '早上好',
  '您好',
  '各位领导好',
  '王书记好',
  '谁收到了',
  '收到了吗',
  '收到请回复',
  '没收到',
  '收到，但系统登不上去',
  '都收到了吧',
];

describe('reply phrasing through import and the weekly report', () => {
  it('counts prefixed and committed acknowledgements in the flood, and none of the look-alikes', async () => {
    const replies = [...ACKS, ...LOOK_ALIKES];
    const lines = [
      line('n', 'u-1', '11-17 09:00', NOTICE),
      ...replies.map((text, i) =>
        line(`r${i}`, `u-${i + 2}`, `11-17 09:${String(i + 1).padStart(2, '0')}`, text),
      ),
    ];
    const r = await report(lines);
    expect(r.ackFloods).toHaveLength(1);
    const counted = new Set(r.ackFloods[0]?.messageIds);
    expect(ACKS.filter((_, i) => !counted.has(`r${i}`))).toEqual([]);
    expect(LOOK_ALIKES.filter((_, i) => counted.has(`r${ACKS.length + i}`))).toEqual([]);
    // A reply that promises a time is no demand of its own, and "3组收到" is no number-off.
    expect(r.rushedRequests).toEqual([]);
    expect(r.rollCalls).toEqual([]);
  });

  it('reads standing deadlines as no rushed demand, and 半小时内核实 / 一小时内摸排 as rushed ones', async () => {
    // Wednesday 18 November 2026.
    const r = await report([
      line('standing-week', 'u-1', '11-18 09:00', '请各村每周三下班前报送本周工作台账'),
      line('standing-month', 'u-1', '11-18 09:10', '请各村每月5日前报送上月数据'),
      line('standing-day', 'u-1', '11-18 09:20', '每天下午5点前报送当日巡查情况'),
      line('half-hour', 'u-1', '11-18 10:00', '@所有人 半小时内核实辖区在外务工人员情况'),
      line('one-hour', 'u-1', '11-18 11:00', '一小时内摸排独居老人情况报党政办'),
      line('checking', 'u-1', '11-18 14:00', '请各村今天下午5点前统计返乡人员'),
      line('later', 'u-1', '11-18 15:00', '请于11月25日前完成辖区隐患排查'),
    ]);
    expect(r.rushedRequests.map((x) => x.messageId).sort()).toEqual(['checking', 'half-hour', 'one-hour']);
  });
});
