import type { Command } from 'commander';
import { isPostgresUrl } from '../../config/db-target.js';
import { createStoragePolicy } from '../../privacy/storage-policy.js';
import type { PurgeCounts } from '../../store/maintenance.js';
import { PgDatabase } from '../../store/postgres/pg-database.js';
import { purgeExpiredPg } from '../../store/postgres/pg-maintenance.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';
import { withCentralSpool } from './central-spool.js';
import { WAL_BUSY } from './forget-command.js';

const TEXT = {
  'zh-CN': {
    head: (dry: boolean, textDays: number, recordDays: number) =>
      `${dry ? '试运行（未删除任何内容）' : '已按保存期限清理'}：消息内容保存 ${textDays} 天，条数和指纹保存 ${recordDays} 天。`,
    lines: (c: PurgeCounts) => [
      `清除消息内容：${c.textsPurged} 条（其中 ${c.classified} 条先补记了分类和指纹）`,
      `删除过期消息：${c.messagesDeleted} 条`,
      `删除过期群事件：${c.roomEventsDeleted} 条`,
      `删除过期成员快照：${c.snapshotsDeleted} 份`,
      `清除已发私信的内容：${c.outboxPayloadsPurged} 条`,
      ...(c.centralOutboxPayloadsPurged === undefined
        ? []
        : [`清除中心待发消息（central_outbox）中已取走消息的内容：${c.centralOutboxPayloadsPurged} 条`]),
      ...(c.spoolPayloadsPurged === undefined
        ? []
        : [`清除中心发送缓存中已发消息的内容：${c.spoolPayloadsPurged} 条`]),
    ],
  },
  en: {
    head: (dry: boolean, textDays: number, recordDays: number) =>
      `${dry ? 'Dry run (nothing deleted)' : 'Retention purge done'}: text kept ${textDays} days, counts and fingerprints ${recordDays} days.`,
    lines: (c: PurgeCounts) => [
      `texts purged: ${c.textsPurged} (${c.classified} classified and fingerprinted first)`,
      `messages deleted: ${c.messagesDeleted}`,
      `room events deleted: ${c.roomEventsDeleted}`,
      `membership snapshots deleted: ${c.snapshotsDeleted}`,
      `sent private messages emptied: ${c.outboxPayloadsPurged}`,
      ...(c.centralOutboxPayloadsPurged === undefined
        ? []
        : [`central messages (central_outbox) already taken, emptied: ${c.centralOutboxPayloadsPurged}`]),
      ...(c.spoolPayloadsPurged === undefined
        ? []
        : [`sent messages in the central send spool emptied: ${c.spoolPayloadsPurged}`]),
    ],
  },
};

/** `purge [--dry-run]`: the retention purge the nightly `retentionPurge` job runs (docs/PRIVACY.md). */
export function registerPurgeCommand(program: Command, context: () => CliContext): void {
  program
    .command('purge')
    .description(
      'delete message text and records older than the retention periods (retention.textDays/recordDays)',
    )
    .option('--dry-run', 'only count what would be deleted')
    .action(async (flags: { dryRun?: boolean }) => {
      const { config, out, log } = context();
      const t = TEXT[config.locale];
      const say = (counts: PurgeCounts) =>
        out(
          [
            t.head(counts.dryRun, config.retention.textDays, config.retention.recordDays),
            ...t.lines(counts),
            ...(counts.walBusy ? [WAL_BUSY[config.locale]] : []),
          ].join('\n'),
        );
      if (isPostgresUrl(config.db)) {
        const db = await PgDatabase.open(config.db, { mustExist: true });
        try {
          const now = Date.now();
          const dryRun = flags.dryRun ?? false;
          const counts = await purgeExpiredPg(db, createStoragePolicy(config), config, now, { dryRun });
          // The central send spool's sent payloads go by the same cutoffs, by the SQLite outbox's rule.
          const spool = withCentralSpool(config, (s) => s.maintenance.purgeExpired(config, now, { dryRun }));
          if (spool !== undefined) {
            counts.spoolPayloadsPurged = spool.outboxPayloadsPurged;
            if (spool.walBusy) counts.walBusy = true;
          }
          say(counts);
          log.info({ ...counts }, 'retention purge');
        } finally {
          await db.close();
        }
        return;
      }
      const store = new Store(config.db, { mustExist: true, policy: createStoragePolicy(config) });
      try {
        const counts = store.maintenance.purgeExpired(config, Date.now(), { dryRun: flags.dryRun ?? false });
        say(counts);
        log.info({ ...counts }, 'retention purge');
      } finally {
        store.close();
      }
    });
}
