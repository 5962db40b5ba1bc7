import { afterEach, describe, expect, it } from 'vitest';
import { playSimulation } from '../../../src/ingest/wechaty/play-simulation.js';
import { simulationOrgMap } from '../../../src/ingest/wechaty/simulation-org-map.js';
import type { InterchangeRecord, MessageRecord } from '../../../src/model/interchange.js';
import { MESSAGE_TYPES } from '../../../src/model/message.js';
import { type RecordingBot, startRecordingBot } from './recording-bot.js';

const ALL_TIME = { week: 'all', from: 0, to: Number.MAX_SAFE_INTEGER };
const HASH = 'ab'.repeat(32);

const message = (m: Partial<MessageRecord> & Pick<MessageRecord, 'id' | 'time'>): MessageRecord => ({
  kind: 'message',
  groupId: 'g-dangjian',
  senderId: 'u-wangjun',
  type: 'text',
  text: '收到',
  mentionAll: false,
  mentionIds: [],
  ...m,
});

const RECORDS: InterchangeRecord[] = [
  { kind: 'contact', id: 'u-wangjun', name: '王军', unit: '街道领导班子' },
  { kind: 'contact', id: 'u-lina', name: '李娜', unit: '东湖社区' },
  {
    kind: 'group',
    id: 'g-dangjian',
    name: '街道党建工作群',
    ownerId: 'u-wangjun',
    memberIds: ['u-wangjun', 'u-lina', 'u-chen'],
    unit: '新浜街道党建办',
    createdAt: '2025-03-02T10:00:00+08:00',
  },
  // A zombie group: members, no messages.
  {
    kind: 'group',
    id: 'g-old',
    name: '2019年人口普查工作群',
    ownerId: null,
    memberIds: ['u-lina', 'u-chen'],
  },
  message({
    id: 'm-1',
    time: '2026-11-17T09:12:05+08:00',
    text: '@所有人\u2005请于今天17:00前报送安全检查台账',
    mentionAll: true,
  }),
  message({
    id: 'm-2',
    time: '2026-11-17T09:13:00+08:00',
    senderId: 'u-lina',
    text: '收到',
    mentionIds: ['u-wangjun'],
  }),
  // Mention-all known only from the export's flag, not from the text.
  message({ id: 'm-3', time: '2026-11-17T21:40:00+08:00', text: '明早8点集合', mentionAll: true }),
  message({
    id: 'm-4',
    time: '2026-11-18T10:00:00+08:00',
    type: 'link',
    text: null,
    link: { title: '关于开展冬季安全检查的通知', url: 'https://example.gov.cn/a.html', description: null },
  }),
  message({
    id: 'm-5',
    time: '2026-11-18T10:01:00+08:00',
    type: 'file',
    text: null,
    file: { name: '检查台账.xlsx', size: 20480, sha256: HASH },
  }),
  message({
    id: 'm-6',
    time: '2026-11-18T10:02:00+08:00',
    senderId: 'u-chen',
    type: 'image',
    text: null,
    file: { name: null, size: null, sha256: null },
  }),
  message({
    id: 'm-7',
    time: '2026-11-18T10:03:00+08:00',
    type: 'miniprogram',
    text: null,
    miniprogram: { title: '周五志愿服务报名', appName: '群接龙' },
  }),
  message({ id: 'm-8', time: '2026-11-18T10:04:00+08:00', type: 'emoticon', text: null }),
  message({ id: 'm-9', time: '2026-11-18T10:05:00+08:00', type: 'recalled', text: 'm-2' }),
  message({ id: 'm-10', time: '2026-11-18T10:06:00+08:00', type: 'system', text: '王军修改群名' }),
  // Not playable: unknown group, time without offset.
  message({ id: 'm-bad-group', time: '2026-11-18T10:07:00+08:00', groupId: 'g-nope' }),
  message({ id: 'm-bad-time', time: '2026-11-18 10:07' }),
];

/** Minimal storage (docs/PRIVACY.md): these keep their class, length and fingerprint, not their text. */
const TEXT_DROPPED = new Map([
  ['m-2', 'ack'],
  ['m-10', 'chat'],
]);

let rb: RecordingBot | undefined;

afterEach(async () => {
  await rb?.stop();
  rb = undefined;
});

describe('playSimulation', () => {
  it('records every playable message with its original id, time, type and details', async () => {
    rb = await startRecordingBot(simulationOrgMap(RECORDS));
    const result = await playSimulation({ ...rb, records: RECORDS, batchSize: 4 });
    expect(result).toEqual({
      contacts: 3,
      groups: 2,
      messages: 10,
      inserted: 10,
      duplicate: 0,
      conflict: 0,
      skipped: 0,
      failed: 0,
      missing: 0,
      rejected: 2,
    });

    const week = rb.store.weekData.load(ALL_TIME);
    const playable = RECORDS.filter(
      (r): r is MessageRecord => r.kind === 'message' && !r.id.startsWith('m-bad'),
    );
    expect(week.messages.map((m) => m.id)).toEqual(playable.map((m) => m.id));
    for (const r of playable) {
      const m = week.messages.find((s) => s.id === r.id);
      expect(m, r.id).toMatchObject({
        source: 'wechaty',
        groupId: r.groupId,
        senderId: r.senderId,
        time: Date.parse(r.time),
        type: r.type,
        text: TEXT_DROPPED.has(r.id) ? null : r.text,
        ...(TEXT_DROPPED.has(r.id) ? { textClass: TEXT_DROPPED.get(r.id) } : {}),
        mentionAll: r.mentionAll,
        mentionIds: r.mentionIds,
        link: r.link ?? null,
        miniprogram: r.miniprogram ?? null,
      });
    }
    const byId = new Map(week.messages.map((m) => [m.id, m]));
    expect(byId.get('m-5')?.file).toEqual({ name: '检查台账.xlsx', size: 20480, sha256: HASH });
    // An all-null file record is no file information at all, as the store reads it back.
    expect(byId.get('m-6')?.file).toBeNull();
    expect(byId.get('m-8')?.file).toBeNull();

    expect(week.groups.map((g) => [g.id, g.name, g.ownerId, g.unit, g.createdAt])).toEqual([
      [
        'g-dangjian',
        '街道党建工作群',
        'u-wangjun',
        '新浜街道党建办',
        Date.parse('2025-03-02T10:00:00+08:00'),
      ],
      ['g-old', '2019年人口普查工作群', null, null, null],
    ]);
    expect(week.members.get('g-dangjian')?.sort()).toEqual(['u-chen', 'u-lina', 'u-wangjun']);
    expect(week.members.get('g-old')?.sort()).toEqual(['u-chen', 'u-lina']);
    expect(week.contacts.get('u-lina')).toEqual({ id: 'u-lina', name: '李娜', unit: '东湖社区' });
    expect(week.contacts.get('u-chen')).toEqual({ id: 'u-chen', name: 'u-chen', unit: null });
  });

  it('plays again as harmless replays', async () => {
    rb = await startRecordingBot();
    await playSimulation({ ...rb, records: RECORDS });
    const again = await playSimulation({ ...rb, records: RECORDS });
    expect(again).toMatchObject({ messages: 10, inserted: 0, duplicate: 10, failed: 0, missing: 0 });
    expect(rb.store.weekData.load(ALL_TIME).messages).toHaveLength(10);
  });

  it('plays a few thousand messages of every type', async () => {
    rb = await startRecordingBot();
    const types = MESSAGE_TYPES.filter((t) => t !== 'other');
    const base = Date.parse('2026-11-16T08:00:00+08:00');
    const many = Array.from({ length: 3000 }, (_, i) =>
      message({
        id: `x-${i}`,
        time: new Date(base + i * 61_000).toISOString(),
        type: types[i % types.length],
        text: `第${i}条`,
        senderId: i % 2 ? 'u-lina' : 'u-wangjun',
      }),
    );
    const result = await playSimulation({ ...rb, records: [...RECORDS.slice(0, 4), ...many] });
    expect(result).toMatchObject({ messages: 3000, inserted: 3000, failed: 0, missing: 0, rejected: 0 });
    const stored = rb.store.weekData.load(ALL_TIME).messages;
    expect(stored).toHaveLength(3000);
    expect(stored.at(-1)).toMatchObject({
      id: 'x-2999',
      time: base + 2999 * 61_000,
      type: types[2999 % types.length],
    });
  });
});
