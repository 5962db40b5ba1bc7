import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';

export function registerStartCommand(program: Command, context: () => CliContext): void {
  program
    .command('start')
    .description('run the bot: on a simulated organisation unless WECHATY_PUPPET is configured')
    .option('--seed <n>', 'seed of the simulated organisation', '1')
    .action(async (flags: { seed: string }) => {
      const ctx = context();
      // Loaded on demand: Wechaty takes seconds to load and the other commands never need it.
      if (ctx.config.puppet.name === '') {
        const { runSimulationDemo } = await import('../start/run-simulation-demo.js');
        await runSimulationDemo(ctx, { seed: Number(flags.seed) });
      } else {
        const { runLiveBot } = await import('../start/run-live-bot.js');
        await runLiveBot(ctx);
      }
    });
}
