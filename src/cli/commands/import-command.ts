import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { ARCHIVE_FORMATS } from '../../ingest/archive/archive-format.js';
import type { ArchiveImportSummary } from '../../ingest/archive/archive-summary.js';
import { importArchive } from '../../ingest/archive/import-archive.js';
import { ImportAbortedError } from '../../ingest/jsonl/import-aborted-error.js';
import type { ImportSummary } from '../../ingest/jsonl/import-summary.js';
import { createStoragePolicy } from '../../privacy/storage-policy.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';
import { failure } from '../cli-error.js';
import { choiceFlag } from '../flags.js';

interface ImportFlags {
  format?: string;
  roster?: string[];
  selfId?: string;
}

const TEXT = {
  'zh-CN': {
    kinds: { messages: '消息', groups: '群  ', contacts: '联系人' },
    counts: (c: ImportSummary['messages']) =>
      `新增 ${c.imported}，更新 ${c.updated}，重复 ${c.duplicate}，拒收 ${c.rejected}`,
    rejected: (n: number, unreadable: number) =>
      `拒收的行：${n}${unreadable ? `（其中 ${unreadable} 个文件无法读取）` : ''}`,
    unknownTypes: (list: string) => `未知类型（只计数，不保存）：${list}`,
    skipped: (list: string) => `跳过：${list}`,
  },
  en: {
    kinds: { messages: 'messages', groups: 'groups  ', contacts: 'contacts' },
    counts: (c: ImportSummary['messages']) =>
      `${c.imported} imported, ${c.updated} updated, ${c.duplicate} duplicate, ${c.rejected} rejected`,
    rejected: (n: number, unreadable: number) =>
      `rejected lines: ${n}${unreadable ? ` (${unreadable} unreadable)` : ''}`,
    unknownTypes: (list: string) => `unknown types (counted, not stored): ${list}`,
    skipped: (list: string) => `skipped: ${list}`,
  },
};

function describe(
  locale: keyof typeof TEXT,
  summary: ImportSummary,
  extra?: Partial<ArchiveImportSummary>,
): string {
  const t = TEXT[locale];
  const counts = (r: Record<string, number> | undefined) =>
    Object.entries(r ?? {})
      .map(([type, n]) => `${type} ${n}`)
      .join(', ');
  return [
    `${t.kinds.messages}: ${t.counts(summary.messages)}`,
    `${t.kinds.groups}: ${t.counts(summary.groups)}`,
    `${t.kinds.contacts}: ${t.counts(summary.contacts)}`,
    t.rejected(summary.rejected, summary.unreadable),
    ...(counts(extra?.unknownTypes) ? [t.unknownTypes(counts(extra?.unknownTypes))] : []),
    ...(counts(extra?.skipped) ? [t.skipped(counts(extra?.skipped))] : []),
  ].join('\n');
}

export function registerImportCommand(program: Command, context: () => CliContext): void {
  program
    .command('import')
    .description(
      'import chat data (JSON Lines, WeCom archive, chatlog, WeChatMsg, PyWxDump, ChatLab); bad lines are named',
    )
    .argument('<files...>', 'files to import (format detected unless --format)')
    .option('--format <name>', `one of ${ARCHIVE_FORMATS.join(', ')}`)
    // One file per --roster (repeat it for several): a variadic option would swallow the files.
    .option(
      '--roster <file>',
      'a roster file (CSV or YAML) with group members and owners; repeat for several',
      (file: string, files: string[] = []) => [...files, file],
    )
    .option('--self-id <id>', 'the exporting account’s own contact id, for exports that only say "me"')
    .action(async (files: string[], flags: ImportFlags) => {
      const { config, out } = context();
      const format =
        flags.format === undefined ? undefined : choiceFlag('--format', flags.format, ARCHIVE_FORMATS);
      // A mistyped file name fails before the database is opened (or created).
      for (const file of [...(flags.roster ?? []), ...files]) {
        if (!existsSync(file)) throw failure('notFound', { path: file });
      }
      const store = new Store(config.db, { policy: createStoragePolicy(config, { bulk: true }) });
      try {
        const summary = await importArchive(store, files, {
          format,
          roster: flags.roster,
          selfId: flags.selfId,
          timezone: config.timezone,
          org: config.org,
          onProblem: (problem) => process.stderr.write(`${String(problem)}\n`),
        });
        out(describe(config.locale, summary, summary));
        if (summary.rejected > 0) process.exitCode = 1;
      } catch (error) {
        if (!(error instanceof ImportAbortedError)) throw error;
        process.stderr.write(`qingqun: ${error.message}\n`);
        out(describe(config.locale, error.summary));
        process.exitCode = 1;
      } finally {
        store.close();
      }
    });
}
