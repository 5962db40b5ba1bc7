import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { runLiveBot } from '../start/run-live-bot.js';
import { runSimulationDemo } from '../start/run-simulation-demo.js';

export function registerStartCommand(program: Command, context: () => CliContext): void {
  program
    .command('start')
    .description('run the bot: on a simulated organisation unless WECHATY_PUPPET is configured')
    .option('--seed <n>', 'seed of the simulated organisation', '1')
    .action(async (flags: { seed: string }) => {
      const ctx = context();
      if (ctx.config.puppet.name === '') await runSimulationDemo(ctx, { seed: Number(flags.seed) });
      else await runLiveBot(ctx);
    });
}
