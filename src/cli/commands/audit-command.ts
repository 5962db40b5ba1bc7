import type { Command } from 'commander';
import type { Config } from '../../config/schema.js';
import { type AuditFormat, renderSupervisorAudit } from '../../render/render-supervisor-audit.js';
import { openStoreReads, type StoreReads } from '../../store/contract.js';
import { buildSupervisorAudit, loadAuditInputs } from '../../weeks/build-supervisor-audit.js';
import { WeekAnalyses } from '../../weeks/week-analyses.js';
import type { CliContext } from '../cli-context.js';
import { usageError } from '../cli-error.js';
import { choiceFlag, weekFlag } from '../flags.js';
import type { QueueOutcome } from './digest-command.js';

interface AuditFlags {
  week?: string;
  send?: boolean;
  format: string;
  supervisor?: string;
  unit?: string[];
}

const FORMATS: readonly AuditFormat[] = ['text', 'md', 'csv', 'json'];

export interface AuditCommandHooks {
  /**
   * Queues the week's audit to every configured supervisor (on their channel): into the outbox of a
   * SQLite store, or the central outbox of a PostgreSQL one.
   */
  queueAudits?: (store: StoreReads, config: Config, week: string) => Promise<QueueOutcome>;
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
    .action(async (flags: AuditFlags) => {
      const { config, out } = context();
      const format = choiceFlag('--format', flags.format, FORMATS);
      const week = weekFlag(flags.week, config.timezone);
      if (flags.supervisor !== undefined && !config.org.supervisors.some((s) => s.id === flags.supervisor)) {
        throw usageError('unknownSupervisor', { detail: `"${flags.supervisor}"` });
      }
      // Either engine (src/store/contract.ts); --send writes the outbox, so SQLite opens for writing.
      const store = await openStoreReads(config.db, { writable: flags.send === true });
      try {
        if (flags.unit !== undefined) await checkUnits(store, config, flags.unit);
        if (flags.send) {
          if (!hooks.queueAudits) throw usageError('badValue', { detail: 'audit --send' });
          if (config.org.supervisors.length === 0) {
            throw usageError('badValue', {
              detail:
                config.locale === 'en'
                  ? 'audit --send: no supervisor is configured (org.supervisors)'
                  : 'audit --send：配置中没有督查人员（org.supervisors）',
            });
          }
          const { queued, notes } = await hooks.queueAudits(store, config, week);
          out(`queued ${queued} audits for ${week}`);
          for (const note of notes) out(note);
          return;
        }
        const weeks = new WeekAnalyses(store, config);
        const audit = buildSupervisorAudit(
          await loadAuditInputs(store, config, week, (w) => weeks.analysis(w)),
          config,
          week,
          {
            supervisorId: flags.supervisor,
            units: flags.unit,
            analysis: await weeks.analysis(week),
            recommendations: await weeks.recommendations(week),
          },
        );
        const rendered = renderSupervisorAudit(audit, format, config.locale);
        // `out` ends with LF: the CSV's own last CRLF is completed by it, so every record ends in CRLF.
        out(format === 'csv' ? rendered.replace(/\r\n$/, '\r') : rendered);
      } finally {
        await store.close();
      }
    });
}

/**
 * A unit no group belongs to (in the store or in org.groupUnits) and no supervisor covers is a typo,
 * not an empty audit: refuse it naming the known units (a usage error, exit 2).
 */
async function checkUnits(store: StoreReads, config: Config, units: readonly string[]): Promise<void> {
  const known = new Set<string>();
  for (const g of await store.groupLifecycles()) {
    const unit = g.unit ?? config.org.groupUnits[g.id];
    if (unit) known.add(unit);
  }
  for (const s of config.org.supervisors) for (const u of s.units) known.add(u);
  const unknown = units.filter((u) => !known.has(u));
  if (unknown.length === 0) return;
  const list = [...known].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const shown = list.length > 20 ? `${list.slice(0, 20).join(', ')}, …` : list.join(', ');
  throw usageError('badValue', {
    detail:
      config.locale === 'en'
        ? `--unit: no group belongs to unit "${unknown.join('", "')}" (known units: ${shown || 'none'})`
        : `--unit：没有任何群属于单位「${unknown.join('」「')}」（已知单位：${shown || '无'}）`,
  });
}
