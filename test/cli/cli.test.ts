import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'qingqun-cli-'));
const jsonl = join(dir, 's.jsonl');
const db = join(dir, 's.sqlite');

beforeAll(() => {
  const sim = runCli(['simulate', '--seed', '3', '--out', jsonl]);
  expect(sim.code, sim.stderr).toBe(0);
});

describe('qingqun simulate → import → report', () => {
  it('imports everything, and a second import reports 0 new', () => {
    const lines = readFileSync(jsonl, 'utf8').trim().split('\n');
    const messages = lines.filter((l) => l.includes('"kind":"message"')).length;
    // The summary speaks the configured language (issue 15.3): English here, Chinese below.
    const first = runCli(['--db', db, '--locale', 'en', 'import', jsonl]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`messages: ${messages} imported`);
    const zh = runCli(['--db', db, 'import', jsonl]);
    expect(zh.stdout).toContain(`消息: 新增 0，更新 0，重复 ${messages}，拒收 0`);
    const second = runCli(['--db', db, '--locale', 'en', 'import', jsonl]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('messages: 0 imported');
    expect(second.stdout).toContain(`${messages} duplicate`);
  });

  it('imports the good lines of a corrupted file, names each bad line and exits non-zero', () => {
    const lines = readFileSync(jsonl, 'utf8').trim().split('\n');
    const head = lines.slice(0, 200);
    const messageIndex = head.findIndex((l) => l.includes('"kind":"message"'));
    head[messageIndex + 1] = '{"kind":"message","id":"broken"'; // truncated
    head[messageIndex + 3] = (head[messageIndex + 3] as string).replace(
      /"time":"[^"]+"/,
      '"time":"2026-11-17T09:00:00"',
    );
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${head.join('\n')}\n`);
    const result = runCli(['--db', join(dir, 'bad.sqlite'), '--locale', 'en', 'import', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}:${messageIndex + 2}: `);
    expect(result.stderr).toMatch(new RegExp(`${bad}:${messageIndex + 4}: time: .*offset`));
    const goodMessages = head.filter((l) => l.includes('"kind":"message"')).length - 2;
    expect(result.stdout).toContain(`messages: ${goodMessages} imported`);
  });

  it('prints the weekly report as JSON with the documented schema', () => {
    const result = runCli(['--db', db, 'report', '--week', '2026-W46', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.week).toBe('2026-W46');
    for (const key of [
      'groups',
      'duplicates',
      'rollCalls',
      'ackFloods',
      'likeSpam',
      'rushedRequests',
      'recommendations',
    ]) {
      expect(Array.isArray(report[key]), key).toBe(true);
    }
    const group = report.groups[0];
    for (const key of [
      'id',
      'name',
      'ownerId',
      'members',
      'messages',
      'offHoursMessages',
      'atAllMessages',
      'zombie',
    ]) {
      expect(group, key).toHaveProperty(key);
    }
    expect(report.duplicates.length).toBeGreaterThan(0);
    expect(report.duplicates[0].groupIds.length).toBeGreaterThan(0);
    expect(report.ackFloods[0]).toHaveProperty('triggerMessageId');
    const total = report.groups.reduce((n: number, g: { messages: number }) => n + g.messages, 0);
    expect(total).toBe(report.totals.messages);
  });

  it('prints a readable Chinese text report and an English one on request', () => {
    const zh = runCli(['--db', db, 'report', '--week', '2026-W46']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('清群周报 2026-W46');
    expect(zh.stdout).toContain('重复通知');
    const en = runCli(['--db', db, '--locale', 'en', 'report', '--week', '2026-W46', '--format', 'md']);
    expect(en.stdout).toContain('# qingqun weekly report 2026-W46');
  });

  it('explains bad flags instead of failing obscurely', () => {
    const week = runCli(['--db', db, 'report', '--week', '2026-47']);
    expect(week.code).toBe(2);
    // Errors speak the configured language (zh-CN by default; issue 15.3).
    expect(week.stderr).toContain('应为 ISO 周');
    const weekEn = runCli(['--db', db, '--locale', 'en', 'report', '--week', '2026-47']);
    expect(weekEn.code).toBe(2);
    expect(weekEn.stderr).toContain('expected an ISO week');
    const locale = runCli(['--db', db, '--locale', 'fr', 'stats']);
    expect(locale.code).toBe(2);
    expect(locale.stderr).toContain('locale');
  });

  it('shows stats, backs up and checks the database', () => {
    const stats = runCli(['--db', db, 'stats']);
    expect(stats.stdout).toContain('2026-W44');
    const copy = join(dir, 'copy.sqlite');
    expect(runCli(['--db', db, 'backup', copy]).code).toBe(0);
    const doctor = runCli(['--db', copy, '--locale', 'en', 'doctor']);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toContain(': ok');
    // Human lines in the configured language; JSON on request (issue 15.3).
    const zh = runCli(['--db', copy, 'doctor']);
    expect(zh.stdout).toContain('：正常');
    const json = JSON.parse(runCli(['--db', copy, 'doctor', '--format', 'json']).stdout);
    expect(json.ok).toBe(true);
  });
});
