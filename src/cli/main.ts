import { Command } from 'commander';
import { ConfigError } from '../config/config-error.js';
import { outboxOnlyQueue, queueOwnerDigests } from '../deliver/queue-weekly-deliveries.js';
import { type CliContext, createCliContext } from './cli-context.js';
import { registerAuditCommand } from './commands/audit-command.js';
import { registerDigestCommand } from './commands/digest-command.js';
import { registerExportCommand } from './commands/export-command.js';
import { registerForgetCommand } from './commands/forget-command.js';
import { registerImportCommand } from './commands/import-command.js';
import { registerMaintenanceCommands } from './commands/maintenance-commands.js';
import { registerPurgeCommand } from './commands/purge-command.js';
import { registerReportCommand } from './commands/report-command.js';
import { registerServeCommand } from './commands/serve-command.js';
import { registerServeWebhookCommand } from './commands/serve-webhook-command.js';
import { registerSimulateCommand } from './commands/simulate-command.js';
import { registerStartCommand } from './commands/start-command.js';
import { registerStatsCommand } from './commands/stats-command.js';

/** The `qingqun` command: parses flags, builds the context once, dispatches to a subcommand. */
const program = new Command('qingqun')
  .description('清群 qingqun — measures formalism in WeChat work groups and recommends what to change')
  .option('--db <path>', 'SQLite database file (env QINGQUN_DB, default data/qingqun.sqlite)')
  .option('--config <path>', 'local YAML config layered over config/default.yaml (env QINGQUN_CONFIG)')
  .option('--locale <locale>', 'language of the output: zh-CN or en')
  .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent')
  .showHelpAfterError();

let context: CliContext | undefined;
const getContext = () => {
  context ??= createCliContext(program, process.env);
  return context;
};

registerStartCommand(program, getContext);
registerImportCommand(program, getContext);
registerSimulateCommand(program, getContext);
registerStatsCommand(program, getContext);
registerReportCommand(program, getContext);
registerDigestCommand(program, getContext, {
  // Without --dry-run digests go to the outbox; the running bot's send queue delivers them.
  queueDigests: (store, config, digests) => {
    const now = Date.now();
    const queue = outboxOnlyQueue(store, now);
    for (const d of digests) queueOwnerDigests(store, config, queue, d.week, now, { ownerId: d.ownerId });
    return digests.length;
  },
});
registerAuditCommand(program, getContext);
registerPurgeCommand(program, getContext);
registerForgetCommand(program, getContext);
registerMaintenanceCommands(program, getContext);
registerExportCommand(program, getContext);
registerServeCommand(program, getContext);
registerServeWebhookCommand(program, getContext);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`qingqun: ${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof RangeError) {
    process.stderr.write(`qingqun: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
