import { Command } from 'commander';
import { ConfigError } from '../config/config-error.js';
import { type CliContext, createCliContext } from './cli-context.js';
import { COMMANDS, commandsFor, type RegisterCommand } from './command-table.js';

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

// Only the named command's module is loaded (command-table.ts); help and typos load them all.
const registered = new Set<RegisterCommand>();
for (const name of commandsFor(process.argv.slice(2))) {
  const register = await (COMMANDS[name] as () => Promise<RegisterCommand>)();
  if (registered.has(register)) continue;
  registered.add(register);
  register(program, getContext);
}

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
