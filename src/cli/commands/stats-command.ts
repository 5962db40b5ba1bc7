import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { renderStats } from '../../render/render-stats.js';
import { openStoreReads } from '../../store/contract.js';
import type { CliContext } from '../cli-context.js';

export function registerStatsCommand(program: Command, context: () => CliContext): void {
  program
    .command('stats')
    .description('show what is stored: groups, members, messages per type and week')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { json?: boolean }) => {
      const { config, out } = context();
      // Either engine, through the async store contract (src/store/contract.ts).
      const store = await openStoreReads(config.db);
      try {
        const offset = DateTime.now().setZone(config.timezone).offset;
        const stats = await store.readStats(offset);
        out(opts.json ? JSON.stringify(stats, null, 2) : renderStats(stats, config.locale, config.timezone));
      } finally {
        await store.close();
      }
    });
}
