import type { Command } from 'commander';
import { createStoragePolicy } from '../../privacy/storage-policy.js';
import type { PurgeCounts } from '../../store/maintenance.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';
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
    .action((flags: { dryRun?: boolean }) => {
      const { config, out, log } = context();
      const store = new Store(config.db, { mustExist: true, policy: createStoragePolicy(config) });
      try {
        const counts = store.maintenance.purgeExpired(config, Date.now(), { dryRun: flags.dryRun ?? false });
        const t = TEXT[config.locale];
        out(
          [
            t.head(counts.dryRun, config.retention.textDays, config.retention.recordDays),
            ...t.lines(counts),
            ...(counts.walBusy ? [WAL_BUSY[config.locale]] : []),
          ].join('\n'),
        );
        log.info({ ...counts }, 'retention purge');
      } finally {
        store.close();
      }
    });
}
