import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { deliverySetupLines } from '../../app/delivery-check.js';
import { isPostgresUrl } from '../../config/db-target.js';
import type { Config } from '../../config/schema.js';
import { COMMANDS } from '../../converse/command-registry.js';
import { permissionBits } from '../../platform/private-files.js';
import { describeChartFonts } from '../../render/chart-fonts.js';
import type { DatabaseCheck } from '../../store/maintenance.js';
import { purgeStart } from '../../store/maintenance.js';
import { type CentralOutboxHealth, checkCentralOutbox } from '../../store/postgres/central-erasure.js';
import { PgDatabase } from '../../store/postgres/pg-database.js';
import { checkPg, type PgDatabaseCheck, type WeekPartition } from '../../store/postgres/pg-maintenance.js';
import { Store } from '../../store/store.js';
import { refuseCentralDb } from '../central-refusals.js';
import type { CliContext } from '../cli-context.js';
import { choiceFlag } from '../flags.js';
import { withCentralSpool } from './central-spool.js';

/** A file or directory of the database that others than its owner may read or enter. */
export interface WideMode {
  path: string;
  mode: string;
}

const octal = (mode: number) => `0${mode.toString(8).padStart(3, '0')}`;

/** The database, its -wal and -shm and its directory, where group or others have any access. */
export function widePermissions(db: string): WideMode[] {
  return [db, `${db}-wal`, `${db}-shm`, resolve(dirname(db))].flatMap((path) => {
    const bits = permissionBits(path);
    return bits !== null && (bits & 0o077) !== 0 ? [{ path, mode: octal(bits) }] : [];
  });
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const span = (p: WeekPartition) => `${p.name} (${day(p.from)}–${day(p.to - 1)})`;

/** What doctor says on PostgreSQL where SQLite's checks have no counterpart, or another one. */
const PG_TEXT = {
  'zh-CN': {
    server: (c: PgDatabaseCheck) => `  服务器：PostgreSQL ${c.server}，用户 ${c.user}，schema ${c.schema}`,
    integrity: (c: PgDatabaseCheck) =>
      `  完整性检查：页面由 PostgreSQL 服务器自行校验（数据校验和${c.dataChecksums ? '已开启' : '未开启'}）；message_keys ${c.keysMatchMessages ? '与消息一一对应' : `与消息不一致（message_keys ${c.counts.message_keys} 行，messages ${c.counts.messages} 行）`}`,
    foreignKeys: '  外键：由 PostgreSQL 始终强制执行',
    journal: '  日志模式：不适用（预写日志由 PostgreSQL 服务器管理）',
    partitions: (c: PgDatabaseCheck) =>
      c.partitions.first && c.partitions.last
        ? `  按周分区：${c.partitions.count} 个，最早 ${span(c.partitions.first)}，最晚 ${span(c.partitions.last)}`
        : '  按周分区：无（尚无消息）',
    permissions: (c: PgDatabaseCheck) =>
      `  文件权限：不适用（由服务器的角色权限决定谁能读取；当前用户 ${c.user}）`,
    delivery: '发送渠道：在各机器人主机上检查（qingqun doctor --db 本机数据库）',
    central: (c: CentralOutboxHealth, spool: SpoolHealth | undefined) => [
      `  中心待发消息：由中心发送方领取 ${c.claimedCentral} 条${Object.keys(c.staleWaiting).length === 0 ? '，无等待超过一天的消息' : ''}`,
      ...Object.entries(c.staleWaiting).map(([account, n]) =>
        account === ''
          ? `  警告：${n} 条邮件/企业微信中心消息已等待超过一天未发送（中心库上是否定时运行 qingqun send --drain？）`
          : `  警告：微信账号 ${account} 有 ${n} 条中心消息已等待超过一天，其主机未拉取（该主机上 qingqun ship 是否在运行？）`,
      ),
      ...(c.payloadsPastRetention > 0
        ? [`  警告：${c.payloadsPastRetention} 条中心消息已过保存期限仍有内容（请运行 qingqun purge）`]
        : []),
      ...(spool && spool.interrupted > 0
        ? [
            `  警告：中心发送缓存 ${spool.path} 中有 ${spool.interrupted} 条消息发送时中断，未确认是否送达，不会重发（qingqun outbox list --db ${spool.path}）`,
          ]
        : []),
    ],
  },
  en: {
    server: (c: PgDatabaseCheck) => `  server: PostgreSQL ${c.server}, user ${c.user}, schema ${c.schema}`,
    integrity: (c: PgDatabaseCheck) =>
      `  integrity: pages are checked by the PostgreSQL server (data checksums ${c.dataChecksums ? 'on' : 'off'}); message_keys ${c.keysMatchMessages ? 'match the messages' : `DO NOT match the messages (message_keys ${c.counts.message_keys} rows, messages ${c.counts.messages} rows)`}`,
    foreignKeys: '  foreign keys: always enforced by PostgreSQL',
    journal: "  journal mode: not applicable (the write-ahead log is the PostgreSQL server's)",
    partitions: (c: PgDatabaseCheck) =>
      c.partitions.first && c.partitions.last
        ? `  week partitions: ${c.partitions.count}, first ${span(c.partitions.first)}, last ${span(c.partitions.last)}`
        : '  week partitions: none (no messages yet)',
    permissions: (c: PgDatabaseCheck) =>
      `  permissions: not applicable (the server's roles decide who may read; connected as ${c.user})`,
    delivery: 'delivery: checked on each bot host (qingqun doctor --db its spool)',
    central: (c: CentralOutboxHealth, spool: SpoolHealth | undefined) => [
      `  central outbox: ${c.claimedCentral} claimed by the central sender${Object.keys(c.staleWaiting).length === 0 ? ', none waiting over a day' : ''}`,
      ...Object.entries(c.staleWaiting).map(([account, n]) =>
        account === ''
          ? `  warning: ${n} central email / WeCom message(s) have waited over a day unsent (is qingqun send --drain run on the central store?)`
          : `  warning: ${n} central message(s) for WeChat account ${account} have waited over a day: its host is not pulling them (is qingqun ship running there?)`,
      ),
      ...(c.payloadsPastRetention > 0
        ? [
            `  warning: ${c.payloadsPastRetention} central message(s) still hold their text past retention (run qingqun purge)`,
          ]
        : []),
      ...(spool && spool.interrupted > 0
        ? [
            `  warning: ${spool.interrupted} message(s) in the central send spool ${spool.path} were interrupted while sending, unconfirmed and not resent (qingqun outbox list --db ${spool.path})`,
          ]
        : []),
    ],
  },
};

/** The central send spool as doctor sees it: messages left `sending` or `unconfirmed` by a crash. */
interface SpoolHealth {
  path: string;
  interrupted: number;
}

const TEXT = {
  'zh-CN': {
    backedUp: (db: string, file: string, pages: number) =>
      `已将 ${db} 备份到 ${file}（${pages} 页，仅本人可读）`,
    ok: (db: string) => `数据库 ${db}：正常`,
    problems: (db: string) => `数据库 ${db}：发现问题`,
    integrity: (lines: string[]) => `  完整性检查：${lines.join('；')}`,
    foreignKeys: (n: number) => `  外键：${n === 0 ? '无违例' : `${n} 处违例`}`,
    schema: (v: number, expected: number) => `  结构版本：${v}（本版本清群为 ${expected}）`,
    journal: (mode: string) => `  日志模式：${mode}`,
    counts: (c: Record<string, number>) =>
      `  行数：${Object.entries(c)
        .map(([t, n]) => `${t} ${n}`)
        .join('，')}`,
    permissionsOk: '  文件权限：仅本人可访问',
    wide: (w: WideMode) =>
      `  警告：${w.path} 的权限是 ${w.mode}，其他用户也能访问（其中有消息和姓名）；建议 chmod ${w.path.endsWith('.sqlite') || /-(wal|shm)$/.test(w.path) ? '600' : '700'} ${w.path}`,
  },
  en: {
    backedUp: (db: string, file: string, pages: number) =>
      `backup of ${db} written to ${file} (${pages} pages, readable by its owner only)`,
    ok: (db: string) => `${db}: ok`,
    problems: (db: string) => `${db}: PROBLEMS FOUND`,
    integrity: (lines: string[]) => `  integrity: ${lines.join('; ')}`,
    foreignKeys: (n: number) => `  foreign keys: ${n === 0 ? 'no violations' : `${n} violations`}`,
    schema: (v: number, expected: number) => `  schema version: ${v} (this qingqun: ${expected})`,
    journal: (mode: string) => `  journal mode: ${mode}`,
    counts: (c: Record<string, number>) =>
      `  rows: ${Object.entries(c)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
    permissionsOk: '  permissions: owner only',
    wide: (w: WideMode) =>
      `  warning: ${w.path} has mode ${w.mode}, so other users can access it (it holds messages and names); chmod ${w.path.endsWith('.sqlite') || /-(wal|shm)$/.test(w.path) ? '600' : '700'} ${w.path}`,
  },
};

/** `backup FILE` and `doctor`: keeping the database safe. */
export function registerMaintenanceCommands(program: Command, context: () => CliContext): void {
  program
    .command('backup')
    .description('write a consistent online copy of the database (safe while the bot runs)')
    .argument('<file>', 'the copy to write (must not exist)')
    .action(async (file: string) => {
      const { config, out } = context();
      refuseCentralDb(config.db, 'backup', 'backup');
      const store = new Store(config.db, { readonly: true });
      try {
        const { pages } = await store.maintenance.backup(file);
        out(TEXT[config.locale].backedUp(config.db, file, pages));
      } finally {
        store.close();
      }
    });
  program
    .command('doctor')
    .description('check the database: integrity, foreign keys, schema version, row counts, file permissions')
    .option('--format <format>', 'text or json', 'text')
    .action(async (flags: { format: string }) => {
      const { config, out } = context();
      const format = choiceFlag('--format', flags.format, ['text', 'json']);
      if (isPostgresUrl(config.db)) {
        await doctorPg(config, format, out);
        return;
      }
      const store = new Store(config.db, { readonly: true });
      let check: DatabaseCheck;
      let delivery: string[];
      try {
        check = store.maintenance.check();
        // Delivery: warnings only; the exit code stays the database's.
        delivery = deliverySetupLines(
          store,
          config,
          COMMANDS.map((c) => c.words[0] as string),
        );
      } finally {
        store.close();
      }
      const wide = widePermissions(config.db);
      if (format === 'json') {
        out(
          JSON.stringify(
            { ...check, widePermissions: wide, chartFonts: describeChartFonts(), delivery },
            null,
            2,
          ),
        );
      } else {
        const t = TEXT[config.locale];
        out(
          [
            check.ok ? t.ok(config.db) : t.problems(config.db),
            t.integrity(check.integrity),
            t.foreignKeys(check.foreignKeyViolations),
            t.schema(check.schemaVersion, check.expectedSchemaVersion),
            t.journal(check.journalMode),
            t.counts(check.counts),
            ...(wide.length === 0 ? [t.permissionsOk] : wide.map(t.wide)),
            chartFontLine(config.locale),
            ...delivery,
          ].join('\n'),
        );
      }
      if (!check.ok) process.exitCode = 1;
    });
}

/**
 * doctor on PostgreSQL: the same exit-code rule (1 when a check fails; a database that cannot be
 * opened is the usual catalogued line), SQLite's file checks replaced by their PostgreSQL meaning.
 * Delivery is not checked here: central messages go out through the bot hosts, whose doctor checks it.
 */
async function doctorPg(config: Config, format: string, out: (text: string) => void): Promise<void> {
  const { locale } = config;
  const db = await PgDatabase.open(config.db, { mustExist: true });
  let check: PgDatabaseCheck;
  let central: CentralOutboxHealth;
  try {
    check = await checkPg(db);
    const now = Date.now();
    central = await checkCentralOutbox(db, now, purgeStart(config, now, true).textCutoff);
  } finally {
    await db.close();
  }
  // Warnings only: the exit code stays the database's, as for delivery on SQLite.
  const spool = withCentralSpool(
    config,
    (s): SpoolHealth => {
      const counts = s.outbox.counts();
      return { path: config.central.sendSpool, interrupted: counts.sending + counts.unconfirmed };
    },
    { readonly: true },
  );
  if (format === 'json') {
    out(
      JSON.stringify(
        {
          database: db.label,
          ...check,
          centralOutbox: central,
          ...(spool ? { sendSpool: spool } : {}),
          chartFonts: describeChartFonts(),
        },
        null,
        2,
      ),
    );
  } else {
    const t = TEXT[locale];
    const p = PG_TEXT[locale];
    out(
      [
        check.ok ? t.ok(db.label) : t.problems(db.label),
        p.server(check),
        p.integrity(check),
        p.foreignKeys,
        t.schema(check.schemaVersion, check.expectedSchemaVersion),
        p.journal,
        t.counts(check.counts),
        p.partitions(check),
        ...(central.present || spool ? p.central(central, spool) : []),
        p.permissions(check),
        chartFontLine(locale),
        p.delivery,
      ].join('\n'),
    );
  }
  if (!check.ok) process.exitCode = 1;
}

/** What the digest charts are drawn with (render/chart-fonts.ts), or a warning when Chinese cannot be. */
function chartFontLine(locale: string): string {
  const { cjk, latin } = describeChartFonts();
  const zh = locale !== 'en';
  if (cjk === null) {
    return zh
      ? '图表字体：未找到中文字体，图表中的中文会显示为方框（请重新安装 qingqun 的依赖，或安装 fonts-noto-cjk）'
      : "chart fonts: no CJK font found, Chinese in charts will be boxes (reinstall qingqun's dependencies or install fonts-noto-cjk)";
  }
  const faces = [cjk, latin].filter((f) => f !== null).join(zh ? '；' : '; ');
  return zh ? `图表字体：${faces}` : `chart fonts: ${faces}`;
}
