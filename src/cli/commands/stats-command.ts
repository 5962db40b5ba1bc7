import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { renderStats } from '../../render/render-stats.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';

export function registerStatsCommand(program: Command, context: () => CliContext): void {
  program
    .command('stats')
    .description('show what is stored: groups, members, messages per type and week')
    .option('--json', 'print JSON instead of a table')
    .action((opts: { json?: boolean }) => {
      const { config, out } = context();
      const store = new Store(config.db, { readonly: true });
      try {
        const offset = DateTime.now().setZone(config.timezone).offset;
        const stats = store.stats.read(offset);
        out(opts.json ? JSON.stringify(stats, null, 2) : renderStats(stats, config.locale, config.timezone));
      } finally {
        store.close();
      }
    });
}
