/**
 * Issue 15 through the real CLI: the right scope or a clear word why not (report's default week, a
 * week without data, one group against its own last week with names, an unknown unit), the outbox
 * command, a digest queued twice, a bad timezone and the chart fonts doctor reports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { weekOf } from '../../src/calendar/weeks.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../fixtures/temp-dir.js';
import { runCli } from './run-cli.js';

const dir = tempDir('qingqun-scope-');
const jsonl = join(dir, 's.jsonl');
const db = join(dir, 's.sqlite');
let lastWeek: string;

beforeAll(() => {
  const sim = runCli(['simulate', '--seed', '4', '--out', jsonl]);
  expect(sim.code, sim.stderr).toBe(0);
  const imported = runCli(['--db', db, 'import', jsonl]);
  expect(imported.code, imported.stderr).toBe(0);
  let last = 0;
  for (const line of readFileSync(jsonl, 'utf8').split('\n')) {
    const m = /"kind":"message".*"time":"([^"]+)"/.exec(line);
    if (m) last = Math.max(last, Date.parse(m[1] as string));
  }
  lastWeek = weekOf(last, 'Asia/Shanghai');
}, 300_000);

const noTrace = (r: { stderr: string }) => expect(r.stderr).not.toMatch(/\n\s+at /);

describe('report: the right week, or a word why not', { timeout: 300_000 }, () => {
  it('defaults to the latest complete stored week, not an empty one', () => {
    const r = runCli(['--db', db, 'report', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.week).toBe(lastWeek);
    expect(report.totals.messages).toBeGreaterThan(0);
  });

  it('says a week before any data holds none, instead of calling every group a zombie', () => {
    const r = runCli(['--db', db, 'report', '--week', '2026-W30']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('2026-W30 没有任何消息记录');
    expect(r.stderr).not.toContain('僵尸群');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    noTrace(r);
  });

  it('says an empty database holds no messages yet', () => {
    const empty = join(dir, 'empty.sqlite');
    new Store(empty).close();
    const r = runCli(['--db', empty, '--locale', 'en', 'report']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('holds no messages yet');
    noTrace(r);
  });

  it('compares one group with its own last week and names its overlap partner', () => {
    const whole = JSON.parse(runCli(['--db', db, 'report', '--week', lastWeek, '--format', 'json']).stdout);
    const overlap = whole.overlaps[0];
    expect(overlap, 'the simulation plants overlapping groups').toBeDefined();
    const [group, partner] = overlap.groupIds as [string, string];
    const one = runCli(['--db', db, 'report', '--week', lastWeek, '--group', group, '--format', 'json']);
    expect(one.code, one.stderr).toBe(0);
    const scoped = JSON.parse(one.stdout);
    expect(whole.previous.messages).toBeGreaterThan(scoped.previous.messages);
    expect(scoped.previous.messages).toBe(whole.previous.messagesByGroup[group] ?? 0);
    expect(Object.keys(scoped.previous.messagesByGroup)).toEqual([group]);
    const text = runCli(['--db', db, 'report', '--week', lastWeek, '--group', group]);
    const partnerName = (whole.groups as { id: string; name: string }[]).find((g) => g.id === partner)?.name;
    expect(partnerName).toBeTruthy();
    expect(text.stdout).toContain(`↔ ${partnerName}`);
    expect(text.stdout).not.toContain(partner);
    expect(text.stdout).toContain(`（上周 ${scoped.previous.messages} 条`);
  });

  it('refuses a bad QINGQUN_TIMEZONE as a bad timezone, not a bad week', () => {
    const r = runCli(['--db', db, 'report'], { QINGQUN_TIMEZONE: 'Mars/Olympus' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('timezone');
    expect(r.stderr).toContain('Mars/Olympus');
    expect(r.stderr).not.toMatch(/week|Invalid DateTime/);
    noTrace(r);
  });
});

describe('audit', { timeout: 300_000 }, () => {
  it('refuses a unit no group belongs to (usage error, exit 2)', () => {
    const r = runCli(['--db', db, 'audit', '--week', lastWeek, '--unit', '不存在']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('不存在');
    expect(r.stderr).toContain('已知单位');
    noTrace(r);
  });
});

describe('digest and the outbox', { timeout: 300_000 }, () => {
  it('says a digest already queued was not queued again', () => {
    const owner = (
      JSON.parse(runCli(['--db', db, 'report', '--week', lastWeek, '--format', 'json']).stdout).groups as {
        ownerId: string;
        messages: number;
      }[]
    ).find((g) => g.messages > 0)?.ownerId as string;
    const first = runCli(['--db', db, '--locale', 'en', 'digest', '--week', lastWeek, '--owner', owner]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`queued 1 digests for ${lastWeek}`);
    const again = runCli(['--db', db, '--locale', 'en', 'digest', '--week', lastWeek, '--owner', owner]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('queued 0 digests');
    expect(again.stdout).toContain('1 already queued');
  });

  it('lists, cancels and requeues outbox messages by key', () => {
    const list = runCli(['--db', db, 'outbox', 'list', '--format', 'json']);
    expect(list.code, list.stderr).toBe(0);
    const rows = JSON.parse(list.stdout) as { dedupeKey: string; state: string }[];
    expect(rows.length).toBeGreaterThan(0);
    const key = rows[0]?.dedupeKey as string;
    expect(rows[0]?.state).toBe('queued');

    const text = runCli(['--db', db, 'outbox', 'list']);
    expect(text.stdout).toContain(key);
    expect(text.stdout).toMatch(/共计：queued \d+/);

    const requeueQueued = runCli(['--db', db, 'outbox', 'requeue', key]);
    expect(requeueQueued.code).toBe(1);
    expect(requeueQueued.stderr).toContain('queued');

    const cancel = runCli(['--db', db, 'outbox', 'cancel', key]);
    expect(cancel.code, cancel.stderr).toBe(0);
    const cancelled = JSON.parse(
      runCli(['--db', db, 'outbox', 'list', '--state', 'failed', '--format', 'json']).stdout,
    );
    expect(cancelled.map((r: { dedupeKey: string }) => r.dedupeKey)).toEqual([key]);

    const requeue = runCli(['--db', db, 'outbox', 'requeue', key]);
    expect(requeue.code, requeue.stderr).toBe(0);
    const after = JSON.parse(runCli(['--db', db, 'outbox', 'list', '--format', 'json']).stdout);
    expect(after.find((r: { dedupeKey: string }) => r.dedupeKey === key)?.state).toBe('queued');

    const unknown = runCli(['--db', db, 'outbox', 'requeue', 'digest:nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('digest:nope');
    noTrace(unknown);
  });
});

describe('doctor', { timeout: 300_000 }, () => {
  it('names the fonts the charts are drawn with', () => {
    const r = runCli(['--db', db, 'doctor']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/图表字体：Noto Sans SC \(@expo-google-fonts\/noto-sans-sc/);
  });
});
