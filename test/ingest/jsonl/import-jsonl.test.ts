import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ImportOptions, importJsonl } from '../../../src/ingest/jsonl/import-jsonl.js';
import type { ImportProblem } from '../../../src/ingest/jsonl/import-problem.js';
import type { StoredMessage } from '../../../src/model/message.js';
import { MESSAGE_COLUMNS, type MessageRow, toStoredMessage } from '../../../src/store/message-row.js';
import type { Store } from '../../../src/store/store.js';
import { openTempStore } from '../../fixtures/temp-store.js';
import { contactLine, groupLine, messageLine, NOW, tempDir, writeJsonl } from './interchange-lines.js';
import { dumpStore, sameRowsIn } from './store-dump.js';

const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function newStore(): Store {
  const store = openTempStore();
  stores.push(store);
  return store;
}

async function run(store: Store, files: string[], options: ImportOptions = {}) {
  const problems: ImportProblem[] = [];
  const summary = await importJsonl(store, files, {
    now: NOW,
    onProblem: (p) => problems.push(p),
    ...options,
  });
  return { summary, problems: problems.map(String) };
}

function messages(store: Store): StoredMessage[] {
  const rows = store.db
    .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages ORDER BY row_id`)
    .all() as MessageRow[];
  return rows.map(toStoredMessage);
}

const HASH = 'A1'.repeat(32);

/** A small organisation: two groups, three contacts, one message of every type. */
function goodLines(): string[] {
  return [
    contactLine(),
    contactLine({ id: 'u-wangjun', name: '王军', unit: '新浜街道党建办' }),
    contactLine({ id: 'u-zhao', name: '赵敏', unit: null }),
    groupLine(),
    groupLine({
      id: 'g-anquan',
      name: '安全生产群',
      ownerId: null,
      unit: undefined,
      createdAt: undefined,
      memberIds: ['u-zhao'],
    }),
    messageLine({
      id: 'm-1',
      text: '@所有人\u2005请于今天17:00前报送材料',
      time: '2026-11-17T09:00:00+08:00',
      senderId: 'u-wangjun',
    }),
    messageLine({ id: 'm-2' }),
    messageLine({
      id: 'm-3',
      type: 'link',
      text: null,
      link: { title: '关于开展检查的通知', url: 'https://example.gov.cn/a', description: null },
    }),
    messageLine({
      id: 'm-4',
      type: 'file',
      text: null,
      file: { name: '通知.docx', size: 12345, sha256: HASH },
    }),
    messageLine({ id: 'm-5', type: 'image', text: null, file: { name: null, size: 2048, sha256: null } }),
    messageLine({
      id: 'm-6',
      type: 'miniprogram',
      text: null,
      miniprogram: { title: '#接龙 学习', appName: '群接龙' },
    }),
    messageLine({ id: 'm-7', type: 'emoticon', text: null }),
    messageLine({ id: 'm-8', type: 'recalled', text: 'm-2' }),
    messageLine({ id: 'm-9', type: 'system', text: '"王军"邀请"赵敏"加入了群聊' }),
    messageLine({
      id: 'm-10',
      groupId: 'g-anquan',
      senderId: 'u-never-declared',
      text: '@所有人员名单见附件',
      mentionIds: ['u-zhao'],
    }),
    messageLine({ id: 'm-11', groupId: 'g-anquan', mentionAll: true, text: '请大家注意' }),
  ];
}

describe('importJsonl: good input', () => {
  it('stores every kind and type as given, and says so in the summary', async () => {
    const store = newStore();
    const file = writeJsonl(tempDir(), 'org.jsonl', goodLines());
    const { summary, problems } = await run(store, [file]);

    expect(problems).toEqual([]);
    expect(summary).toMatchObject({
      groups: { imported: 2, updated: 0, duplicate: 0, rejected: 0 },
      contacts: { imported: 3, updated: 0, duplicate: 0, rejected: 0 },
      messages: { imported: 11, updated: 0, duplicate: 0, rejected: 0 },
      unreadable: 0,
      rejected: 0,
    });
    expect(summary.files).toEqual([expect.objectContaining({ file, lines: 16, rejected: 0 })]);

    const byId = new Map(messages(store).map((m) => [m.id, m]));
    expect(byId.get('m-1')).toMatchObject({
      source: 'jsonl',
      groupId: 'g-dangjian',
      senderId: 'u-wangjun',
      time: Date.UTC(2026, 10, 17, 1, 0),
      mentionAll: true,
    });
    // An acknowledgement keeps its class, length and fingerprint, not its text (docs/PRIVACY.md).
    expect(byId.get('m-2')).toMatchObject({
      text: null,
      textClass: 'ack',
      textLength: 2,
      mentionAll: false,
      link: null,
      file: null,
      miniprogram: null,
    });
    expect(byId.get('m-3')?.link).toEqual({
      title: '关于开展检查的通知',
      url: 'https://example.gov.cn/a',
      description: null,
    });
    expect(byId.get('m-4')?.file).toEqual({ name: '通知.docx', size: 12345, sha256: HASH.toLowerCase() });
    expect(byId.get('m-5')?.file).toEqual({ name: null, size: 2048, sha256: null });
    expect(byId.get('m-6')?.miniprogram).toEqual({ title: '#接龙 学习', appName: '群接龙' });
    expect(byId.get('m-8')).toMatchObject({ type: 'recalled', text: 'm-2' });
    // An undeclared sender is kept as given; "@所有人员" is not a mention of everyone.
    expect(byId.get('m-10')).toMatchObject({
      senderId: 'u-never-declared',
      mentionAll: false,
      mentionIds: ['u-zhao'],
    });
    expect(byId.get('m-11')).toMatchObject({ mentionAll: true });

    const groups = store.db.prepare('SELECT id, owner_id, unit, created_at FROM groups ORDER BY id').all();
    expect(groups).toEqual([
      { id: 'g-anquan', owner_id: null, unit: null, created_at: null },
      {
        id: 'g-dangjian',
        owner_id: 'u-wangjun',
        unit: '新浜街道党建办',
        created_at: Date.UTC(2025, 2, 2, 2),
      },
    ]);
    const snapshots = store.db
      .prepare('SELECT group_id, taken_at, member_count FROM membership_snapshots ORDER BY group_id')
      .all();
    // The roster is dated at the group's creation, or at "now" when the record has no createdAt.
    expect(snapshots).toEqual([
      { group_id: 'g-anquan', taken_at: NOW, member_count: 1 },
      { group_id: 'g-dangjian', taken_at: Date.UTC(2025, 2, 2, 2), member_count: 2 },
    ]);
  });

  it('reads a file with a BOM and CRLF line ends like any other', async () => {
    const plain = newStore();
    const windows = newStore();
    const dir = tempDir();
    const lines = goodLines();
    await run(plain, [writeJsonl(dir, 'plain.jsonl', lines)]);
    const [first = '', ...rest] = lines;
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(first)]);
    const { summary, problems } = await run(windows, [
      writeJsonl(dir, 'windows.jsonl', [bom, ...rest, ''], '\r\n'),
    ]);
    expect(problems).toEqual([]);
    expect(summary.messages.imported).toBe(11);
    expect(dumpStore(windows)).toEqual(dumpStore(plain));
  });

  it('re-importing changes nothing and reports 0 new', async () => {
    const store = newStore();
    const file = writeJsonl(tempDir(), 'org.jsonl', goodLines());
    await run(store, [file]);
    const before = dumpStore(store);
    const { summary, problems } = await run(store, [file], { now: NOW + 86_400_000 });
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({
      groups: { imported: 0, updated: 0, duplicate: 2 },
      contacts: { imported: 0, updated: 0, duplicate: 3 },
      messages: { imported: 0, duplicate: 11 },
      rejected: 0,
    });
    expect(dumpStore(store)).toEqual(before);
  });

  it('counts changed group and contact descriptions as updates', async () => {
    const store = newStore();
    const dir = tempDir();
    await run(store, [writeJsonl(dir, 'a.jsonl', [groupLine(), contactLine()])]);
    const { summary } = await run(store, [
      writeJsonl(dir, 'b.jsonl', [
        groupLine({ memberIds: ['u-wangjun', 'u-lina', 'u-zhao'] }),
        contactLine({ name: '李娜（东湖）' }),
        groupLine({ id: 'g-new' }),
      ]),
    ]);
    expect(summary.groups).toEqual({ imported: 1, updated: 1, duplicate: 0, rejected: 0 });
    expect(summary.contacts).toEqual({ imported: 0, updated: 1, duplicate: 0, rejected: 0 });
  });

  it('gives the same store and counts whatever the batch size', async () => {
    const dir = tempDir();
    const lines = [...goodLines(), '{bad', messageLine({ id: 'm-2', text: '不一样的内容' })];
    const file = writeJsonl(dir, 'org.jsonl', lines);
    const results = [];
    for (const batchSize of [1, 3, 5000]) {
      const store = newStore();
      const result = await run(store, [file], { batchSize });
      results.push({ ...result, dump: dumpStore(store) });
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(results[0]?.summary.rejected).toBe(2);
  });

  it('keeps a 10 MB line within a raised limit', async () => {
    const store = newStore();
    const text = '通'.repeat(3_500_000); // 10.5 MB of UTF-8
    const file = writeJsonl(tempDir(), 'big.jsonl', [groupLine(), messageLine({ text })]);
    const { summary, problems } = await run(store, [file], { maxLineBytes: 16 * 1024 * 1024 });
    expect(problems).toEqual([]);
    expect(summary.messages.imported).toBe(1);
    expect(messages(store)[0]?.textLength).toBe(3_500_000);
  });
});

describe('importJsonl: bad input', () => {
  it('names each bad line, stores the good ones and changes nothing already stored', async () => {
    const store = newStore();
    const dir = tempDir();
    await run(store, [writeJsonl(dir, 'first.jsonl', goodLines())]);
    const before = dumpStore(store);

    const lines: (string | Buffer)[] = [
      messageLine({ id: 'n-1' }), // 1 good
      messageLine({ id: 'n-2' }).slice(0, 50), // 2 truncated
      '{"kind":"message",,}', // 3 invalid JSON
      messageLine({ id: 'n-3', mentionAll: 'yes' }), // 4 wrong type
      messageLine({ id: undefined }), // 5 missing id
      '{"kind":"room","id":"g-x"}', // 6 unknown kind
      messageLine({ id: 'n-4', type: 'video' }), // 7 unknown type
      `{"kind":"message","id":"n-5","text":"${'长'.repeat(4_000_000)}"}`, // 8 a 12 MB line
      Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), // 9 invalid UTF-8
      Buffer.from(`${messageLine({ id: 'n-6' }).slice(0, 20)}\u0000\u0000`), // 10 NUL bytes
      messageLine({ id: 'n-7', time: '2026-11-17T09:12:05' }), // 11 no offset
      messageLine({ id: 'n-8', time: '2030-01-01T00:00:00+08:00' }), // 12 far future
      messageLine({ id: 'n-9', groupId: 'g-nowhere' }), // 13 undeclared group
      messageLine({ id: 'm-2', text: '收到了' }), // 14 same id, different content
      messageLine({
        id: 'm-3',
        type: 'link',
        text: null,
        link: { title: '关于开展检查的通知', url: 'https://example.gov.cn/a', description: null },
      }), // 15 duplicate
      '', // 16 blank: skipped silently
      messageLine({ id: 'n-10', groupId: 'g-late' }), // 17 group declared only later
      groupLine({ id: 'g-late', createdAt: null }), // 18 good
      messageLine({ id: 'n-11', groupId: 'g-late', senderId: 'u-stranger' }), // 19 good: undeclared sender
      messageLine({ id: 'n-12', type: 'file', file: { size: -3 } }), // 20 negative size
      messageLine({ id: 'n-13', type: 'file', file: { sha256: 'xyz' } }), // 21 bad hash
      contactLine({ id: '' }), // 22 empty contact id
      messageLine({ id: 'n-1', senderId: 'u-other' }), // 23 conflicts with line 1 of this file
    ];
    const file = writeJsonl(dir, 'bad.jsonl', lines);
    const { summary, problems } = await run(store, [file]);

    expect(problems).toEqual([
      `${file}:2: line: invalid JSON: ends early (truncated line?)`,
      `${file}:3: line: invalid JSON at character 19`,
      `${file}:4: mentionAll: expected boolean, got string`,
      `${file}:5: id: required`,
      `${file}:6: kind: unknown kind "room" (expected group, contact or message)`,
      `${file}:7: type: unknown type "video" (expected one of text, link, file, image, miniprogram, emoticon, recalled, system)`,
      `${file}:8: line: longer than 1048576 bytes (12000039 bytes); not read`,
      `${file}:9: line: not valid UTF-8`,
      `${file}:10: line: contains NUL bytes`,
      `${file}:11: time: missing timezone offset`,
      `${file}:12: time: more than 1 day in the future`,
      `${file}:13: groupId: unknown group g-nowhere`,
      `${file}:14: id: already stored with different content`,
      `${file}:17: groupId: unknown group g-late`,
      `${file}:20: file.size: must be at least 0`,
      `${file}:21: file.sha256: expected 64 hexadecimal characters`,
      `${file}:22: id: must be a non-empty id`,
      `${file}:23: id: already stored with different content`,
    ]);
    expect(summary).toMatchObject({
      groups: { imported: 1, rejected: 0 },
      contacts: { imported: 0, rejected: 1 },
      messages: { imported: 2, duplicate: 1, rejected: 11 },
      unreadable: 6,
      rejected: 18,
    });
    expect(summary.files[0]?.lines).toBe(23);
    expect(sameRowsIn(before, dumpStore(store))).toEqual(before);
    const stored = messages(store).map((m) => m.id);
    expect(stored).toEqual([...before.messages.map((m) => m.source_id), 'n-1', 'n-11']);
    expect(messages(store).find((m) => m.id === 'n-1')?.senderId).toBe('u-lina');
  });

  it('imports groups declared in an earlier file or an earlier run', async () => {
    const store = newStore();
    const dir = tempDir();
    const groups = writeJsonl(dir, 'groups.jsonl', [groupLine()]);
    const first = writeJsonl(dir, 'first.jsonl', [messageLine({ id: 'a' })]);
    expect((await run(store, [groups, first])).summary.messages.imported).toBe(1);
    const second = writeJsonl(dir, 'second.jsonl', [messageLine({ id: 'b' })]);
    expect((await run(store, [second])).summary.messages.imported).toBe(1);
  });

  it('reports an unreadable file and still imports the others', async () => {
    const store = newStore();
    const dir = tempDir();
    const missing = join(dir, 'missing.jsonl');
    const good = writeJsonl(dir, 'good.jsonl', goodLines());
    const { summary, problems } = await run(store, [missing, dir, good]);
    expect(problems).toEqual([
      `${missing}: file: cannot read (ENOENT)`,
      `${dir}: file: cannot read (EISDIR)`,
    ]);
    expect(summary.rejected).toBe(2);
    expect(summary.unreadable).toBe(2);
    expect(summary.messages.imported).toBe(11);
    expect(summary.files.map((f) => f.rejected)).toEqual([1, 1, 0]);
  });
});
