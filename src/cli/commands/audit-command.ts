import type { Command } from 'commander';
import { buildSupervisorAudit } from '../../recommend/build-supervisor-audit.js';
import { type AuditFormat, renderSupervisorAudit } from '../../render/render-supervisor-audit.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';
import { usageError } from '../cli-error.js';
import { choiceFlag, weekFlag } from '../flags.js';

interface AuditFlags {
  week?: string;
  format: string;
  supervisor?: string;
  unit?: string[];
}

const FORMATS: readonly AuditFormat[] = ['text', 'md', 'csv', 'json'];

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
      const format = choiceFlag('--format', flags.format, FORMATS);
      const week = weekFlag(flags.week, config.timezone);
      if (flags.supervisor !== undefined && !config.org.supervisors.some((s) => s.id === flags.supervisor)) {
        throw usageError('unknownSupervisor', { detail: `"${flags.supervisor}"` });
      }
      const store = new Store(config.db, { readonly: true });
      try {
        const audit = buildSupervisorAudit(store, config, week, {
          supervisorId: flags.supervisor,
          units: flags.unit,
        });
        out(renderSupervisorAudit(audit, format, config.locale));
      } finally {
        store.close();
      }
    });
}
