import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ArchiveImportOptions, importArchive } from '../../../src/ingest/archive/import-archive.js';
import type { ImportProblem } from '../../../src/ingest/jsonl/import-problem.js';
import type { Store } from '../../../src/store/store.js';
import { openTempStore } from '../../fixtures/temp-store.js';
import { dumpStore } from '../jsonl/store-dump.js';
import { column, FIXTURES, fixture, mentionAllCounts, messageRow, NOW, typeCounts } from './store-counts.js';

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

// These tests check what each format carries, so every text is kept (minimal storage: test/privacy/).
function newStore(): Store {
  const store = openTempStore({ keepText: 'all' });
  stores.push(store);
  return store;
}

async function run(store: Store, files: string[], options: ArchiveImportOptions = {}) {
  const problems: ImportProblem[] = [];
  const summary = await importArchive(store, files.map(fixture), {
    now: NOW,
    onProblem: (p) => problems.push(p),
    ...options,
  });
  return { summary, problems: problems.map((p) => String(p).replace(`${FIXTURES}/`, '')) };
}

const WECHATMSG = 'wechatmsg/聊天记录/新浜镇党建工作群/新浜镇党建工作群_utf8.csv';
const WECOM_A = 'wrjc7bDwYAhAYk-mJwWJr7lLtqnsRSmw';
const CHATLOG_ROOM = '44920588234@chatroom';
const PYW_ROOM = '25984984710@chatroom';
const CHATLAB_ROOM = '38988428513@chatroom';

interface Case {
  files: string[];
  options?: ArchiveImportOptions;
  counts: Record<string, Record<string, number>>;
  mentionAll: Record<string, number>;
  unknownTypes: Record<string, number>;
  skipped: Record<string, number>;
  problems: string[];
}

const CASES: Record<string, Case> = {
  'WeCom archive (JSON lines, JSON array, group details)': {
    files: ['wecom-messages.jsonl', 'wecom-messages-array.json', 'wecom-groups.json'],
    counts: {
      [WECOM_A]: { text: 4, image: 1, link: 1, file: 1, miniprogram: 1, emoticon: 1, recalled: 1, other: 2 },
      wrBBBbDwYAhAYk: {},
    },
    mentionAll: { [WECOM_A]: 1, 'wrBBBbDwYAhAYk-mJwWJr7lLtqnsRSmw': 1 },
    unknownTypes: { holiday_greeting: 1 },
    skipped: { private: 1, switch: 1 },
    problems: [
      'wecom-messages.jsonl:14: msgid: required',
      'wecom-messages-array.json: [1].msgtime: not a time "not a time"',
    ],
  },
  'chatlog JSON': {
    files: ['chatlog-messages.json'],
    counts: {
      [CHATLOG_ROOM]: {
        text: 3,
        image: 1,
        link: 1,
        file: 1,
        miniprogram: 1,
        emoticon: 1,
        recalled: 2,
        system: 1,
        other: 3,
      },
    },
    mentionAll: { [CHATLOG_ROOM]: 1 },
    unknownTypes: { '49/777': 1, '99999': 1 },
    skipped: { private: 1 },
    problems: ['chatlog-messages.json: [15].time: not a time "yesterday"'],
  },
  'chatlog CSV (API columns)': {
    files: ['chatlog-api.csv'],
    counts: {
      [CHATLOG_ROOM]: {
        text: 4,
        image: 1,
        link: 1,
        file: 1,
        miniprogram: 1,
        emoticon: 1,
        recalled: 1,
        system: 1,
        other: 2,
      },
    },
    mentionAll: { [CHATLOG_ROOM]: 1 },
    unknownTypes: { '99999': 1 },
    skipped: { private: 1 },
    problems: ['chatlog-api.csv:20: Time: not a time "11-16 19:30:00"'],
  },
  'chatlog CSV (export columns)': {
    files: ['chatlog-export.csv'],
    counts: { [CHATLOG_ROOM]: { text: 1, link: 1, file: 1, miniprogram: 1, recalled: 1, other: 2 } },
    mentionAll: { [CHATLOG_ROOM]: 1 },
    unknownTypes: { '49/4242': 1 },
    skipped: {},
    problems: [],
  },
  'WeChatMsg CSV with a roster': {
    files: [WECHATMSG],
    options: { roster: fixture('roster.csv') },
    counts: {
      'xb-dangjian@chatroom': {
        text: 5,
        image: 1,
        link: 1,
        file: 1,
        miniprogram: 1,
        emoticon: 1,
        recalled: 2,
        system: 1,
        other: 2,
      },
    },
    mentionAll: { 'xb-dangjian@chatroom': 1 },
    unknownTypes: { '12345': 1 },
    skipped: {},
    problems: [
      'roster.csv:6: 群ID: required',
      `${WECHATMSG}:18: line: has 4 fields, the header has 12 (broken quoting?)`,
    ],
  },
  'PyWxDump CSV (UTF-8 and GB18030)': {
    files: ['pywxdump-chat.csv', 'pywxdump-gb18030.csv'],
    counts: {
      [PYW_ROOM]: {
        text: 5,
        image: 1,
        link: 1,
        file: 1,
        miniprogram: 1,
        emoticon: 1,
        recalled: 3,
        system: 1,
        other: 2,
      },
    },
    mentionAll: { [PYW_ROOM]: 1 },
    unknownTypes: { 全新类型: 1 },
    skipped: { private: 1 },
    problems: ['pywxdump-chat.csv:22: CreateTime: not a valid date and time "2026-13-45 09:00:00"'],
  },
  'ChatLab JSON and JSONL': {
    files: ['chatlab-group.json', 'chatlab-group.jsonl', 'chatlab-private.json'],
    options: { roster: fixture('roster.yaml') },
    counts: {
      [CHATLAB_ROOM]: {
        text: 4,
        image: 1,
        link: 1,
        file: 1,
        miniprogram: 1,
        emoticon: 1,
        recalled: 1,
        system: 2,
        other: 2,
      },
      [CHATLOG_ROOM]: { text: 2, image: 1, link: 1 },
    },
    mentionAll: { [CHATLAB_ROOM]: 1, [CHATLOG_ROOM]: 1 },
    unknownTypes: { '42': 1 },
    skipped: { private: 2 },
    problems: [
      'chatlab-group.json: messages[14].timestamp: expected a time, got undefined',
      'chatlab-group.jsonl:9: line: invalid JSON (truncated line?)',
    ],
  },
};

describe('importArchive: each format imports its fixture with the right counts per type', () => {
  it.each(Object.entries(CASES))('%s', async (_, c) => {
    const store = newStore();
    const { summary, problems } = await run(store, c.files, c.options);
    const counts = typeCounts(store);
    for (const [group, expected] of Object.entries(c.counts)) {
      const id = Object.keys(counts).find((g) => g.startsWith(group)) ?? group;
      if (Object.keys(expected).length > 0) expect(counts[id]).toEqual(expected);
    }
    expect(mentionAllCounts(store)).toEqual(
      Object.fromEntries(
        Object.entries(c.mentionAll).map(([g, n]) => [Object.keys(counts).find((k) => k.startsWith(g)), n]),
      ),
    );
    expect(summary.unknownTypes).toEqual(c.unknownTypes);
    expect(summary.skipped).toEqual(c.skipped);
    expect(problems).toEqual(c.problems);
    expect(summary.rejected).toBe(c.problems.length);
    const stored = store.db.prepare('SELECT COUNT(*) FROM messages').pluck().get();
    expect(summary.messages.imported).toBe(stored);
  });

  it.each(Object.entries(CASES))('stores nothing new when %s is imported again', async (_, c) => {
    const store = newStore();
    const first = await run(store, c.files, c.options);
    const before = dumpStore(store);
    const { summary } = await run(store, c.files, c.options);
    expect(summary.messages).toMatchObject({ imported: 0, duplicate: first.summary.messages.imported });
    expect(
      summary.groups.imported + summary.groups.updated + summary.contacts.imported + summary.contacts.updated,
    ).toBe(0);
    expect(dumpStore(store)).toEqual(before);
  });

  it('gives the same store whatever the batch size', async () => {
    const one = newStore();
    const many = newStore();
    for (const c of Object.values(CASES)) {
      await run(one, c.files, { ...c.options, batchSize: 1 });
      await run(many, c.files, c.options);
    }
    expect(dumpStore(one)).toEqual(dumpStore(many));
  });
});

describe('importArchive: what each format keeps', () => {
  it('WeCom: ids, hashes, seconds-or-milliseconds times, recalls naming the earlier message, group details', async () => {
    const store = newStore();
    await run(store, ['wecom-messages.jsonl', 'wecom-groups.json']);
    const recalled = 'CAQQ2uDa4QUY0On2rYSAgAMg9PnShAE=';
    expect(messageRow(store, recalled)).toMatchObject({
      source: 'wecom',
      time: 1_794_790_890_000,
      text: '收到',
    });
    expect(messageRow(store, 'revoke-0001')).toMatchObject({
      type: 'recalled',
      text: recalled,
      sender_id: 'LiNa',
    });
    expect(messageRow(store, 'img-0001')).toMatchObject({
      file_hash: '50de84b64e3a3a61b2ade7ae8a6b93b4',
      file_size: 70961,
    });
    expect(messageRow(store, 'file-0001')).toMatchObject({
      file_name: '消防安全排查表.xlsx',
      file_size: 18574,
    });
    expect(messageRow(store, 'link-0001')).toMatchObject({ link_url: 'https://mp.weixin.qq.com/s/abc123' });
    expect(messageRow(store, 'weapp-0001')).toMatchObject({
      app_name: '群接龙',
      app_title: '11月18日消防培训参会人员',
    });
    expect(messageRow(store, 'mixed-0001')).toMatchObject({
      type: 'text',
      text: '东湖社区已完成排查，照片如下',
    });
    expect(store.groups.find(WECOM_A)).toMatchObject({
      name: '新浜街道消防安全工作群',
      ownerId: 'WangJun',
      createdAt: 1_735_693_200_000,
    });
    expect(store.snapshots.membersAt(WECOM_A, NOW)).toEqual(['LiNa', 'WangJun', 'ZhaoMin']);
  });

  it('chatlog JSON: app details, local and unix times, system lines without a sender', async () => {
    const store = newStore();
    await run(store, ['chatlog-messages.json']);
    const id = (seq: string) => `${CHATLOG_ROOM}#${seq}`;
    expect(messageRow(store, id('1794791100000'))).toMatchObject({ type: 'image', time: 1_794_791_100_000 });
    expect(messageRow(store, id('1794798000000'))).toMatchObject({ type: 'miniprogram', app_name: '群接龙' });
    expect(messageRow(store, id('1794794520000'))).toMatchObject({ file_name: '网格巡查台账.xlsx' });
    expect(messageRow(store, id('1794812400000'))).toMatchObject({
      type: 'recalled',
      text: '7253964913452716049',
    });
    expect(messageRow(store, id('1794816000000'))).toMatchObject({
      type: 'recalled',
      text: null,
      sender_id: null,
    });
    expect(messageRow(store, id('1794816000001'))).toMatchObject({ type: 'system', sender_id: null });
    expect(messageRow(store, id('1794826800000'))).toMatchObject({
      type: 'text',
      time: 1_794_826_800_000,
      text: '好的，马上改',
    });
    expect(store.groups.find(CHATLOG_ROOM)?.name).toBe('东湖社区网格员群');
    expect(column(store, 'SELECT name FROM contacts ORDER BY id')).toEqual(['李娜', '王军', '赵敏']);
  });

  it('chatlog CSV: quoted multi-line text intact, exact repeats both kept, chatlog renderings read back', async () => {
    const store = newStore();
    await run(store, ['chatlog-api.csv']);
    const text = column(store, "SELECT text FROM messages WHERE type = 'text' ORDER BY time, source_id");
    expect(text[0]).toBe(
      '@所有人 关于报送材料的通知：\n一、各网格于今天17:00前报送；\n二、报送格式见附件，"务必"按时。',
    );
    expect(text.filter((t) => t === '收到')).toHaveLength(2);
    expect(text).toContain('好的，马上改');
    const row = (type: string) =>
      store.db.prepare('SELECT * FROM messages WHERE type = ?').get(type) as Record<string, unknown>;
    expect(row('link')).toMatchObject({
      link_title: '冬季消防安全大检查, 请转发',
      link_url: 'https://mp.weixin.qq.com/s/abc123',
    });
    expect(row('file')).toMatchObject({
      file_name: '网格巡查台账.xlsx',
      file_hash: '18e93fc2ea884df23b3d2d3b8667b9f0',
    });
    expect(row('image')).toMatchObject({ file_hash: '50de84b64e3a3a61b2ade7ae8a6b93b4' });
    expect(row('miniprogram')).toMatchObject({ app_name: '群接龙' });
    expect(column(store, 'SELECT DISTINCT source FROM messages')).toEqual(['chatlog-csv']);
  });

  it('WeChatMsg: the group id comes from the roster by name, else from TalkerId; XML details; times in s, ms or text', async () => {
    const withRoster = newStore();
    await run(withRoster, [WECHATMSG, 'roster.csv'], { selfId: 'wxid_me' });
    expect(withRoster.groups.find('xb-dangjian@chatroom')).toMatchObject({
      name: '新浜镇党建工作群',
      unit: '党建办',
    });
    const row = (localId: string) =>
      withRoster.db.prepare('SELECT * FROM messages WHERE source_id LIKE ?').get(`7:${localId}:%`) as Record<
        string,
        unknown
      >;
    expect(row('2')).toMatchObject({ sender_id: 'wxid_me', text: '收到' });
    expect(row('4')).toMatchObject({
      link_title: '学习贯彻全会精神&专题党课',
      link_url: 'https://mp.weixin.qq.com/s/xyz',
    });
    expect(row('5')).toMatchObject({ file_name: '党员学习台账.docx', file_size: 24576 });
    expect(row('6')).toMatchObject({ type: 'miniprogram', app_name: '接龙管家', app_title: '主题党日报名' });
    expect(row('8')).toMatchObject({ time: 1_794_812_400_000 });
    expect(row('9')).toMatchObject({ type: 'recalled', text: '7253964913452716008' });
    expect(row('15')).toMatchObject({ time: Date.parse('2026-11-16T19:00:00+08:00') });
    expect(row('1')?.text).toBe('@所有人 请各支部于本周五前提交\n党员学习台账');

    const without = newStore();
    await run(without, [WECHATMSG]);
    // Scoped by the chat's name: TalkerId alone collides across accounts (issue 13).
    expect(without.groups.find('wechatmsg:7:新浜镇党建工作群')).toMatchObject({ name: '新浜镇党建工作群' });
    expect(
      without.db.prepare("SELECT sender_id FROM messages WHERE source_id LIKE '7:2:%'").pluck().get(),
    ).toBeNull();
  });

  it('PyWxDump: 我 is the given self id, recalls by server id, link and file details, GB18030 decoded', async () => {
    const store = newStore();
    await run(store, ['pywxdump-chat.csv', 'pywxdump-gb18030.csv'], { selfId: 'wxid_me' });
    expect(messageRow(store, '7253964913452716002')).toMatchObject({ sender_id: 'wxid_me', text: '收到' });
    expect(messageRow(store, '7253964913452716011')).toMatchObject({
      type: 'recalled',
      text: '7253964913452716002',
    });
    expect(messageRow(store, '7253964913452716005')).toMatchObject({
      link_title: '关于开展冬季消防安全大检查的通知',
      link_description: '各社区、各单位',
      link_url: 'https://mp.weixin.qq.com/s/abc123',
    });
    expect(messageRow(store, '7253964913452716006')).toMatchObject({ file_name: '安全生产台账.xlsx' });
    expect(messageRow(store, '7253964913452716013')).toMatchObject({
      type: 'text',
      text: '好的',
      mention_all: 0,
    });
    expect(messageRow(store, '8000000000000000001')).toMatchObject({ text: '另存为GBK的表格：请核对名单' });
  });

  it('ChatLab: members become the roster (role owner first), names contacts, ids scoped by chat', async () => {
    const store = newStore();
    await run(store, ['chatlab-group.json', 'chatlab-group.jsonl']);
    expect(store.groups.find(CHATLAB_ROOM)).toMatchObject({
      name: '新浜镇文明创建群',
      ownerId: 'wxid_wangjun',
    });
    expect(store.snapshots.membersAt(CHATLAB_ROOM, NOW)).toEqual([
      'wxid_lina',
      'wxid_wangjun',
      'wxid_zhaomin',
    ]);
    expect(column(store, 'SELECT name FROM contacts WHERE id = ?', 'wxid_wangjun')).toEqual(['王军-文明办']);
    expect(messageRow(store, `${CHATLAB_ROOM}#msg_008`)).toMatchObject({
      type: 'recalled',
      text: `${CHATLAB_ROOM}#msg_002`,
    });
    expect(messageRow(store, `${CHATLAB_ROOM}#msg_006`)).toMatchObject({
      app_name: '群接龙',
      app_title: '周六志愿服务报名',
    });
    expect(messageRow(store, `${CHATLAB_ROOM}#msg_003`)).toMatchObject({ time: 1_794_791_100_000 });
    // Without a groupId or roster the JSONL chat is named by platform and name; its late member still counts.
    const jsonl = 'chatlab:wechat:东湖社区网格员群';
    expect(store.snapshots.membersAt(jsonl, NOW)).toEqual(['wxid_lina', 'wxid_wangjun', 'wxid_zhaomin']);
    expect(store.groups.find(jsonl)).toMatchObject({ name: '东湖社区网格员群', ownerId: 'wxid_wangjun' });
    expect(typeCounts(store)[jsonl]).toEqual({ text: 2, image: 1, link: 1 });
  });
});

describe('importArchive: rosters, overrides and bad input', () => {
  it('applies the organisation map to groups it creates', async () => {
    const store = newStore();
    await run(store, ['chatlog-api.csv'], {
      org: { ownerOverrides: { [CHATLOG_ROOM]: 'wxid_wangjun' }, groupUnits: { [CHATLOG_ROOM]: '东湖社区' } },
    });
    expect(store.groups.find(CHATLOG_ROOM)).toMatchObject({ ownerId: 'wxid_wangjun', unit: '东湖社区' });
  });

  it('YAML rosters name groups, owners, units, members and contacts; a group without members keeps its roster', async () => {
    const store = newStore();
    await run(store, ['chatlab-group.json']);
    const { summary } = await run(store, ['roster.yaml']);
    expect(summary.groups).toMatchObject({ imported: 1, updated: 0, duplicate: 1, rejected: 0 });
    expect(store.groups.find(CHATLOG_ROOM)).toMatchObject({
      ownerId: 'wxid_wangjun',
      unit: '东湖社区',
      createdAt: Date.parse('2025-03-02T10:00:00+08:00'),
    });
    expect(store.snapshots.membersAt(CHATLOG_ROOM, NOW)).toEqual([
      'wxid_lina',
      'wxid_wangjun',
      'wxid_zhaomin',
    ]);
    expect(store.snapshots.membersAt(CHATLAB_ROOM, NOW)).toHaveLength(3);
    expect(column(store, 'SELECT unit FROM contacts WHERE id = ?', 'wxid_wangjun')).toEqual(['新浜镇党建办']);
  });

  it('reports a file of no known format and imports the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingqun-archive-'));
    const bad = join(dir, 'notes.csv');
    writeFileSync(bad, 'id,name,price\n1,apple,3\n');
    const store = newStore();
    const problems: string[] = [];
    const summary = await importArchive(store, [bad, fixture('chatlog-export.csv')], {
      now: NOW,
      onProblem: (p) => problems.push(String(p)),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(`^${bad}: file: not a format qingqun can import: expected one of `),
    );
    expect(summary.files.map((f) => [f.format, f.unreadable])).toEqual([
      [null, 1],
      ['chatlog', 0],
    ]);
    expect(summary.rejected).toBe(1);
    expect(summary.messages.imported).toBe(7);
  });

  it('with --format, refuses files of another format by name and says what it expected', async () => {
    const store = newStore();
    const { summary, problems } = await run(store, ['pywxdump-chat.csv'], { format: 'wechatmsg' });
    expect(problems).toEqual([
      'pywxdump-chat.csv: file: not a wechatmsg file: expected WeChatMsg/留痕 CSV ' +
        '(localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender); ' +
        'it looks like pywxdump (pywxdump-csv)',
    ]);
    expect(summary.messages.imported).toBe(0);
  });

  it('reports a missing file and goes on', async () => {
    const store = newStore();
    const { summary, problems } = await run(store, ['no-such-file.csv', 'chatlog-export.csv']);
    expect(problems).toEqual(['no-such-file.csv: file: cannot read (ENOENT)']);
    expect(summary.messages.imported).toBe(7);
  });

  it('hands qingqun JSON Lines to the interchange importer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingqun-archive-'));
    const file = join(dir, 'o.jsonl');
    writeFileSync(
      file,
      [
        '{"kind":"group","id":"g-1@chatroom","name":"群","memberIds":["u-1"]}',
        '{"kind":"message","id":"m-1","groupId":"g-1@chatroom","senderId":"u-1","time":"2026-11-16T09:00:00+08:00","type":"text","text":"@所有人 开会"}',
      ].join('\n'),
    );
    const store = newStore();
    const summary = await importArchive(store, [file], { now: NOW });
    expect(summary.files[0]).toMatchObject({
      format: 'jsonl',
      messages: { imported: 1 },
      groups: { imported: 1 },
    });
    expect(messageRow(store, 'm-1')).toMatchObject({ source: 'jsonl', mention_all: 1 });
  });

  it('refuses times before 2000 and more than a day in the future, naming the likely mix-up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingqun-archive-'));
    const file = join(dir, 'wecom.jsonl');
    const line = (msgid: string, msgtime: number) =>
      JSON.stringify({
        msgid,
        action: 'send',
        from: 'a',
        roomid: 'r1',
        msgtime,
        msgtype: 'text',
        text: { content: 'x' },
      });
    writeFileSync(
      file,
      [line('ok', 1_794_790_800_000), line('tiny', 1_794_790_800_000 / 1e6), line('huge', NOW * 1000)].join(
        '\n',
      ),
    );
    const store = newStore();
    const problems: string[] = [];
    await importArchive(store, [file], {
      now: NOW,
      onProblem: (p) => problems.push(String(p).replace(`${dir}/`, '')),
    });
    expect(problems).toEqual([
      'wecom.jsonl:2: time: before 2000: seconds read as milliseconds?',
      'wecom.jsonl:3: time: more than 1 day in the future: milliseconds read as seconds?',
    ]);
    expect(column(store, 'SELECT source_id FROM messages')).toEqual(['ok']);
  });
});
