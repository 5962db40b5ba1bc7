import type { Command } from 'commander';
import { isPostgresUrl } from '../../config/db-target.js';
import { createStoragePolicy } from '../../privacy/storage-policy.js';
import { PgDatabase } from '../../store/postgres/pg-database.js';
import { forgetMemberPg } from '../../store/postgres/pg-maintenance.js';
import { describeMemberPg } from '../../store/postgres/pg-privacy.js';
import type { ForgetCounts, MemberDescription } from '../../store/privacy.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';
import { withCentralSpool } from './central-spool.js';

/** When another process kept the WAL open, the old page images in it are gone only at its next checkpoint. */
export const WAL_BUSY = {
  'zh-CN':
    '注意：另一个进程（机器人或看板）正在读取数据库，预写日志（-wal 文件）未能清空；旧内容要等它下次检查点后才被覆盖。请停止该进程后再运行一次本命令。',
  en: 'Note: another process (the bot or the dashboard) is reading the database, so the write-ahead log (-wal file) could not be emptied; the old content there goes at its next checkpoint. Stop that process and run this command again.',
};

const TEXT = {
  'zh-CN': {
    unknown: (id: string) => `没有保存任何关于 ${id} 的数据。`,
    stored: (d: MemberDescription) =>
      `关于 ${d.contactId} 保存的数据：所在群 ${d.groups.length} 个，消息 ${d.messages.total} 条（其中 ${d.messages.withText} 条有内容），被 @ ${d.mentionedIn} 次，私信 ${d.outgoing} 条。`,
    dryRun: '试运行：未删除任何内容。去掉 --dry-run 即执行。',
    done: (c: ForgetCounts) =>
      [
        `已删除：${c.messagesAnonymised} 条消息只保留匿名条数；从 ${c.mentionsRemoved} 条消息的 @ 中移除；从 ${c.membershipsRemoved} 份成员快照中移除；${c.roomEventsAnonymised} 条群事件匿名；${c.outboxPayloadsPurged} 条私信内容清除；${c.preferencesDeleted} 项个人设置删除。`,
        '此人的姓名和单位已删除，今后的消息只按匿名条数统计（发“恢复记录”或 opt-in 后恢复）。',
        ...(c.centralOutboxPayloadsPurged === undefined && c.spoolPayloadsPurged === undefined
          ? []
          : [
              `中心待发消息中给此人的 ${c.centralOutboxPayloadsPurged ?? 0} 条内容清除（未取走的已撤回），中心发送缓存中 ${c.spoolPayloadsPurged ?? 0} 条内容清除。`,
            ]),
        ...(c.groupsOwned > 0
          ? [`注意：此人仍是 ${c.groupsOwned} 个群的群主（组织信息，如需变更请改配置 org.ownerOverrides）。`]
          : []),
        ...(c.walBusy ? [WAL_BUSY['zh-CN']] : []),
        '备份文件中的旧数据不受影响，请一并处理。',
      ].join('\n'),
  },
  en: {
    unknown: (id: string) => `Nothing is stored about ${id}.`,
    stored: (d: MemberDescription) =>
      `Stored about ${d.contactId}: ${d.groups.length} groups, ${d.messages.total} messages (${d.messages.withText} with text), mentioned ${d.mentionedIn} times, ${d.outgoing} private messages.`,
    dryRun: 'Dry run: nothing deleted. Run without --dry-run to forget.',
    done: (c: ForgetCounts) =>
      [
        `Forgotten: ${c.messagesAnonymised} messages kept as anonymous counts; removed from the mentions of ${c.mentionsRemoved} messages and from ${c.membershipsRemoved} membership snapshots; ${c.roomEventsAnonymised} room events anonymised; ${c.outboxPayloadsPurged} private message texts and ${c.preferencesDeleted} preferences deleted.`,
        'Their name and unit are erased; their future messages are counted anonymously until they opt in again.',
        ...(c.centralOutboxPayloadsPurged === undefined && c.spoolPayloadsPurged === undefined
          ? []
          : [
              `Central messages to them: ${c.centralOutboxPayloadsPurged ?? 0} texts deleted in central_outbox (those not yet taken withdrawn), ${c.spoolPayloadsPurged ?? 0} in the central send spool.`,
            ]),
        ...(c.groupsOwned > 0
          ? [
              `Note: they still own ${c.groupsOwned} groups (an organisational role: change org.ownerOverrides).`,
            ]
          : []),
        ...(c.walBusy ? [WAL_BUSY.en] : []),
        'Backups taken earlier still hold the old data: handle them too.',
      ].join('\n'),
  },
};

/** `forget MEMBER [--dry-run]`: a member's right to be forgotten (docs/PRIVACY.md). */
export function registerForgetCommand(program: Command, context: () => CliContext): void {
  program
    .command('forget')
    .description('erase what is stored about a member, keeping anonymous counts only (docs/PRIVACY.md)')
    .argument('<member>', 'the member’s contact id')
    .option('--dry-run', 'only show what is stored about them')
    .action(async (member: string, flags: { dryRun?: boolean }) => {
      const { config, out, log } = context();
      const t = TEXT[config.locale];
      // The same steps and lines on either engine: describe, then (unless a dry run) erase.
      const run = async (engine: {
        describe: () => Promise<MemberDescription> | MemberDescription;
        forget: () => Promise<ForgetCounts> | ForgetCounts;
      }) => {
        const before = await engine.describe();
        if (!before.known) {
          out(t.unknown(member));
          return;
        }
        out(t.stored(before));
        if (flags.dryRun) {
          out(t.dryRun);
          return;
        }
        const counts = await engine.forget();
        out(t.done(counts));
        log.info({ ...counts }, 'member forgotten');
      };
      if (isPostgresUrl(config.db)) {
        const db = await PgDatabase.open(config.db, { mustExist: true });
        try {
          // The central send spool holds email / WeCom messages to them: erased there by SQLite's own
          // forget, only when it holds anything of theirs (so their id is not written into it).
          const inSpool = () =>
            withCentralSpool(config, (spool) => spool.privacy.describe(member, config).outgoing, {
              readonly: true,
            }) ?? 0;
          await run({
            describe: async () => {
              const d = await describeMemberPg(db, member, config);
              const spooled = inSpool();
              return spooled === 0 ? d : { ...d, known: true, outgoing: d.outgoing + spooled };
            },
            forget: async () => {
              const now = Date.now();
              const counts = await forgetMemberPg(db, member, now);
              const spool = withCentralSpool(config, (s) =>
                s.privacy.describe(member, config).outgoing > 0 ? s.privacy.forget(member, now) : undefined,
              );
              if (spool !== undefined) {
                counts.spoolPayloadsPurged = spool.outboxPayloadsPurged;
                if (spool.walBusy) counts.walBusy = true;
              }
              return counts;
            },
          });
        } finally {
          await db.close();
        }
        return;
      }
      const store = new Store(config.db, { mustExist: true, policy: createStoragePolicy(config) });
      try {
        await run({
          describe: () => store.privacy.describe(member, config),
          forget: () => store.privacy.forget(member, Date.now()),
        });
      } finally {
        store.close();
      }
    });
}
