import type { Command } from 'commander';
import { ImportAbortedError } from '../../ingest/jsonl/import-aborted-error.js';
import { importJsonl } from '../../ingest/jsonl/import-jsonl.js';
import type { ImportSummary } from '../../ingest/jsonl/import-summary.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';

function describe(summary: ImportSummary): string {
  const k = (name: string, c: ImportSummary['messages']) =>
    `${name}: ${c.imported} imported, ${c.updated} updated, ${c.duplicate} duplicate, ${c.rejected} rejected`;
  return [
    k('messages', summary.messages),
    k('groups  ', summary.groups),
    k('contacts', summary.contacts),
    `rejected lines: ${summary.rejected}${summary.unreadable ? ` (${summary.unreadable} unreadable)` : ''}`,
  ].join('\n');
}

export function registerImportCommand(program: Command, context: () => CliContext): void {
  program
    .command('import')
    .description('import chat data (JSON Lines interchange format); bad lines are named, good lines stored')
    .argument('<files...>', 'files to import')
    .action(async (files: string[]) => {
      const { config, out } = context();
      const store = new Store(config.db);
      try {
        const summary = await importJsonl(store, files, {
          onProblem: (problem) => process.stderr.write(`${String(problem)}\n`),
        });
        out(describe(summary));
        if (summary.rejected > 0) process.exitCode = 1;
      } catch (error) {
        if (!(error instanceof ImportAbortedError)) throw error;
        process.stderr.write(`qingqun: ${error.message}\n`);
        out(describe(error.summary));
        process.exitCode = 1;
      } finally {
        store.close();
      }
    });
}
