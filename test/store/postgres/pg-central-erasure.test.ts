/**
 * Retention, `forget` and `doctor` reach the central outbox (issue 18, privacy): on a PostgreSQL
 * store, `qingqun purge` empties central_outbox rows taken before the text cutoff and the central
 * send spool's sent payloads, by the SQLite outbox's rules; `qingqun forget` empties every central
 * row addressed to the member, withdraws the waiting ones (no host pulls them afterwards), erases the
 * spool's, and leaves no byte of their name in any table of the schema nor in the spool's files;
 * `qingqun doctor` warns of rows a host does not pull, texts past retention and interrupted sends.
 * Real PostgreSQL, real SQLite spool, the real CLI.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullCentral, queueCentral } from '../../../src/store/postgres/central-outbox.js';
import { ensureCentralTables } from '../../../src/store/postgres/central-tables.js';
import { PgDatabase } from '../../../src/store/postgres/pg-database.js';
import { Store } from '../../../src/store/store.js';
import { runCli } from '../../cli/run-cli.js';
import { pgReachable, testSchema } from './pg-test-server.js';

const DAY = 86_400_000;
const SLOW = 300_000;
const NAME = '王小明';
const MEMBER = 'u-forget';

describe.skipIf(!pgReachable)('central outbox: purge, forget and doctor on PostgreSQL', () => {
  const schema = testSchema('cerase');
  const dir = mkdtempSync(join(tmpdir(), 'qingqun-central-erase-'));
  const spoolPath = join(dir, 'send-spool.sqlite');
  const configPath = join(dir, 'local.yaml');
  const now = Date.now();
  const textCutoff = now - 30 * DAY;
  let central: PgDatabase;
  const cli = (args: string[], locale = 'en') =>
    runCli([...args, '--db', schema.url, '--config', configPath, '--locale', locale]);

  beforeAll(async () => {
    central = await PgDatabase.open(schema.url);
    await ensureCentralTables(central.client);
    await central.query(
      `INSERT INTO contacts (id, name, email) VALUES ($1, $2, 'x@example.gov.cn'), ('u-other', '李四', NULL)`,
      [MEMBER, NAME],
    );
    const text = (t: string) => ({ kind: 'text' as const, text: t });
    await queueCentral(
      central.client,
      [
        { account: 'host-a', dedupeKey: 'digest:old:other', recipientId: 'u-other', content: text('旧周报') },
        { account: 'host-a', dedupeKey: 'digest:new:other', recipientId: 'u-other', content: text('新周报') },
        { account: 'host-a', dedupeKey: 'digest:wait:other', recipientId: 'u-other', content: text('待拉') },
        {
          account: null,
          channel: 'email',
          dedupeKey: 'audit:old:other',
          recipientId: 'u-other',
          content: text('旧审计'),
        },
        {
          account: null,
          channel: 'email',
          dedupeKey: `audit:new:${MEMBER}`,
          recipientId: MEMBER,
          content: text(`${NAME}，本周审计`),
        },
        {
          account: 'host-a',
          dedupeKey: `digest:wait:${MEMBER}`,
          recipientId: MEMBER,
          content: text(`${NAME}，本周周报`),
        },
      ],
      now - 40 * DAY,
    );
    const taken = async (key: string, at: number, by: string) =>
      central.query('UPDATE central_outbox SET pulled_at = $2, pulled_by = $3 WHERE dedupe_key = $1', [
        key,
        at,
        by,
      ]);
    await taken('digest:old:other', now - 40 * DAY, 'host-a');
    await taken('digest:new:other', now - DAY, 'host-a');
    await taken('audit:old:other', now - 40 * DAY, 'central');
    await taken(`audit:new:${MEMBER}`, now - DAY, 'central');

    // The central send spool: one old sent row, one recent to the member, one left `sending` by a crash.
    const spool = new Store(spoolPath);
    const enqueue = (key: string, recipientId: string, body: string, at: number) => {
      spool.outbox.enqueue([{ dedupeKey: key, recipientId, channel: 'email', content: text(body) }], at);
      return spool.outbox.get(key)?.id as number;
    };
    const old = enqueue('audit:old:other', 'u-other', '旧审计', now - 41 * DAY);
    spool.outbox.claim(old, now - 40 * DAY);
    spool.outbox.markSent(old, now - 40 * DAY);
    const mine = enqueue(`audit:new:${MEMBER}`, MEMBER, `${NAME}，本周审计`, now - DAY);
    spool.outbox.claim(mine, now - DAY);
    spool.outbox.markSent(mine, now - DAY);
    spool.outbox.claim(enqueue('audit:crash:other', 'u-other', '中断', now - DAY), now - DAY);
    spool.close();
    writeFileSync(
      configPath,
      [
        'retention:',
        '  textDays: 30',
        '  recordDays: 365',
        'central:',
        `  sendSpool: '${spoolPath}'`,
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await central?.close();
    await schema.drop();
  });

  it(
    'doctor warns of rows not pulled, texts past retention and interrupted sends (exit 0)',
    () => {
      const r = cli(['doctor']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        '  warning: 2 central message(s) for WeChat account host-a have waited over a day: its host is not pulling them',
      );
      expect(r.stdout).toContain('  warning: 2 central message(s) still hold their text past retention');
      expect(r.stdout).toContain(
        `  warning: 1 message(s) in the central send spool ${spoolPath} were interrupted`,
      );
      expect(r.stdout).toMatch(/^ {2}central outbox: 2 claimed by the central sender$/m);
      const zh = cli(['doctor'], 'zh-CN');
      expect(zh.stdout).toContain('  警告：微信账号 host-a 有 2 条中心消息已等待超过一天，其主机未拉取');
    },
    SLOW,
  );

  it(
    'purge empties taken central rows and sent spool rows past retention; --dry-run only counts',
    async () => {
      const payloads = () =>
        central
          .query('SELECT dedupe_key, payload FROM central_outbox ORDER BY dedupe_key')
          .then((r) => r.rows);
      const before = await payloads();
      const dry = cli(['purge', '--dry-run']);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain('central messages (central_outbox) already taken, emptied: 2');
      expect(dry.stdout).toContain('sent messages in the central send spool emptied: 1');
      expect(await payloads()).toEqual(before);

      const done = cli(['purge'], 'zh-CN');
      expect(done.code).toBe(0);
      expect(done.stdout).toContain('清除中心待发消息（central_outbox）中已取走消息的内容：2 条');
      expect(done.stdout).toContain('清除中心发送缓存中已发消息的内容：1 条');
      // No taken row older than the cutoff keeps a payload; waiting ones (queued, as on SQLite) do.
      expect(
        (
          await central.query(
            `SELECT dedupe_key FROM central_outbox WHERE payload <> '' AND pulled_at IS NOT NULL AND pulled_at < $1`,
            [textCutoff],
          )
        ).rows,
      ).toEqual([]);
      expect(
        (await central.query(`SELECT dedupe_key FROM central_outbox WHERE payload = '' ORDER BY 1`)).rows,
      ).toEqual([{ dedupe_key: 'audit:old:other' }, { dedupe_key: 'digest:old:other' }]);
      const spool = new Database(spoolPath, { readonly: true });
      expect(
        spool
          .prepare('SELECT dedupe_key FROM outbox WHERE payload IS NOT NULL AND updated_at < ?')
          .all(textCutoff),
      ).toEqual([]);
      spool.close();
      expect(cli(['purge', '--dry-run']).stdout).toContain('already taken, emptied: 0');
    },
    SLOW,
  );

  it(
    'forget empties and withdraws central rows to them and leaves no byte of their name',
    async () => {
      const dry = cli(['forget', MEMBER, '--dry-run']);
      // 2 central rows and 1 in the spool are addressed to them.
      expect(dry.stdout).toMatch(/, 3 private messages\.\nDry run/);
      const r = cli(['forget', MEMBER]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        'Central messages to them: 2 texts deleted in central_outbox (those not yet taken withdrawn), 1 in the central send spool.',
      );
      // Every row of every table of the schema, as text: the name nowhere; the id only as the
      // record that a message was addressed to them (key and recipient, no text), their contact, and
      // the record that they were forgotten, for the hosts to erase them too (forgotten_members).
      const tables = (
        await central.query<{ t: string }>(
          'SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1',
        )
      ).rows.map((x) => x.t);
      expect(tables).toContain('central_outbox');
      const holding: string[] = [];
      for (const t of tables) {
        for (const { row } of (await central.query<{ row: string }>(`SELECT x::text AS row FROM "${t}" x`))
          .rows) {
          expect(row, t).not.toContain(NAME);
          if (row.includes(MEMBER)) holding.push(t);
        }
      }
      expect(holding.sort()).toEqual(['central_outbox', 'central_outbox', 'contacts', 'forgotten_members']);
      expect(
        (await central.query('SELECT contact_id FROM forgotten_members WHERE contact_id = $1', [MEMBER]))
          .rows,
      ).toEqual([{ contact_id: MEMBER }]);
      expect(
        (
          await central.query(
            'SELECT dedupe_key, payload, pulled_by FROM central_outbox WHERE recipient_id = $1 ORDER BY 1',
            [MEMBER],
          )
        ).rows,
      ).toEqual([
        { dedupe_key: `audit:new:${MEMBER}`, payload: '', pulled_by: 'central' },
        { dedupe_key: `digest:wait:${MEMBER}`, payload: '', pulled_by: 'withdrawn' },
      ]);
      expect(cli(['outbox', 'list']).stdout).toContain(
        'withdrawn unsent, their recipient forgotten (forget): 1',
      );
      // The withdrawn row is never pulled: the host gets only the other waiting row.
      const host = new Store(':memory:');
      await pullCentral(central.client, 'host-a', (items) => host.outbox.enqueue(items, now), now);
      expect(host.outbox.list().map((row) => row.dedupeKey)).toEqual(['digest:wait:other']);
      host.close();
      // The spool's files hold no byte of the name (SQLite's forget rewrites them).
      for (const file of [spoolPath, `${spoolPath}-wal`]) {
        if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(NAME)), file).toBe(false);
      }
      expect(cli(['forget', MEMBER, '--dry-run']).stdout).toMatch(/, 3 private messages\./);
    },
    SLOW,
  );
});
