import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { isPostgresUrl } from '../../config/db-target.js';
import type { Locale } from '../../model/locale.js';
import { OUTBOX_STATES, type Outbox, type OutboxRow, type OutboxState } from '../../store/outbox.js';
import { type CentralOutboxSummary, summarizeCentralOutbox } from '../../store/postgres/central-outbox.js';
import { PgDatabase } from '../../store/postgres/pg-database.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';
import { usageError } from '../cli-error.js';
import { choiceFlag } from '../flags.js';

interface ListFlags {
  state?: string;
  format: string;
}

const TEXT = {
  'zh-CN': {
    empty: '发件箱里没有消息',
    counts: (c: string) => `共计：${c}`,
    requeued: (key: string) => `已重新排队：${key}`,
    cancelled: (key: string) => `已取消（不再发送，状态记为 failed）：${key}`,
    noSuchKey: (key: string) => `发件箱里没有键为 ${key} 的消息（用 qingqun outbox list 查看）`,
    cannotRequeue: (key: string, state: string) =>
      `${key} 的状态是 ${state}：只有 failed、undeliverable、unconfirmed 的消息可以重新排队`,
    cannotCancel: (key: string, state: string) =>
      `${key} 的状态是 ${state}：只有 queued（尚未发送）的消息可以取消`,
    cancelReason: '运维人员取消',
  },
  en: {
    empty: 'the outbox is empty',
    counts: (c: string) => `total: ${c}`,
    requeued: (key: string) => `requeued: ${key}`,
    cancelled: (key: string) => `cancelled (will not be sent; recorded as failed): ${key}`,
    noSuchKey: (key: string) => `no message with key ${key} in the outbox (see qingqun outbox list)`,
    cannotRequeue: (key: string, state: string) =>
      `${key} is ${state}: only failed, undeliverable or unconfirmed messages can be requeued`,
    cannotCancel: (key: string, state: string) =>
      `${key} is ${state}: only a queued (not yet sent) message can be cancelled`,
    cancelReason: 'cancelled by the operator',
  },
} as const;

const CENTRAL = {
  'zh-CN': {
    empty: '中心发件箱里没有消息',
    waitingHost: (account: string, n: number) => `等待主机拉取：微信账号 ${account} ${n} 条`,
    waitingCentral: (channel: string, n: number) =>
      `等待中心发送（qingqun send --drain）：${channel} ${n} 条`,
    pulled: (account: string, n: number) =>
      `已由主机拉取：${account} ${n} 条（状态见该主机的 qingqun outbox list）`,
    claimed: (channel: string, n: number, spool: string) =>
      `已由中心发送领取：${channel} ${n} 条（状态见 qingqun outbox list --db ${spool}）`,
    withdrawn: (n: number) => `收件人已被遗忘（forget），撤回未发：${n} 条`,
  },
  en: {
    empty: 'the central outbox is empty',
    waitingHost: (account: string, n: number) =>
      `waiting for a host to pull: WeChat account ${account}: ${n}`,
    waitingCentral: (channel: string, n: number) =>
      `waiting for central sending (qingqun send --drain): ${channel}: ${n}`,
    pulled: (account: string, n: number) =>
      `pulled by a host: ${account}: ${n} (their states: qingqun outbox list on that host)`,
    claimed: (channel: string, n: number, spool: string) =>
      `claimed by central sending: ${channel}: ${n} (their states: qingqun outbox list --db ${spool})`,
    withdrawn: (n: number) => `withdrawn unsent, their recipient forgotten (forget): ${n}`,
  },
} as const;

/** The central outbox's lines (read-only): what waits where, what was taken by whom. */
function describeCentral(s: CentralOutboxSummary, locale: Locale, spool: string): string[] {
  const t = CENTRAL[locale];
  const lines = [
    ...Object.entries(s.waitingByAccount).map(([a, n]) => t.waitingHost(a, n)),
    ...Object.entries(s.waitingCentral).map(([c, n]) => t.waitingCentral(c, n)),
    ...Object.entries(s.pulledByAccount).map(([a, n]) => t.pulled(a, n)),
    ...Object.entries(s.claimedCentral).map(([c, n]) => t.claimed(c, n, spool)),
    ...(s.withdrawn ? [t.withdrawn(s.withdrawn)] : []),
  ];
  return lines.length === 0 ? [t.empty] : lines;
}

function describe(row: OutboxRow): string {
  if (row.content === null) return '(content purged)';
  if (row.content.kind === 'image')
    return `[image${'name' in row.content && row.content.name ? ` ${row.content.name}` : ''}]`;
  const flat = row.content.text.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

/**
 * `qingqun outbox list|requeue|cancel`: the operator's view of the send queue (docs/RELIABILITY.md).
 * Safe while the bot runs: list only reads; requeue and cancel are single guarded updates the
 * running send queue sees at its next turn.
 */
export function registerOutboxCommand(program: Command, context: () => CliContext): void {
  const outbox = program
    .command('outbox')
    .description('the send queue: list messages, requeue a failed or unconfirmed one, cancel a queued one');

  outbox
    .command('list')
    .description('list the outbox, oldest first')
    .option('--state <state>', `only this state: ${OUTBOX_STATES.join(', ')}`)
    .option('--format <format>', 'text or json', 'text')
    .action(async (flags: ListFlags) => {
      const { config, out } = context();
      if (flags.state !== undefined) choiceFlag('--state', flags.state, OUTBOX_STATES);
      choiceFlag('--format', flags.format, ['text', 'json']);
      if (isPostgresUrl(config.db)) {
        // The central store's outbox: counts only (its messages' states live where they are sent).
        const central = await PgDatabase.open(config.db, { mustExist: true });
        try {
          const summary = await summarizeCentralOutbox(central.client);
          if (flags.format === 'json') out(JSON.stringify(summary, null, 2));
          else
            for (const line of describeCentral(summary, config.locale, config.central.sendSpool)) out(line);
        } finally {
          await central.close();
        }
        return;
      }
      const store = new Store(config.db, { mustExist: true });
      try {
        const box = store.outbox;
        const rows = box.list(flags.state as OutboxState | undefined);
        if (flags.format === 'json') {
          out(
            JSON.stringify(
              rows.map(({ content, ...row }) => ({
                ...row,
                content: content && describe({ ...row, content }),
              })),
              null,
              2,
            ),
          );
          return;
        }
        const t = TEXT[config.locale];
        if (rows.length === 0) out(t.empty);
        const time = (ms: number) =>
          DateTime.fromMillis(ms, { zone: config.timezone }).toFormat('yyyy-MM-dd HH:mm');
        for (const r of rows) {
          out(
            [
              r.state,
              r.dedupeKey,
              r.recipientId,
              `×${r.attempts}`,
              time(r.updatedAt),
              describe(r),
              r.lastError ?? '',
            ]
              .filter((x) => x !== '')
              .join('  '),
          );
        }
        const counts = box.counts();
        out(t.counts(OUTBOX_STATES.map((s) => `${s} ${counts[s]}`).join(', ')));
      } finally {
        store.close();
      }
    });

  const change = (
    name: 'requeue' | 'cancel',
    description: string,
    apply: (box: Outbox, key: string, now: number, reason: string) => boolean,
  ) =>
    outbox
      .command(name)
      .description(description)
      .argument('<key...>', 'dedupe keys, as `outbox list` shows them')
      .action((keys: string[]) => {
        const { config, out } = context();
        const t = TEXT[config.locale];
        if (isPostgresUrl(config.db)) {
          throw usageError('pgOutboxChange', { command: name, spool: config.central.sendSpool });
        }
        const store = new Store(config.db, { mustExist: true });
        try {
          const box = store.outbox;
          // Every key is checked first: a typo changes nothing (usage error, exit 2).
          const missing = keys.find((k) => box.get(k) === undefined);
          if (missing !== undefined) throw usageError('badValue', { detail: t.noSuchKey(missing) });
          for (const key of keys) {
            if (apply(box, key, Date.now(), t.cancelReason)) {
              out(name === 'requeue' ? t.requeued(key) : t.cancelled(key));
            } else {
              const state = box.get(key)?.state ?? '?';
              process.stderr.write(
                `qingqun: ${name === 'requeue' ? t.cannotRequeue(key, state) : t.cannotCancel(key, state)}\n`,
              );
              process.exitCode = 1;
            }
          }
        } finally {
          store.close();
        }
      });

  change('requeue', 'send a failed, undeliverable or unconfirmed message again', (box, key, now) =>
    box.requeue(key, now),
  );
  change(
    'cancel',
    'do not send a queued message (it is kept as failed; requeue brings it back)',
    (box, key, now, reason) => box.cancel(key, reason, now),
  );
}
