import type { Command } from 'commander';
import { exportChatlab } from '../../ingest/archive/export/export-chatlab.js';
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
    .action((flags: ExportFlags) => {
      const { config, out } = context();
      choiceFlag('--format', flags.format, ['chatlab']);
      const store = new Store(config.db, { readonly: true });
      try {
        const result = exportChatlab(store, {
          outDir: flags.out,
          groupIds: flags.group,
          layout: flags.jsonl ? 'jsonl' : 'json',
        });
        const t = TEXT[config.locale];
        out(t.done(result.groups, result.messages, flags.out));
        if (result.missing.length > 0) {
          process.stderr.write(`qingqun: ${t.missing(result.missing.join(', '))}\n`);
          process.exitCode = 1;
        }
      } finally {
        store.close();
      }
    });
}
