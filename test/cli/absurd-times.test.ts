import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/**
 * Absurd times through the real `qingqun import`, by two paths (JSON Lines and a WeCom archive):
 * each refused line is named FILE:LINE like any other rejected line, the good lines are stored, and
 * `stats` starts at the first real message.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('qingqun import refuses times before WeChat existed or days ahead', () => {
  it('names each line, keeps the good ones, and stats starts at the first real message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingqun-times-'));
    dirs.push(dir);
    const db = join(dir, 'q.sqlite');
    const message = (id: string, time: string) =>
      JSON.stringify({
        kind: 'message',
        id,
        groupId: 'g-1',
        senderId: 'u-1',
        time,
        type: 'text',
        text: '收到',
      });
    const ahead = new Date(Date.now() + 3 * 86_400_000).toISOString();
    writeFileSync(
      join(dir, 'a.jsonl'),
      [
        JSON.stringify({ kind: 'group', id: 'g-1', name: '工作群', memberIds: ['u-1'] }),
        message('year-1', '0001-01-01T00:00:00Z'),
        message('y1969', '1969-12-31T23:59:59Z'),
        message('epoch', '1970-01-01T00:00:00Z'),
        message('y2010', '2010-12-31T12:00:00+08:00'),
        message('ok-1', '2026-11-17T09:00:00+08:00'),
        message('ahead', ahead),
        message('ok-2', '2026-11-18T09:00:00+08:00'),
      ].join('\n'),
    );
    const wecom = (msgid: string, msgtime: number) =>
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
      join(dir, 'wecom.jsonl'),
      [
        wecom('w-ok', Date.parse('2026-11-19T09:00:00+08:00')),
        wecom('w-2005', Date.UTC(2005, 5, 1)),
        wecom('w-0', 0),
      ].join('\n'),
    );
    const r = runCli([
      '--db',
      db,
      '--locale',
      'en',
      'import',
      join(dir, 'a.jsonl'),
      join(dir, 'wecom.jsonl'),
    ]);
    const problems = r.stderr
      .split('\n')
      .filter((l) => l.includes(': time: '))
      .map((l) => l.replace(`${dir}/`, ''));
    expect(problems).toEqual([
      'a.jsonl:2: time: before 2011-01-21, when WeChat was first released',
      'a.jsonl:3: time: before 2011-01-21, when WeChat was first released',
      'a.jsonl:4: time: before 2011-01-21, when WeChat was first released',
      'a.jsonl:5: time: before 2011-01-21, when WeChat was first released',
      'a.jsonl:7: time: more than 1 day in the future',
      'wecom.jsonl:2: time: before 2011-01-21, when WeChat was first released',
      'wecom.jsonl:3: time: before 2000: seconds read as milliseconds?',
    ]);
    expect(r.stdout).toMatch(/rejected lines: 7/);
    const stats = runCli(['--db', db, '--locale', 'en', 'stats']);
    expect(stats.stdout).toMatch(/messages: 3\b/);
    expect(stats.stdout).toMatch(/time range: 2026-11-17 09:00 — 2026-11-19 09:00/);
    expect(stats.stdout).not.toMatch(/0001|1969|1970|2010/);
  }, 60_000);
});
