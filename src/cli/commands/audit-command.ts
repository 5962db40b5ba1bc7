import type { Command } from 'commander';
import { shiftWeek, weekOf } from '../../analysis/week-bounds.js';
import { buildSupervisorAudit } from '../../recommend/build-supervisor-audit.js';
import { type AuditFormat, renderSupervisorAudit } from '../../render/render-supervisor-audit.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';

interface AuditFlags {
  week?: string;
  format: string;
  supervisor?: string;
  unit?: string[];
}

const FORMATS = ['text', 'md', 'csv', 'json'];

/** `qingqun audit`: the supervisors' audit of a week; aggregates only. */
export function registerAuditCommand(program: Command, context: () => CliContext): void {
  program
    .command('audit')
    .description(
      "the supervisors' audit: groups per unit and owner, changes, zombies, duplicates, policy breaches",
    )
    .option('--week <week>', 'ISO week, e.g. 2026-W47 (default: last week)')
    .option('--format <format>', 'text, md, csv or json', 'text')
    .option('--supervisor <id>', "limit to this configured supervisor's units")
    .option('--unit <unit...>', 'limit to these units')
    .action((flags: AuditFlags) => {
      const { config, out } = context();
      if (!FORMATS.includes(flags.format)) {
        throw new RangeError(`--format: expected ${FORMATS.join(', ')}, got "${flags.format}"`);
      }
      const week = flags.week ?? shiftWeek(weekOf(Date.now(), config.timezone), -1, config.timezone);
      const store = new Store(config.db);
      try {
        const audit = buildSupervisorAudit(store, config, week, {
          supervisorId: flags.supervisor,
          units: flags.unit,
        });
        const rendered = renderSupervisorAudit(audit, flags.format as AuditFormat, config.locale);
        // `out` ends with LF: the CSV's own last CRLF is completed by it, so every record ends in CRLF.
        out(flags.format === 'csv' ? rendered.replace(/\r\n$/, '\r') : rendered);
      } finally {
        store.close();
      }
    });
}
