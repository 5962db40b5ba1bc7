import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { runCli } from './run-cli.js';

describe('qingqun roster import', () => {
  it('sets names, units and addresses from an address book, matches by name, and reports bad rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingqun-roster-'));
    const db = join(dir, 'q.sqlite');
    const jsonl = join(dir, 'c.jsonl');
    writeFileSync(
      jsonl,
      `${JSON.stringify({ kind: 'contact', id: 'wxid_yang', name: '杨永新', unit: '党建办' })}\n`,
    );
    expect(runCli(['--db', db, 'import', jsonl]).code).toBe(0);
    const csv = join(dir, 'book.csv');
    writeFileSync(
      csv,
      [
        '姓名,单位,微信ID,企业微信UserID,邮箱,角色',
        '李娜,东湖社区,wxid_lina,LiNa,lina@example.gov.cn,群主',
        '杨永新,党建办,,YangYX,yang@example.gov.cn,',
        '赵敏,西苑社区,,,zhao@,干部',
        '周强,,,,,校长',
      ].join('\r\n'),
    );
    const first = runCli(['--db', db, 'roster', 'import', csv]);
    expect(first.stdout).toContain('新增 1 人，更新 1 人，无变化 0 人，有问题的行 2 行');
    expect(first.stdout).toContain('book.csv:4: 邮箱: not an email address: "zhao@"');
    expect(first.stdout).toContain('book.csv:5: 角色: unknown role "校长"');
    expect(first.code).toBe(1);
    const store = new Store(db);
    try {
      expect(store.contacts.addresses('wxid_lina')).toEqual({
        email: 'lina@example.gov.cn',
        wecomUserId: 'LiNa',
      });
      expect(store.contacts.addresses('wxid_yang')).toEqual({
        email: 'yang@example.gov.cn',
        wecomUserId: 'YangYX',
      });
    } finally {
      store.close();
    }
    const again = runCli(['--db', db, 'roster', 'import', csv]);
    expect(again.stdout).toContain('新增 0 人，更新 0 人，无变化 2 人');
  }, 60_000);
});
