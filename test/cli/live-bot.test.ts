/**
 * The real-account path (`qingqun start` with WECHATY_PUPPET) through the real CLI, with a puppet
 * that cannot connect (test/ingest/wechaty/unreachable-puppet.ts, loaded by path): explained in
 * Chinese, repeated errors said once, bounded attempts, a clean stop on SIGINT/SIGTERM, the memory
 * card beside the database, and a puppet that is not installed as one clear line.
 */
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/temp-dir.js';
import { runCli } from './run-cli.js';

const BIN = fileURLToPath(new URL('../../bin/qingqun.js', import.meta.url));
const PUPPET = fileURLToPath(new URL('../ingest/wechaty/unreachable-puppet.ts', import.meta.url));

function setup(yaml: string) {
  const dir = tempDir('qingqun-live-');
  const cwd = tempDir('qingqun-live-cwd-');
  writeFileSync(join(dir, 'local.yaml'), yaml);
  return { dir, cwd, args: ['--db', join(dir, 'db.sqlite'), '--config', join(dir, 'local.yaml'), 'start'] };
}

/** Runs the CLI; `until` sends `signal` once stdout+stderr match it. */
function run(
  args: string[],
  env: Record<string, string>,
  cwd: string,
  until?: { pattern: RegExp; signal: NodeJS.Signals },
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('QINGQUN_')));
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...clean, QINGQUN_LOG_LEVEL: 'warn', WECHATY_PUPPET: PUPPET, ...env },
  });
  let stdout = '';
  let stderr = '';
  let sent = false;
  const check = () => {
    if (until && !sent && until.pattern.test(stdout + stderr)) {
      sent = true;
      child.kill(until.signal);
    }
  };
  child.stdout.on('data', (d) => {
    stdout += d;
    check();
  });
  child.stderr.on('data', (d) => {
    stderr += d;
    check();
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    }),
  );
}

const noTrace = (text: string) => {
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).not.toContain('uncaughtException');
  expect(text).not.toContain('{"level"'); // no JSON log lines in the operator's story
};

describe('qingqun start with a puppet that cannot connect', { timeout: 120_000 }, () => {
  it('says each error once, gives up after the configured attempts and explains in Chinese', async () => {
    const { args, cwd } = setup(
      'puppet:\n  connectAttempts: 2\n  connectTimeoutSeconds: 1\n  retryDelaySeconds: 0.2\n',
    );
    const r = await run(args, { QINGQUN_TEST_PUPPET_MODE: 'flood' }, cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('正在连接微信');
    expect(r.stderr).toContain('第 1 次连接失败');
    expect(r.stderr).toContain('无法连接微信');
    expect(r.stderr).toContain('连续 2 次连接失败');
    expect(r.stderr).toContain('请检查网络');
    // The puppet emitted its error ~50 times a second; each distinct one is printed once, then counted.
    // At most: the first occurrence, then one count per attempt.
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('微信接入组件报错：connect ETIMEDOUT'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(r.stderr).toContain('最后的错误：connect ETIMEDOUT');
    expect(r.stderr).toMatch(/又出现了 \d{2,} 次/);
    noTrace(r.stderr);
    // The stray TypeError the puppet throws while stopping is reported, not fatal.
    expect(r.stderr).toContain("reading 'start'");
  });

  it('names the last error when start fails at once', async () => {
    const { args, cwd } = setup('puppet:\n  connectAttempts: 1\n  connectTimeoutSeconds: 1\n');
    const r = await run(args, { QINGQUN_TEST_PUPPET_MODE: 'throw' }, cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('getaddrinfo ENOTFOUND');
    expect(r.stderr).toContain('无法连接微信');
    noTrace(r.stderr);
  });

  it('stops cleanly on SIGTERM while still connecting', async () => {
    const { args, cwd } = setup('puppet:\n  connectTimeoutSeconds: 60\n');
    const r = await run(args, { QINGQUN_TEST_PUPPET_MODE: 'flood' }, cwd, {
      pattern: /微信接入组件报错/,
      signal: 'SIGTERM',
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已停止');
    expect(r.ms).toBeLessThan(40_000);
    noTrace(r.stderr);
  });

  it('shows the QR code, keeps the memory card beside the database, and stops on Ctrl-C', async () => {
    const { args, cwd, dir } = setup('puppet:\n  connectTimeoutSeconds: 30\n');
    const r = await run(args, { QINGQUN_TEST_PUPPET_MODE: 'qr' }, cwd, {
      pattern: /按 Ctrl-C 停止/,
      signal: 'SIGINT',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('扫码登录');
    expect(r.stdout).toContain(`${join(dir, 'qingqun')}.memory-card.json`);
    expect(r.stderr).toContain('正在停止');
    expect(r.stderr).toContain('已停止');
    noTrace(r.stderr);
    expect(readdirSync(cwd).filter((f) => f.endsWith('.memory-card.json'))).toEqual([]);
  });
});

describe('qingqun start with a puppet that is not installed', () => {
  it('says so in one line and exits 1 (checked before Wechaty starts: src/cli/commands/start-command.ts)', () => {
    const r = runCli(['--db', join(tempDir(), 'db.sqlite'), 'start'], {
      WECHATY_PUPPET: 'wechaty-puppet-not-installed',
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('未安装 WECHATY_PUPPET 指定的 wechaty-puppet-not-installed');
    expect(r.stderr).toContain('npm install wechaty-puppet-not-installed');
    noTrace(r.stderr);
  });
});
