import type { Command } from 'commander';
import { isPostgresUrl } from '../../config/db-target.js';
import {
  type ChatlabExportResult,
  exportChatlab,
  exportChatlabAsync,
} from '../../ingest/archive/export/export-chatlab.js';
import { PgDatabase } from '../../store/postgres/pg-database.js';
import { PgExportReads } from '../../store/postgres/pg-export.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';
import { choiceFlag } from '../flags.js';

const TEXT = {
  'zh-CN': {
    done: (groups: number, messages: number, dir: string) =>
      `已导出 ${groups} 个群、${messages} 条消息到 ${dir}`,
    missing: (ids: string) => `没有这些群：${ids}`,
  },
  en: {
    done: (groups: number, messages: number, dir: string) =>
      `exported ${groups} groups, ${messages} messages to ${dir}`,
    missing: (ids: string) => `no such groups: ${ids}`,
  },
};

interface ExportFlags {
  format: string;
  out: string;
  group?: string[];
  jsonl?: boolean;
}

export function registerExportCommand(program: Command, context: () => CliContext): void {
  program
    .command('export')
    .description('export stored groups for other tools (ChatLab format v0.0.2, one file per group)')
    .option('--format <name>', 'export format (chatlab)', 'chatlab')
    .requiredOption('--out <dir>', 'directory to write')
    .option('--group <id...>', 'only these groups')
    .option('--jsonl', 'write ChatLab JSONL instead of JSON (for very large groups)')
    .action(async (flags: ExportFlags) => {
      const { config, out } = context();
      choiceFlag('--format', flags.format, ['chatlab']);
      const options = {
        outDir: flags.out,
        groupIds: flags.group,
        layout: flags.jsonl ? ('jsonl' as const) : ('json' as const),
      };
      const say = (result: ChatlabExportResult) => {
        const t = TEXT[config.locale];
        out(t.done(result.groups, result.messages, flags.out));
        if (result.missing.length > 0) {
          process.stderr.write(`qingqun: ${t.missing(result.missing.join(', '))}\n`);
          process.exitCode = 1;
        }
      };
      if (isPostgresUrl(config.db)) {
        const db = await PgDatabase.open(config.db, { mustExist: true });
        try {
          say(await exportChatlabAsync(new PgExportReads(db), options));
        } finally {
          await db.close();
        }
        return;
      }
      const store = new Store(config.db, { readonly: true });
      try {
        say(exportChatlab(store, options));
      } finally {
        store.close();
      }
    });
}
