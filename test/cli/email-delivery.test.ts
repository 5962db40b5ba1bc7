import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp } from '../deliver/channels/smtp-fixture.js';
import { runCli, runCliAsync } from './run-cli.js';

/**
 * The done-when, through the real CLI: no WeChat account, a town whose contacts carry
 * `email`, `qingqun digest --week W`, then `qingqun send --drain` against a real SMTP server
 * (STARTTLS and a login): one mail per owner, chart inline, Chinese readable; a second drain sends
 * nothing.
 */
const WEEK = '2026-W45';
const PASSWORD = 'smtp-secret-for-tests';
let dir: string;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let args: string[];
const env = { QINGQUN_SMTP_PASSWORD: PASSWORD };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qingqun-email-'));
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
      '  channels:',
      '    owners: [email]',
      '  email:',
      '    host: 127.0.0.1',
      `    port: ${smtp.port}`,
      '    user: qingqun',
      "    from: '清群 <qingqun@example.gov.cn>'",
      '    minGapMs: 0',
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

describe('digest by email without a WeChat account', () => {
  it('mails each owner exactly once, with the chart inline and readable Chinese; a second drain sends nothing', async () => {
    const preview = await runCliAsync(
      [...args, 'digest', '--week', WEEK, '--dry-run', '--format', 'json'],
      env,
    );
    expect(preview.code).toBe(0);
    const digests = JSON.parse(preview.stdout) as {
      ownerId: string;
      ownerName: string;
      recommendationIds: string[];
      chart: { bytes: number } | null;
    }[];
    const withAdvice = digests.filter((d) => d.recommendationIds.length > 0);
    expect(withAdvice.length).toBeGreaterThan(5);

    const queued = await runCliAsync([...args, 'digest', '--week', WEEK], env);
    expect(queued.stderr).toBe('');
    expect(queued.stdout).toContain(`已为 ${WEEK} 排队 ${digests.length} 份周报`);

    const first = await runCliAsync([...args, 'send', '--drain'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`已发送 ${digests.length} 条（邮件 ${digests.length}）`);
    expect(smtp.mails).toHaveLength(digests.length);
    expect(smtp.tlsUpgrades()).toBeGreaterThan(0);

    for (const d of withAdvice) {
      const mine = smtp.mails.filter((m) => m.envelopeTo.includes(`${d.ownerId}@example.gov.cn`));
      expect(mine, d.ownerId).toHaveLength(1);
      const mail = (mine[0] as (typeof mine)[number]).parsed;
      expect(mail.subject).toBe(`清群周报 ${WEEK}（11月2日—11月8日）：您的工作群`);
      expect(mail.from?.text).toContain('清群');
      expect(mail.text).toContain(`${d.ownerName}您好`);
      expect(mail.text).toContain('■ 建议');
      expect(mail.html).toContain(`${d.ownerName}您好`);
      const chart = mail.attachments.find((a) => a.contentType === 'image/png');
      // An owner whose groups were all quiet this week (e.g. only a zombie to archive) gets no empty
      // chart (issue 15); every other owner's mail carries it inline.
      if (d.chart === null) {
        expect(chart).toBeUndefined();
        continue;
      }
      expect(chart?.filename).toBe(`qingqun-${WEEK}.png`);
      expect(chart?.content.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(chart?.related).toBe(true);
      expect(mail.html).toContain(`cid:${chart?.contentId?.replace(/[<>]/g, '')}`);
    }

    const second = await runCliAsync([...args, 'send', '--drain'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('已发送 0 条');
    expect(smtp.mails).toHaveLength(digests.length);
  }, 300_000);
});
