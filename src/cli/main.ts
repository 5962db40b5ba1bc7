import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { CliContext } from './cli-context.js';
import { EXIT } from './cli-error.js';
import { COMMAND_SUMMARIES, COMMANDS, commandsFor, type RegisterCommand } from './command-table.js';
import { describeError } from './describe-error.js';
import { localizeHelp } from './help-text.js';
import { guessLocale } from './locale.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const args = process.argv.slice(2);
// The language of help and of errors met before the configuration is read; afterwards the config's.
const locale = guessLocale(args, process.env, process.cwd());

/** The `qingqun` command: parses flags, builds the context once, dispatches to a subcommand. */
const program = new Command('qingqun')
  .description('清群 qingqun — measures formalism in WeChat work groups and recommends what to change')
  .version(version, '-V, --version', 'output the version number')
  .option(
    '--db <path>',
    'SQLite database file or postgres:// URL of a central store (env QINGQUN_DB, default data/qingqun.sqlite)',
  )
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

// The configuration (zod, YAML: a tenth of a second) is read only when a command is about to run,
// never for --help or --version.
let context: CliContext | undefined;
program.hook('preAction', async () => {
  const { createCliContext } = await import('./cli-context.js');
  context ??= createCliContext(program, process.env, locale);
});
const getContext = () => {
  if (!context) throw new Error('the command context is built before any action runs');
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
  // `qingqun help CMD` (exit 0), or help shown because no command was given: the help is the message.
  if (error instanceof CommanderError && error.code === 'commander.help') {
    process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
  }
  const described = describeError(error, context?.config.locale ?? locale, { db: context?.config.db });
  process.stderr.write(`qingqun: ${described.line}\n`);
  if (process.env.QINGQUN_DEBUG === '1' && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
  process.exit(described.exitCode);
}
// A reader that stops early (`qingqun report | head`) closes our stdout: that is not a failure of
// the command, so it ends quietly with exit 0 as other Unix tools do, instead of an "internal error".
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  exitWith(error);
});
process.on('uncaughtException', exitWith);
process.on('unhandledRejection', exitWith);

// Only the named command's module is loaded (command-table.ts). Without one (help, --version, a
// typo) every command is listed from its summary, and no command module is loaded at all.
const helpFor = args[0] === 'help' && args[1] !== undefined && Object.hasOwn(COMMANDS, args[1]);
const named = helpFor ? [args[1] as string] : commandsFor(args);
if (named.length === 1) {
  const register = await (COMMANDS[named[0] as string] as () => Promise<RegisterCommand>)();
  register(program, getContext);
} else {
  for (const [name, summary] of Object.entries(COMMAND_SUMMARIES)) program.command(name).description(summary);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  exitWith(error);
}
