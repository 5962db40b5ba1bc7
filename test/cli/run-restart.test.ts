import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp } from '../deliver/channels/smtp-fixture.js';
import { runCli, runCliAsync } from './run-cli.js';

/**
 * `qingqun run` sends the queued digests by email, is stopped by SIGTERM in the middle of the
 * queue, restarted, finishes, and is restarted once more: every owner has exactly one mail.
 */
const BIN = fileURLToPath(new URL('../../bin/qingqun.js', import.meta.url));
const WEEK = '2026-W45';
const PASSWORD = 'smtp-secret-for-tests';
let dir: string;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let args: string[];

function startRun(): { child: ChildProcess; output: () => string; health: Promise<string> } {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('QINGQUN_')));
  const child = spawn(process.execPath, [BIN, ...args, 'run'], {
    env: { ...clean, QINGQUN_LOG_LEVEL: 'warn', WECHATY_PUPPET: '', QINGQUN_SMTP_PASSWORD: PASSWORD },
  });
  let stdout = '';
  let stderr = '';
  const health = new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const url = /health at (\S+)/.exec(stdout)?.[1];
      if (url) resolve(url);
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.once('exit', () => reject(new Error(`run exited early: ${stdout}\n${stderr}`)));
  });
  health.catch(() => {});
  return { child, output: () => `${stdout}\n${stderr}`, health };
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stopRun(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qingqun-run-'));
  smtp = await startSmtp({ user: 'qingqun', password: PASSWORD });
  const town = join(dir, 'town.jsonl');
  expect(runCli(['simulate', '--seed', '3', '--weeks', '2', '--out', town]).code).toBe(0);
  const lines = readFileSync(town, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => {
      const record = JSON.parse(line);
      if (record.kind === 'contact') record.email = `${record.id}@example.gov.cn`;
      return JSON.stringify(record);
    });
  writeFileSync(town, `${lines.join('\n')}\n`);
  const config = join(dir, 'local.yaml');
  writeFileSync(
    config,
    [
      'deliver:',
      '  pollMs: 200',
      '  channels:',
      '    owners: [email]',
      '  email:',
      '    host: 127.0.0.1',
      `    port: ${smtp.port}`,
      '    user: qingqun',
      "    from: '清群 <qingqun@example.gov.cn>'",
      '    minGapMs: 700',
      'run:',
      '  healthPort: 0',
      '',
    ].join('\n'),
  );
  args = ['--db', join(dir, 'town.sqlite'), '--config', config];
  expect(runCli([...args, 'import', town]).code).toBe(0);
}, 240_000);

afterAll(async () => {
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('qingqun run', () => {
  it('survives a restart in the middle of the queue without sending anything twice', async () => {
    const queued = await runCliAsync([...args, 'digest', '--week', WEEK], {
      QINGQUN_SMTP_PASSWORD: PASSWORD,
    });
    const owners = Number(/排队 (\d+) 份周报/.exec(queued.stdout)?.[1]);
    expect(owners).toBeGreaterThan(5);

    const first = startRun();
    await first.health;
    await until(() => smtp.mails.length >= 3, 60_000);
    expect(await stopRun(first.child)).toBe(0);
    expect(first.output()).toContain('已停止');
    const afterFirst = smtp.mails.length;
    expect(afterFirst).toBeLessThan(owners);

    const second = startRun();
    const url = await second.health;
    await until(() => smtp.mails.length >= owners, 90_000);
    const health = (await (await fetch(url)).json()) as {
      ok: boolean;
      outbox: Record<string, number>;
      channels: string[];
    };
    expect(health.ok).toBe(true);
    expect(health.channels).toEqual(['email']);
    expect((health.outbox.sent ?? 0) + (health.outbox.unconfirmed ?? 0)).toBe(owners);
    expect(await stopRun(second.child)).toBe(0);

    const third = startRun();
    await third.health;
    await new Promise((r) => setTimeout(r, 2000));
    expect(await stopRun(third.child)).toBe(0);

    const recipients = smtp.mails.flatMap((m) => m.envelopeTo);
    // A mail interrupted by the stop is never resent: at most one per owner, and all but such a one arrive.
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients.length).toBeGreaterThanOrEqual(owners - (health.outbox.unconfirmed ?? 0));
    expect(recipients.length).toBe(owners);
  }, 300_000);
});
