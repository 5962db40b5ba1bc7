import type { Command } from 'commander';
import { shiftWeek, weekOf } from '../../analysis/week-bounds.js';
import type { Config } from '../../config/schema.js';
import { buildSupervisorAudit } from '../../recommend/build-supervisor-audit.js';
import { type AuditFormat, renderSupervisorAudit } from '../../render/render-supervisor-audit.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';
import type { QueueOutcome } from './digest-command.js';

interface AuditFlags {
  week?: string;
  send?: boolean;
  format: string;
  supervisor?: string;
  unit?: string[];
}

const FORMATS = ['text', 'md', 'csv', 'json'];

export interface AuditCommandHooks {
  /** Queues the week's audit to every configured supervisor (on their channel). */
  queueAudits?: (store: Store, config: Config, week: string) => QueueOutcome;
}

/** `qingqun audit`: the supervisors' audit of a week; aggregates only. --send queues it. */
export function registerAuditCommand(
  program: Command,
  context: () => CliContext,
  hooks: AuditCommandHooks = {},
): void {
  program
    .command('audit')
    .description(
      "the supervisors' audit: groups per unit and owner, changes, zombies, duplicates, policy breaches",
    )
    .option('--week <week>', 'ISO week, e.g. 2026-W47 (default: last week)')
    .option('--format <format>', 'text, md, csv or json', 'text')
    .option('--supervisor <id>', "limit to this configured supervisor's units")
    .option('--unit <unit...>', 'limit to these units')
    .option(
      '--send',
      'queue the audit to every configured supervisor (org.supervisors) instead of printing it',
    )
    .action((flags: AuditFlags) => {
      const { config, out } = context();
      if (!FORMATS.includes(flags.format)) {
        throw new RangeError(`--format: expected ${FORMATS.join(', ')}, got "${flags.format}"`);
      }
      const week = flags.week ?? shiftWeek(weekOf(Date.now(), config.timezone), -1, config.timezone);
      const store = new Store(config.db);
      try {
        if (flags.send) {
          if (!hooks.queueAudits) throw new RangeError('audit: sending is not available in this build');
          if (config.org.supervisors.length === 0) {
            throw new RangeError('audit --send: no supervisor is configured (org.supervisors)');
          }
          const { queued, notes } = hooks.queueAudits(store, config, week);
          out(`queued ${queued} audits for ${week}`);
          for (const note of notes) out(note);
          return;
        }
        const audit = buildSupervisorAudit(store, config, week, {
          supervisorId: flags.supervisor,
          units: flags.unit,
        });
        out(renderSupervisorAudit(audit, flags.format as AuditFormat, config.locale));
      } finally {
        store.close();
      }
    });
}
