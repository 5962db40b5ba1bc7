/**
 * `qingqun send --drain` on a postgres:// --db (issue 18): email items decided centrally are queued
 * with no account (queueThroughReachingAccounts), claimed into the local send spool
 * (central.sendSpool) and mailed through a real SMTP server, once; WeChat items wait for their host.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueCentral, queueThroughReachingAccounts } from '../../src/store/postgres/central-outbox.js';
import { ensureCentralTables } from '../../src/store/postgres/central-tables.js';
import { PgDatabase } from '../../src/store/postgres/pg-database.js';
import { Store } from '../../src/store/store.js';
import { startSmtp } from '../deliver/channels/smtp-fixture.js';
import { pgReachable, testSchema } from '../store/postgres/pg-test-server.js';
import { runCliAsync } from './run-cli.js';

const PASSWORD = 'smtp-secret-for-tests';
const env = { QINGQUN_SMTP_PASSWORD: PASSWORD };

describe.skipIf(!pgReachable)('send --drain on the central store', () => {
  const schema = testSchema('csend');
  let dir: string;
  let spool: string;
  let args: string[];
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let central: PgDatabase;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qingqun-central-send-'));
    spool = join(dir, 'send-spool.sqlite');
    smtp = await startSmtp({ user: 'qingqun', password: PASSWORD });
    central = await PgDatabase.open(schema.url);
    await ensureCentralTables(central.client);
    await central.query(
      `INSERT INTO contacts (id, name, email) VALUES ('u-0001', '张三', 'u-0001@example.gov.cn'),
       ('u-0002', '李四', 'u-0002@example.gov.cn')`,
    );
    const config = join(dir, 'local.yaml');
    writeFileSync(
      config,
      [
        'deliver:',
        '  email:',
        '    host: 127.0.0.1',
        `    port: ${smtp.port}`,
        '    user: qingqun',
        "    from: '清群 <qingqun@example.gov.cn>'",
        '    minGapMs: 0',
        'central:',
        `  sendSpool: '${spool}'`,
        '',
      ].join('\n'),
    );
    args = ['--db', schema.url, '--config', config];
  });

  afterAll(async () => {
    await central?.close();
    await smtp?.close();
    await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('queues email with no account, mails it once, and a second drain sends nothing', async () => {
    const r = await queueThroughReachingAccounts(
      central.client,
      [
        {
          dedupeKey: 'audit:2026-W45:u-0001',
          recipientId: 'u-0001',
          channel: 'email',
          content: { kind: 'text', text: '本周审计' },
        },
        // No account reaches this WeChat recipient: reported, not queued.
        {
          dedupeKey: 'audit:2026-W45:u-0009',
          recipientId: 'u-0009',
          content: { kind: 'text', text: '审计' },
        },
      ],
      Date.now(),
    );
    expect(r).toEqual({ queued: 1, unreachable: ['u-0009'] });
    // A WeChat item for a host's account waits for that host, and is named.
    await queueCentral(
      central.client,
      [
        {
          account: 'host-a',
          dedupeKey: 'digest:w:u-0002',
          recipientId: 'u-0002',
          content: { kind: 'text', text: '周报' },
        },
      ],
      Date.now(),
    );

    const first = await runCliAsync([...args, 'send', '--drain'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('从中心库领取 1 条待发消息');
    expect(first.stdout).toContain('已发送 1 条（邮件 1）');
    expect(first.stdout).toContain('微信账号 host-a 有 1 条中心消息等待其主机拉取');
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]?.envelopeTo).toEqual(['u-0001@example.gov.cn']);
    expect(smtp.mails[0]?.parsed.text).toContain('本周审计');
    const rows = await central.query<{ pulled_by: string | null; account: string | null }>(
      "SELECT pulled_by, account FROM central_outbox WHERE dedupe_key = 'audit:2026-W45:u-0001'",
    );
    expect(rows.rows).toEqual([{ pulled_by: 'central', account: null }]);

    const second = await runCliAsync([...args, 'send', '--drain', '--locale', 'en'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('sent 0');
    expect(second.stdout).toContain('1 central message(s) for WeChat account host-a wait');
    expect(smtp.mails).toHaveLength(1);

    // A crash after the spool enqueue but before the central commit: the row is claimed again, and
    // the spool's dedupe key keeps it from going out twice.
    await central.query('UPDATE central_outbox SET pulled_at = NULL, pulled_by = NULL WHERE account IS NULL');
    const third = await runCliAsync([...args, 'send', '--drain'], env);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('已发送 0 条');
    expect(smtp.mails).toHaveLength(1);

    // The central outbox, read-only: what waits for which host, what central sending took.
    const list = await runCliAsync([...args, 'outbox', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('等待主机拉取：微信账号 host-a 1 条');
    expect(list.stdout).toContain(`已由中心发送领取：email 1 条（状态见 qingqun outbox list --db ${spool}）`);
    const json = await runCliAsync([...args, 'outbox', 'list', '--format', 'json', '--locale', 'en']);
    expect(JSON.parse(json.stdout)).toEqual({
      waitingByAccount: { 'host-a': 1 },
      waitingCentral: {},
      pulledByAccount: {},
      claimedCentral: { email: 1 },
    });
    // The spool is an outbox like any other: its states are listed there.
    const spoolList = await runCliAsync(['--db', spool, 'outbox', 'list', '--state', 'sent']);
    expect(spoolList.stdout).toContain('audit:2026-W45:u-0001');
  }, 120_000);

  it('does not resend a message a crash interrupted while it was being sent (unconfirmed)', async () => {
    await queueThroughReachingAccounts(
      central.client,
      [
        {
          dedupeKey: 'audit:2026-W46:u-0002',
          recipientId: 'u-0002',
          channel: 'email',
          content: { kind: 'text', text: '第二份审计' },
        },
      ],
      Date.now(),
    );
    // Claimed into the spool, then the process died mid-send: the spool row is left 'sending'.
    const claimed = await runCliAsync([...args, 'send', '--drain'], { QINGQUN_SMTP_PASSWORD: 'wrong' });
    expect(claimed.code).toBe(0);
    expect(claimed.stdout).toContain('从中心库领取 1 条待发消息');
    expect(smtp.mails).toHaveLength(1);
    const store = new Store(spool);
    store.db.prepare("UPDATE outbox SET state = 'sending' WHERE dedupe_key = 'audit:2026-W46:u-0002'").run();
    store.close();
    const before = smtp.mails.length;
    const after = await runCliAsync([...args, 'send', '--drain'], env);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('1 条消息发送时进程中断，可能已送达，不再重发');
    expect(smtp.mails).toHaveLength(before);
    const again = await runCliAsync([...args, 'send', '--drain'], env);
    expect(again.stdout).toContain('已发送 0 条');
    expect(smtp.mails).toHaveLength(before);
  }, 120_000);
});
