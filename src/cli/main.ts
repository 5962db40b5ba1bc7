import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { type CliContext, createCliContext, guessLocale } from './cli-context.js';
import { EXIT } from './cli-error.js';
import { COMMANDS, commandsFor, type RegisterCommand } from './command-table.js';
import { describeError } from './describe-error.js';
import { localizeHelp } from './help-text.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// The language of help and of errors met before the configuration is read; afterwards the config's.
const locale = guessLocale(process.argv.slice(2), process.env, process.cwd());

/** The `qingqun` command: parses flags, builds the context once, dispatches to a subcommand. */
const program = new Command('qingqun')
  .description('清群 qingqun — measures formalism in WeChat work groups and recommends what to change')
  .version(version, '-V, --version', 'output the version number')
  .option('--db <path>', 'SQLite database file (env QINGQUN_DB, default data/qingqun.sqlite)')
  .option(
    '--config <path>',
    'local YAML config layered over the defaults (env QINGQUN_CONFIG; config/default.yaml lists them)',
  )
  .option('--locale <locale>', 'language of the output: zh-CN or en')
  .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent')
  // Errors are thrown, not printed: describe-error.ts says them in one line, in the right language.
  .exitOverride()
  .configureOutput({ outputError: () => {} });
localizeHelp(program, locale);

let context: CliContext | undefined;
const getContext = () => {
  context ??= createCliContext(program, process.env, locale);
  return context;
};

/**
 * Every failure ends here: one line on stderr, the documented exit code (cli-error.ts). The stack
 * only with QINGQUN_DEBUG=1, and for bugs the line says so.
 */
function exitWith(error: unknown): never {
  if (
    error instanceof CommanderError &&
    (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
  ) {
    process.exit(EXIT.ok);
  }
  // Help shown because no command was given: the help is the message.
  if (error instanceof CommanderError && error.code === 'commander.help') process.exit(EXIT.usage);
  const described = describeError(error, context?.config.locale ?? locale, { db: context?.config.db });
  process.stderr.write(`qingqun: ${described.line}\n`);
  if (process.env.QINGQUN_DEBUG === '1' && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
  process.exit(described.exitCode);
}
process.on('uncaughtException', exitWith);
process.on('unhandledRejection', exitWith);

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
  exitWith(error);
}
