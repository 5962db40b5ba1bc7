import type { Command } from 'commander';
import { buildWeeklyReport } from '../../analysis/weekly-report.js';
import { redactDbUrl } from '../../config/db-target.js';
import { withRecommendations } from '../../recommend/with-recommendations.js';
import { renderReport } from '../../render/render-report.js';
import { REPORT_TEXT } from '../../render/report-text.js';
import { openStoreReads } from '../../store/contract.js';
import { sourceDefaultWeek, sourceWeekHasMessages, sourceWeekSpan } from '../../weeks/source-weeks.js';
import { WeekAnalyses } from '../../weeks/week-analyses.js';
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
    .option('--week <week>', 'ISO week, e.g. 2026-W47 (default: the latest complete week with data)')
    .option('--format <format>', 'text, md or json', 'text')
    .option('--group <id>', 'only this group')
    .action(async (flags: ReportFlags) => {
      const { config, out } = context();
      choiceFlag('--format', flags.format, ['text', 'md', 'json']);
      // A week given is checked (a bad one is a usage error); without one, the latest complete stored week.
      const given = flags.week === undefined ? undefined : weekFlag(flags.week, config.timezone);
      // Either engine, through the async store contract (src/store/contract.ts).
      const store = await openStoreReads(config.db);
      try {
        const week = given ?? (await sourceDefaultWeek(store, config.timezone, Date.now()));
        // A week without any message is said to be one: analysed, it would call every group a zombie.
        if (!(await sourceWeekHasMessages(store, week, config.timezone))) {
          const t = REPORT_TEXT[config.locale];
          const span = await sourceWeekSpan(store, config.timezone);
          process.stderr.write(
            `qingqun: ${
              span.firstWeek === null || span.lastWeek === null
                ? t.noStoredData(redactDbUrl(config.db))
                : t.weekWithoutData(week, span.firstWeek, span.lastWeek)
            }\n`,
          );
          process.exitCode = 1;
          return;
        }
        // One week-analysis service over the source (src/weeks/week-analyses.ts), async on either engine.
        const analyses = new WeekAnalyses(store, config);
        const { data, findings, previous } = await analyses.analysis(week);
        const recommendations = await analyses.recommendations(week);
        if (flags.group !== undefined && !data.groups.some((g) => g.id === flags.group)) {
          throw usageError('unknownGroup', { group: flags.group, db: redactDbUrl(config.db) });
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
                groupNames: new Map(data.groups.map((g) => [g.id, g.name])),
              }),
        );
      } finally {
        await store.close();
      }
    });
}
