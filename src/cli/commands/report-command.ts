import type { Command } from 'commander';
import { analyseStoredWeek } from '../../analysis/analyse-stored-week.js';
import { buildWeeklyReport } from '../../analysis/weekly-report.js';
import { recommendStoredWeek } from '../../recommend/recommend-stored-week.js';
import { withRecommendations } from '../../recommend/with-recommendations.js';
import { renderReport } from '../../render/render-report.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';
import { usageError } from '../cli-error.js';
import { choiceFlag, weekFlag } from '../flags.js';

interface ReportFlags {
  week?: string;
  format: string;
  group?: string;
}

export function registerReportCommand(program: Command, context: () => CliContext): void {
  program
    .command('report')
    .description(
      'the weekly report: volume, duplicates, roll-calls, floods, rushed demands, zombies, overlap',
    )
    .option('--week <week>', 'ISO week, e.g. 2026-W47 (default: last week)')
    .option('--format <format>', 'text, md or json', 'text')
    .option('--group <id>', 'only this group')
    .action((flags: ReportFlags) => {
      const { config, out } = context();
      choiceFlag('--format', flags.format, ['text', 'md', 'json']);
      const week = weekFlag(flags.week, config.timezone);
      const store = new Store(config.db, { readonly: true });
      try {
        const analysis = analyseStoredWeek(store, config, week);
        const { data, findings, previous } = analysis;
        const { recommendations } = recommendStoredWeek(store, config, week, analysis);
        if (flags.group !== undefined && !data.groups.some((g) => g.id === flags.group)) {
          throw usageError('unknownGroup', { group: flags.group, db: config.db });
        }
        const built = buildWeeklyReport({
          data,
          findings,
          previous,
          timezone: config.timezone,
          groupId: flags.group,
        });
        const report = withRecommendations(built, recommendations);
        out(
          flags.format === 'json'
            ? JSON.stringify(report, null, 2)
            : renderReport(report, {
                format: flags.format as 'text' | 'md',
                locale: config.locale,
                contacts: data.contacts,
              }),
        );
      } finally {
        store.close();
      }
    });
}
