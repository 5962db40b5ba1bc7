import type { Command } from 'commander';
import { deliverySetupLines } from '../../deliver/delivery-check.js';
import { backupDatabase } from '../../store/backup-database.js';
import { checkDatabase } from '../../store/check-database.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';

/** `backup FILE` and `doctor`: keeping the database safe. */
export function registerMaintenanceCommands(program: Command, context: () => CliContext): void {
  program
    .command('backup')
    .description('write a consistent online copy of the database (safe while the bot runs)')
    .argument('<file>', 'the copy to write (must not exist)')
    .action(async (file: string) => {
      const { config, out } = context();
      const store = new Store(config.db);
      try {
        const { pages } = await backupDatabase(store, file);
        out(`backup of ${config.db} written to ${file} (${pages} pages)`);
      } finally {
        store.close();
      }
    });
  program
    .command('doctor')
    .description('check the database: integrity, foreign keys, schema version, row counts')
    .action(() => {
      const { config, out } = context();
      const store = new Store(config.db);
      try {
        const check = checkDatabase(store);
        out(JSON.stringify(check, null, 2));
        out(check.ok ? `${config.db}: ok` : `${config.db}: PROBLEMS FOUND`);
        // Delivery: warnings only; the exit code stays the database's.
        for (const line of deliverySetupLines(store, config)) out(line);
        if (!check.ok) process.exitCode = 1;
      } finally {
        store.close();
      }
    });
}
