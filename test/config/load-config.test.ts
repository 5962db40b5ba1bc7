import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load-config.js';

function dir(files: Record<string, string> = {}): string {
  const d = mkdtempSync(join(tmpdir(), 'qingqun-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

describe('loadConfig', () => {
  it('applies the shipped defaults', () => {
    const config = loadConfig({ cwd: dir(), env: {} });
    expect(config.timezone).toBe('Asia/Shanghai');
    expect(config.workingHours).toMatchObject({ days: [1, 2, 3, 4, 5], start: '08:30', end: '18:00' });
    expect(config.db).toBe('data/qingqun.sqlite');
    expect(config.schedules.weeklyDigest).toBe('0 9 * * 1');
  });

  it('layers local file < .env < process env < flags', () => {
    const cwd = dir({
      'local.yaml': 'db: from-file.sqlite\nlocale: en\nworkingHours:\n  start: "09:00"\n',
      '.env': 'QINGQUN_DB=from-dotenv.sqlite\nWECHATY_PUPPET=wechaty-puppet-wechat4u\n',
    });
    const base = { cwd, configPath: 'local.yaml' };
    const fromDotenv = loadConfig({ ...base, env: {} });
    expect(fromDotenv.db).toBe('from-dotenv.sqlite');
    expect(fromDotenv.locale).toBe('en');
    expect(fromDotenv.workingHours.start).toBe('09:00');
    expect(fromDotenv.workingHours.end).toBe('18:00');
    expect(fromDotenv.puppet.name).toBe('wechaty-puppet-wechat4u');
    expect(loadConfig({ ...base, env: { QINGQUN_DB: 'from-env.sqlite' } }).db).toBe('from-env.sqlite');
    expect(loadConfig({ ...base, env: { QINGQUN_DB: 'x' }, flags: { db: 'flag.sqlite' } }).db).toBe(
      'flag.sqlite',
    );
  });

  it.each([
    ['workingHours:\n  start: "25:00"\n', 'workingHours.start', 'HH:MM'],
    ['timezone: 3\n', 'timezone', 'string'],
    ['timezone: Mars/Olympus\n', 'timezone', 'IANA timezone'],
    ['analysis:\n  ackFlood:\n    minReplies: -1\n', 'analysis.ackFlood.minReplies', '>'],
    ['schedules:\n  weeklyDigest: "every monday"\n', 'schedules.weeklyDigest', 'cron'],
    ['workingHuors:\n  start: "09:00"\n', '(top level)', 'workingHuors'],
    ['locale: fr\n', 'locale', 'zh-CN'],
  ])('rejects %j naming the key', (yaml, key, hint) => {
    const cwd = dir({ 'bad.yaml': yaml });
    const load = () => loadConfig({ cwd, env: {}, configPath: 'bad.yaml' });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      expect((error as Error).message).toContain(key);
      expect((error as Error).message).toContain(hint);
    }
  });

  it('refuses an unknown timezone from the environment as a bad timezone (issue 15)', () => {
    const load = () => loadConfig({ cwd: dir(), env: { QINGQUN_TIMEZONE: 'Mars/Olympus' } });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/timezone: expected an IANA timezone like Asia\/Shanghai, got "Mars\/Olympus"/);
    expect(loadConfig({ cwd: dir(), env: { QINGQUN_TIMEZONE: 'Europe/Berlin' } }).timezone).toBe(
      'Europe/Berlin',
    );
  });

  it('names the file when the YAML itself is broken', () => {
    const cwd = dir({ 'broken.yaml': 'db: [unclosed\n' });
    expect(() => loadConfig({ cwd, env: {}, configPath: 'broken.yaml' })).toThrow(
      /broken\.yaml: invalid YAML/,
    );
  });
});
