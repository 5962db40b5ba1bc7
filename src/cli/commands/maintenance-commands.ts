import type { Command } from 'commander';
import { describeChartFonts } from '../../render/chart-fonts.js';
import { deliverySetupLines } from '../../deliver/delivery-check.js';
import { backupDatabase } from '../../store/backup-database.js';
import { checkDatabase } from '../../store/check-database.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';

/** `backup FILE` and `doctor`: keeping the database safe. */
export function registerMaintenanceCommands(program: Command, context: () => CliContext): void {
  program
    .command('backup')
    .description('write a consistent online copy of the database (safe while the bot runs)')
    .argument('<file>', 'the copy to write (must not exist)')
    .action(async (file: string) => {
      const { config, out } = context();
      const store = new Store(config.db);
      try {
        const { pages } = await backupDatabase(store, file);
        out(`backup of ${config.db} written to ${file} (${pages} pages)`);
      } finally {
        store.close();
      }
    });
  program
    .command('doctor')
    .description('check the database: integrity, foreign keys, schema version, row counts')
    .action(() => {
      const { config, out } = context();
      const store = new Store(config.db);
      try {
        const check = checkDatabase(store);
        out(JSON.stringify(check, null, 2));
        out(check.ok ? `${config.db}: ok` : `${config.db}: PROBLEMS FOUND`);
        out(chartFontLine(config.locale));
        // Delivery: warnings only; the exit code stays the database's.
        for (const line of deliverySetupLines(store, config)) out(line);
        if (!check.ok) process.exitCode = 1;
      } finally {
        store.close();
      }
    });
}

/** What the digest charts are drawn with (render/chart-fonts.ts), or a warning when Chinese cannot be. */
function chartFontLine(locale: string): string {
  const { cjk, latin } = describeChartFonts();
  const zh = locale !== 'en';
  if (cjk === null) {
    return zh
      ? '图表字体：未找到中文字体，图表中的中文会显示为方框（请重新安装 qingqun 的依赖，或安装 fonts-noto-cjk）'
      : "chart fonts: no CJK font found, Chinese in charts will be boxes (reinstall qingqun's dependencies or install fonts-noto-cjk)";
  }
  const faces = [cjk, latin].filter((f) => f !== null).join(zh ? '；' : '; ');
  return zh ? `图表字体：${faces}` : `chart fonts: ${faces}`;
}
