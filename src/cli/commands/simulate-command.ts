import type { Command } from 'commander';
import { resolveSimulationOptions } from '../../ingest/simulate/simulation-options.js';
import { truthPathFor, writeSimulation } from '../../ingest/simulate/write-simulation.js';
import type { CliContext } from '../cli-context.js';
import { validating } from '../cli-error.js';
import { integerFlag, outputFile } from '../flags.js';

interface SimulateFlags {
  seed: string;
  groups?: string;
  cadres?: string;
  weeks: string;
  messages?: string;
  start?: string;
  out: string;
}

const int = (flag: string, value: string | undefined) => integerFlag(`--${flag}`, value);

export function registerSimulateCommand(program: Command, context: () => CliContext): void {
  program
    .command('simulate')
    .description('write a seeded simulated town office as JSON Lines, with its ground truth beside it')
    .option('--seed <n>', 'random seed (same seed, same output)', '1')
    .option('--groups <n>', 'number of work groups (default 24)')
    .option('--cadres <n>', 'number of cadres (default 5 per group)')
    .option('--weeks <n>', 'number of ISO weeks', '4')
    .option('--messages <n>', 'messages in total over all weeks (default about 62.5 per group and week)')
    .option('--start <date>', 'local date in the first week (default 2026-10-26)')
    .requiredOption('--out <file>', 'JSON Lines file to write')
    .action(async (flags: SimulateFlags) => {
      const { out, config } = context();
      const weeks = int('weeks', flags.weeks) ?? 4;
      const total = int('messages', flags.messages);
      const options = {
        seed: int('seed', flags.seed),
        groups: int('groups', flags.groups),
        cadres: int('cadres', flags.cadres),
        weeks,
        messagesPerWeek: total === undefined ? undefined : Math.max(100, Math.round(total / weeks)),
        start: flags.start,
      };
      // The simulation's RangeErrors name the option that is out of range: the operator's values.
      validating(() => resolveSimulationOptions(options));
      const result = await writeSimulation(options, outputFile(flags.out));
      out(
        config.locale === 'zh-CN'
          ? `已写入 ${flags.out}：${result.contacts} 位联系人、${result.groups} 个群、${result.messages} 条消息（${result.weeks.join('、')}）；标准答案在 ${truthPathFor(flags.out)}`
          : `wrote ${flags.out}: ${result.contacts} contacts, ${result.groups} groups, ${result.messages} messages ` +
              `(${result.weeks.join(', ')}); ground truth in ${truthPathFor(flags.out)}`,
      );
    });
}
