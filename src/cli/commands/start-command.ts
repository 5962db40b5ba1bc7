import type { Command } from 'commander';
import { refuseCentralDb } from '../central-refusals.js';
import type { CliContext } from '../cli-context.js';
import { failure } from '../cli-error.js';

/** Puppets that cannot log in without a token (wechaty's puppet-service family). */
const NEEDS_TOKEN = new Set(['wechaty-puppet-service', 'wechaty-puppet-padlocal']);

/**
 * Before Wechaty (which prints screens of text and a stack for either): the configured puppet must
 * be installed, and a token-based puppet must have its token. Nothing is created when it fails.
 */
export function checkPuppet(name: string, token: string | undefined): void {
  try {
    import.meta.resolve(name);
  } catch {
    throw failure('puppetNotInstalled', { name });
  }
  if (NEEDS_TOKEN.has(name) && !token) throw failure('puppetNoToken', { name });
}

export function registerStartCommand(program: Command, context: () => CliContext): void {
  program
    .command('start')
    .description('run the bot: on a simulated organisation unless WECHATY_PUPPET is configured')
    .option('--seed <n>', 'seed of the simulated organisation', '1')
    .action(async (flags: { seed: string }) => {
      const ctx = context();
      refuseCentralDb(ctx.config.db, 'recorder', 'start');
      // Loaded on demand: Wechaty takes seconds to load and the other commands never need it.
      if (ctx.config.puppet.name === '') {
        const { runSimulationDemo } = await import('../demo/run-simulation-demo.js');
        await runSimulationDemo(ctx, { seed: Number(flags.seed) });
      } else {
        checkPuppet(ctx.config.puppet.name, ctx.config.puppet.token);
        const { runLiveBot } = await import('../start/run-live-bot.js');
        await runLiveBot(ctx);
      }
    });
}
