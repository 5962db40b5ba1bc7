/**
 * `roster import` on a postgres:// --db (issue 18): the same matching and summary as on SQLite
 * (test/cli/roster-import.test.ts), through the real CLI, into the central contacts that central
 * sending reads addresses from.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { pgReachable, testSchema } from '../store/postgres/pg-test-server.js';
import { runCli } from './run-cli.js';

describe.skipIf(!pgReachable)('qingqun roster import on the central store', () => {
  const schema = testSchema('roster');
  afterAll(() => schema.drop());

  it('matches, sets addresses and reports bad rows as on SQLite; a second import changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingqun-roster-pg-'));
    const sqlite = join(dir, 'q.sqlite');
    const jsonl = join(dir, 'c.jsonl');
    writeFileSync(
      jsonl,
      [
        { kind: 'contact', id: 'wxid_yang', name: '杨永新', unit: '党建办' },
        { kind: 'contact', id: 'wxid_wang1', name: '王芳', unit: null },
        { kind: 'contact', id: 'wxid_wang2', name: '王芳', unit: null },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n')
        .concat('\n'),
    );
    const csv = join(dir, 'book.csv');
    writeFileSync(
      csv,
      [
        '姓名,单位,微信ID,企业微信UserID,邮箱,角色',
        '李娜,东湖社区,wxid_lina,LiNa,lina@example.gov.cn,群主',
        '杨永新,党建办,,YangYX,yang@example.gov.cn,',
        '赵敏,西苑社区,,,zhao@,干部',
        '王芳,,,,wang@example.gov.cn,',
        '李娜,东湖社区,,LiNa,lina2@example.gov.cn,',
      ].join('\r\n'),
    );
    for (const db of [sqlite, schema.url]) expect(runCli(['--db', db, 'import', jsonl]).code).toBe(0);
    const onSqlite = runCli(['--db', sqlite, 'roster', 'import', csv]);
    const onPg = runCli(['--db', schema.url, 'roster', 'import', csv]);
    expect(onPg.stderr).toBe('');
    expect(onPg.code).toBe(1);
    expect(onPg.stdout).toBe(onSqlite.stdout);
    expect(onPg.stdout).toContain('新增 1 人，更新 2 人，无变化 0 人，有问题的行 2 行');
    expect(onPg.stdout).toContain('book.csv:5: 微信ID: 2 stored contacts are named 王芳');

    const rows = await schema.query<{
      id: string;
      name: string;
      unit: string | null;
      email: string | null;
      wecom_user_id: string | null;
    }>('SELECT id, name, unit, email, wecom_user_id FROM contacts ORDER BY id');
    const store = new Store(sqlite);
    try {
      const local = store.db
        .prepare('SELECT id, name, unit, email, wecom_user_id FROM contacts ORDER BY id')
        .all();
      expect(rows).toEqual(local);
    } finally {
      store.close();
    }
    expect(rows.find((r) => r.id === 'wxid_lina')?.email).toBe('lina2@example.gov.cn');

    // Again: the same on both (李娜's two rows switch her address back and forth, as on SQLite).
    const again = runCli(['--db', schema.url, 'roster', 'import', csv]);
    expect(again.stdout).toBe(runCli(['--db', sqlite, 'roster', 'import', csv]).stdout);
    expect(again.stdout).toContain('新增 0 人，更新 2 人，无变化 1 人');
  }, 120_000);
});
