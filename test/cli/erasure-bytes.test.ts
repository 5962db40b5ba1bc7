import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/**
 * Erasure measured where it matters: the bytes of the database files (db, -wal, -shm) after the real
 * CLI ran `forget` and `purge` (docs/PRIVACY.md, "Erasure leaves no bytes"). The stores are made
 * through `qingqun import`, as an operator would, with enough rows that SQLite splits and rebalances
 * pages and rewrites a contact whose name changed — the moves that left copies behind.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qingqun-erasure-'));
  dirs.push(dir);
  return dir;
}

function lines(records: object[]): string {
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}

/** Every byte of the database's files, whichever exist. */
function fileBytes(db: string): Buffer {
  return Buffer.concat(
    [db, `${db}-wal`, `${db}-shm`].filter((p) => existsSync(p)).map((p) => readFileSync(p)),
  );
}

const notice = (n: number, marker: string) =>
  `关于开展第${n}轮安全生产隐患排查整治的通知：请各村居于本周五前完成自查并报送台账，${marker}-${n}-结束，联系人办公室`;

function history(now: number, opts: { name: string; unit: string; ageDays: number; marker: string }): string {
  const members = ['u-target', ...Array.from({ length: 9 }, (_, i) => `u-${i}`)];
  const records: object[] = [
    { kind: 'contact', id: 'u-target', name: opts.name, unit: opts.unit },
    ...members.slice(1).map((id) => ({ kind: 'contact', id, name: `同事${id}`, unit: '党政办' })),
    { kind: 'group', id: 'g-1@chatroom', name: '工作群', ownerId: 'u-0', memberIds: members, unit: '党政办' },
  ];
  for (let n = 0; n < 400; n++) {
    const sender = n % 3 === 0 ? 'u-target' : members[1 + (n % 9)];
    records.push({
      kind: 'message',
      id: `m-${n}`,
      groupId: 'g-1@chatroom',
      senderId: sender,
      time: iso(now - opts.ageDays * DAY + n * 60_000),
      type: 'text',
      text: notice(n, opts.marker),
      mentionAll: false,
      mentionIds: n % 7 === 0 ? ['u-target'] : [],
    });
  }
  return lines(records);
}

describe('erasure leaves no bytes in the database files', () => {
  it('qingqun forget: no trace of the name, the unit, an earlier name or their texts', () => {
    const dir = workdir();
    const db = join(dir, 'data', 'q.sqlite');
    const now = Date.now();
    writeFileSync(
      join(dir, 'a.jsonl'),
      history(now, { name: '欧阳独孤乙', unit: '独特单位丙', ageDays: 3, marker: 'FORGETMARK' }),
    );
    // The same person renamed: the old contact row is rewritten, the old name freed.
    writeFileSync(
      join(dir, 'b.jsonl'),
      lines([{ kind: 'contact', id: 'u-target', name: '欧阳独孤乙（新）', unit: '独特单位丙' }]),
    );
    for (const file of ['a.jsonl', 'b.jsonl']) {
      const r = runCli(['--db', db, 'import', join(dir, file)]);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(fileBytes(db).includes(Buffer.from('欧阳独孤乙'))).toBe(true);
    const r = runCli(['--db', db, '--locale', 'en', 'forget', 'u-target']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Forgotten: 134 messages/);
    const bytes = fileBytes(db);
    expect(bytes.includes(Buffer.from('欧阳独孤乙'))).toBe(false);
    expect(bytes.includes(Buffer.from('独特单位丙'))).toBe(false);
    // Their own notices lost their text; others' notices (n not divisible by 3) keep theirs.
    expect(bytes.includes(Buffer.from('FORGETMARK-0-'))).toBe(false);
    expect(bytes.includes(Buffer.from('FORGETMARK-3-'))).toBe(false);
    expect(bytes.includes(Buffer.from('FORGETMARK-399-'))).toBe(false);
    expect(bytes.includes(Buffer.from('FORGETMARK-1-'))).toBe(true);
    expect(existsSync(`${db}-wal`) ? readFileSync(`${db}-wal`).length : 0).toBe(0);
  }, 60_000);

  it('qingqun purge: no byte of a purged text, while the texts still kept stay', () => {
    const dir = workdir();
    const db = join(dir, 'data', 'q.sqlite');
    const now = Date.now();
    writeFileSync(
      join(dir, 'old.jsonl'),
      history(now, { name: '甲', unit: '乙', ageDays: 40, marker: 'OLDMARK' }),
    );
    const fresh = history(now, { name: '甲', unit: '乙', ageDays: 5, marker: 'NEWMARK' }).replace(
      /"id":"m-/g,
      '"id":"n-',
    );
    writeFileSync(join(dir, 'new.jsonl'), fresh);
    for (const file of ['old.jsonl', 'new.jsonl']) {
      const r = runCli(['--db', db, 'import', join(dir, file)]);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(fileBytes(db).includes(Buffer.from('OLDMARK-17-'))).toBe(true);
    const r = runCli(['--db', db, '--locale', 'en', 'purge']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/texts purged: 400/);
    const bytes = fileBytes(db);
    const left = Array.from({ length: 400 }, (_, n) => `OLDMARK-${n}-`).filter((m) =>
      bytes.includes(Buffer.from(m)),
    );
    expect(left).toEqual([]);
    expect(bytes.includes(Buffer.from('NEWMARK-17-'))).toBe(true);
  }, 60_000);
});
