import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { COMMANDS } from '../../converse/command-registry.js';
import { deliverySetupLines } from '../../deliver/delivery-check.js';
import { permissionBits } from '../../platform/private-files.js';
import { describeChartFonts } from '../../render/chart-fonts.js';
import type { DatabaseCheck } from '../../store/maintenance.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';
import { choiceFlag } from '../flags.js';

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
    .action((flags: { format: string }) => {
      const { config, out } = context();
      const format = choiceFlag('--format', flags.format, ['text', 'json']);
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
