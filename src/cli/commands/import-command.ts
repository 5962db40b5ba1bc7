import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { isPostgresUrl } from '../../config/db-target.js';
import { ARCHIVE_FORMATS, type ArchiveFormat } from '../../ingest/archive/archive-format.js';
import type { ArchiveImportSummary } from '../../ingest/archive/archive-summary.js';
import { importArchive } from '../../ingest/archive/import-archive.js';
import { ImportAbortedError } from '../../ingest/jsonl/import-aborted-error.js';
import type { ImportSummary } from '../../ingest/jsonl/import-summary.js';
import { createStoragePolicy } from '../../privacy/storage-policy.js';
import { PgDatabase } from '../../store/postgres/pg-database.js';
import { openStage } from '../../store/postgres/pg-stage.js';
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

/**
 * `import` on a PostgreSQL --db: the importers write to a primed SQLite stage, which is then
 * transferred with COPY (src/store/postgres/pg-stage.ts); messages PostgreSQL already held turn the
 * stage's "imported" into "duplicate", or into a rejected line when the content differs (said per
 * message, without a line number: the stage no longer knows it).
 */
async function importIntoPostgres(
  url: string,
  files: string[],
  flags: ImportFlags,
  format: ArchiveFormat | undefined,
  { config, out }: CliContext,
): Promise<void> {
  const db = await PgDatabase.open(url);
  try {
    const stage = await openStage(db, createStoragePolicy(config, { bulk: true }));
    try {
      let summary: ArchiveImportSummary | ImportSummary;
      let aborted = false;
      try {
        summary = await importArchive(stage.store, files, {
          format,
          roster: flags.roster,
          selfId: flags.selfId,
          timezone: config.timezone,
          org: config.org,
          onProblem: (problem) => process.stderr.write(`${String(problem)}\n`),
        });
      } catch (error) {
        if (!(error instanceof ImportAbortedError)) throw error;
        process.stderr.write(`qingqun: ${error.message}\n`);
        summary = error.summary;
        aborted = true;
      }
      const moved = await stage.transfer();
      const m = summary.messages;
      m.imported -= moved.duplicates + moved.conflicts.length;
      m.duplicate += moved.duplicates;
      m.rejected += moved.conflicts.length;
      summary.rejected += moved.conflicts.length;
      for (const c of moved.conflicts) {
        process.stderr.write(`${c.source} ${c.id}: id: already stored with different content\n`);
      }
      out(describe(config.locale, summary, summary as Partial<ArchiveImportSummary>));
      if (aborted || summary.rejected > 0) process.exitCode = 1;
    } finally {
      stage.dispose();
    }
  } finally {
    await db.close();
  }
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
      const policy = createStoragePolicy(config, { bulk: true });
      if (isPostgresUrl(config.db)) {
        await importIntoPostgres(config.db, files, flags, format, context());
        return;
      }
      const store = new Store(config.db, { policy });
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
