import type { Command } from 'commander';
import type { SqliteStoreReads, StoreReads } from '../store/contract.js';
import type { PgStore } from '../store/postgres/pg-store.js';
import type { Store } from '../store/store.js';
import type { CliContext } from './cli-context.js';

/** The SQLite Store behind the contract (for the commands that also write the local outbox). */
function sqliteStore(reads: StoreReads): Store {
  return (reads as SqliteStoreReads).store;
}

/** The central queueing of a PostgreSQL store (its connection; the central tables made where missing). */
async function centralDeliveries(reads: StoreReads) {
  const { PgCentralDeliveries } = await import('../store/postgres/pg-central-deliveries.js');
  return PgCentralDeliveries.over((reads as PgStore).db.client);
}

export type RegisterCommand = (program: Command, context: () => CliContext) => void;

/**
 * Every subcommand, by name, with the module that defines it. Modules are loaded on demand: together
 * they pull in most of qingqun (the web server, the importers, the renderers), which costs over a
 * second at every start; `qingqun import` needs only its own.
 */
export const COMMANDS: Record<string, () => Promise<RegisterCommand>> = {
  start: async () => (await import('./commands/start-command.js')).registerStartCommand,
  import: async () => (await import('./commands/import-command.js')).registerImportCommand,
  simulate: async () => (await import('./commands/simulate-command.js')).registerSimulateCommand,
  stats: async () => (await import('./commands/stats-command.js')).registerStatsCommand,
  report: async () => (await import('./commands/report-command.js')).registerReportCommand,
  digest: async () => {
    const { registerDigestCommand } = await import('./commands/digest-command.js');
    const { outboxOnlyQueue, queueOwnerDigests } = await import('../app/weekly-deliveries.js');
    return (program, context) =>
      registerDigestCommand(program, context, {
        // Without --dry-run digests go to the outbox; the running bot's send queue delivers them.
        queueDigests: async (reads, config, digests) => {
          const { describeUnreachable } = await import('../deliver/channel-report.js');
          const now = Date.now();
          const [only] = digests;
          if (!only) return { queued: 0, alreadyQueued: 0, notes: [] };
          // One analysis for all owners (or the one asked for), routed to each owner's channel.
          // The digests built for the command are the ones queued: nothing is analysed or drawn again.
          // On PostgreSQL into the central outbox, which the hosts pull (src/app/central-deliveries.ts).
          const r =
            reads.engine === 'postgres'
              ? await (await import('../app/central-deliveries.js')).queueOwnerDigestsCentrally(
                  await centralDeliveries(reads),
                  config,
                  only.week,
                  digests,
                  now,
                )
              : queueOwnerDigests(
                  sqliteStore(reads),
                  config,
                  outboxOnlyQueue(sqliteStore(reads), now),
                  only.week,
                  now,
                  { digests },
                );
          const notes = r.unreachable.map((u) => describeUnreachable(u, config.locale));
          // The outbox skips a message whose dedupe key it holds: that digest was queued before.
          const queued = digests.length - r.unreachable.length - r.alreadyQueued;
          return { queued, alreadyQueued: r.alreadyQueued, notes };
        },
      });
  },
  audit: async () => {
    const { registerAuditCommand } = await import('./commands/audit-command.js');
    const { outboxOnlyQueue, queueSupervisorAudits } = await import('../app/weekly-deliveries.js');
    const { describeUnreachable } = await import('../deliver/channel-report.js');
    return (program, context) =>
      registerAuditCommand(program, context, {
        // --send queues the audit to every configured supervisor; the running sender delivers it.
        queueAudits: async (reads, config, week) => {
          let r: Awaited<ReturnType<typeof queueSupervisorAudits>>;
          if (reads.engine === 'postgres') {
            const { queueSupervisorAuditsCentrally } = await import('../app/central-deliveries.js');
            const { WeekAnalyses } = await import('../weeks/week-analyses.js');
            r = await queueSupervisorAuditsCentrally(
              await centralDeliveries(reads),
              reads,
              config,
              new WeekAnalyses(reads, config),
              week,
              Date.now(),
            );
          } else {
            const store = sqliteStore(reads);
            r = queueSupervisorAudits(store, config, outboxOnlyQueue(store, Date.now()), week);
          }
          return {
            queued: r.recipients - r.unreachable.length,
            notes: r.unreachable.map((u) => describeUnreachable(u, config.locale)),
          };
        },
      });
  },
  purge: async () => (await import('./commands/purge-command.js')).registerPurgeCommand,
  forget: async () => (await import('./commands/forget-command.js')).registerForgetCommand,
  // One module defines both (registered once: main.ts registers each distinct function once).
  backup: async () => (await import('./commands/maintenance-commands.js')).registerMaintenanceCommands,
  doctor: async () => (await import('./commands/maintenance-commands.js')).registerMaintenanceCommands,
  outbox: async () => (await import('./commands/outbox-command.js')).registerOutboxCommand,
  export: async () => (await import('./commands/export-command.js')).registerExportCommand,
  serve: async () => (await import('./commands/serve-command.js')).registerServeCommand,
  run: async () => (await import('./commands/run-command.js')).registerRunCommand,
  roster: async () => (await import('./commands/roster-command.js')).registerRosterCommand,
  send: async () => (await import('./commands/send-command.js')).registerSendCommand,
  ship: async () => (await import('./commands/ship-command.js')).registerShipCommand,
  'serve-webhook': async () =>
    (await import('./commands/serve-webhook-command.js')).registerServeWebhookCommand,
};

/**
 * What `qingqun --help` lists for each command, without loading any command module (loading them
 * all costs most of a second; the help must start in well under that). The text must equal the
 * module's own `.description()`: test/cli/command-table.test.ts checks it, and that every command
 * has one. Translations come from help-text.ts like every other help text.
 */
export const COMMAND_SUMMARIES: Record<string, string> = {
  start: 'run the bot: on a simulated organisation unless WECHATY_PUPPET is configured',
  import:
    'import chat data (JSON Lines, WeCom archive, chatlog, WeChatMsg, PyWxDump, ChatLab); bad lines are named',
  simulate: 'write a seeded simulated town office as JSON Lines, with its ground truth beside it',
  stats: 'show what is stored: groups, members, messages per type and week',
  report: 'the weekly report: volume, duplicates, roll-calls, floods, rushed demands, zombies, overlap',
  digest:
    "each owner's weekly digest: the week in numbers, recommendations with evidence and savings, a chart",
  audit: "the supervisors' audit: groups per unit and owner, changes, zombies, duplicates, policy breaches",
  purge: 'delete message text and records older than the retention periods (retention.textDays/recordDays)',
  forget: 'erase what is stored about a member, keeping anonymous counts only (docs/PRIVACY.md)',
  backup: 'write a consistent online copy of the database (safe while the bot runs)',
  doctor: 'check the database: integrity, foreign keys, schema version, row counts, file permissions',
  outbox: 'the send queue: list messages, requeue a failed or unconfirmed one, cancel a queued one',
  run: 'run unattended without a bot: schedules, email/WeCom sending, chatlog webhook/API and folder import, dashboard, /health',
  roster: "a unit's address book: who can be reached where",
  send: 'send the queued messages that are due through email / WeCom, then exit',
  ship: "forward this host's new rows to the central PostgreSQL store, then pull its queued digests",
  export: 'export stored groups for other tools (ChatLab format v0.0.2, one file per group)',
  serve: "the supervisors' read-only web dashboard (login with a token from QINGQUN_DASHBOARD_TOKENS)",
  'serve-webhook':
    "receive chatlog's webhook POSTs (live data without a bot account); secret from QINGQUN_WEBHOOK_SECRET",
};

/** The program's own options that take a value: their value is not a command name. */
const VALUED_OPTIONS = new Set(['--db', '--config', '--locale', '--log-level']);

/**
 * The commands to register for these arguments: only the one named, when the first operand names
 * one; otherwise (no command, `--help`, a typo) all of them, so that help and suggestions are whole.
 */
export function commandsFor(args: readonly string[]): string[] {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (VALUED_OPTIONS.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return Object.hasOwn(COMMANDS, arg) ? [arg] : Object.keys(COMMANDS);
  }
  return Object.keys(COMMANDS);
}
