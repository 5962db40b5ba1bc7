import type { Locale } from '../model/locale.js';
import type { OutboxRow } from '../store/outbox.js';
import type { ChannelBlockedError, ChannelName } from './channel.js';
import type { Unreachable } from './channel-router.js';
import type { DrainResult, UndeliverableReport } from './send-queue.js';

/**
 * What the operator reads about delivery, one line per fact, in their language: recipients no
 * channel reaches, channels that stopped, messages given up. Pure text; the CLI prints it.
 */
const NAMES: Record<Locale, Record<ChannelName, string>> = {
  'zh-CN': { wechat: '微信', email: '邮件', wecom: '企业微信应用', wecomRobot: '企业微信群机器人' },
  en: { wechat: 'WeChat', email: 'email', wecom: 'WeCom application', wecomRobot: 'WeCom group robot' },
};

const AUDIENCE = {
  'zh-CN': { owners: '群主', supervisors: '督查人', cadres: '干部' },
  en: { owners: 'owner', supervisors: 'supervisor', cadres: 'cadre' },
} as const;

export function describeUnreachable(u: Unreachable, locale: Locale): string {
  const tried = u.tried.map((c) => NAMES[locale][c]).join(locale === 'en' ? ', ' : '、');
  if (u.noAccount) {
    return locale === 'en'
      ? `not reachable: ${AUDIENCE.en[u.audience]} ${u.name} (${u.recipientId}): no bot account shipping to this store is in a group with them, so no host can send on ${tried}`
      : `无法送达：${AUDIENCE['zh-CN'][u.audience]} ${u.name}（${u.recipientId}）不在任何向本库同步的机器人账号所在的群里，没有主机能通过${tried}发送`;
  }
  return locale === 'en'
    ? `not reachable: ${AUDIENCE.en[u.audience]} ${u.name} (${u.recipientId}) has no address on ${tried}; add it to the roster (qingqun roster import)`
    : `无法送达：${AUDIENCE['zh-CN'][u.audience]} ${u.name}（${u.recipientId}）在${tried}上都没有地址，请在通讯录中补充（qingqun roster import）`;
}

const WHY: Record<Locale, (r: UndeliverableReport) => string> = {
  'zh-CN': (r) =>
    r.reason === 'no-address'
      ? '没有该渠道的地址'
      : r.reason === 'rejected'
        ? r.channel === 'wecom'
          ? '不在应用的可见范围内（81013），请在企业微信管理后台把其加入可见范围'
          : '邮件服务器拒收该邮箱'
        : r.reason === 'not-friend'
          ? '不是机器人账号的好友'
          : '机器人账号找不到此人',
  en: (r) =>
    r.reason === 'no-address'
      ? 'no address on this channel'
      : r.reason === 'rejected'
        ? r.channel === 'wecom'
          ? "outside the application's visible range (81013): add them in the WeCom admin console"
          : 'the mail server refused the mailbox'
        : r.reason === 'not-friend'
          ? "not a friend of the bot's account"
          : "the bot's account cannot find them",
};

export function describeUndeliverable(r: UndeliverableReport, locale: Locale): string {
  const channel = NAMES[locale][r.channel];
  return locale === 'en'
    ? `undeliverable on ${channel}: ${r.recipientId}, ${WHY.en(r)}; ${r.rows.length} message(s) given up`
    : `${channel}无法送达：${r.recipientId}，${WHY['zh-CN'](r)}；放弃 ${r.rows.length} 条消息`;
}

export function describeBlocked(e: ChannelBlockedError, locale: Locale): string {
  const channel = NAMES[locale][e.channel];
  return locale === 'en'
    ? `${channel} stopped: ${e.message}. Its messages stay queued until this is fixed.`
    : `${channel}已停用：${e.message}。其消息保留在队列中，修正后再发送。`;
}

export function describeFailed(row: OutboxRow, locale: Locale): string {
  return locale === 'en'
    ? `gave up on ${row.dedupeKey} after ${row.attempts} attempts: ${row.lastError ?? ''}`
    : `多次重试后放弃 ${row.dedupeKey}：${row.lastError ?? ''}`;
}

export function describeDrain(
  r: DrainResult,
  byChannel: Partial<Record<ChannelName, number>>,
  waiting: Partial<Record<ChannelName, number>>,
  locale: Locale,
): string[] {
  const names = NAMES[locale];
  const sent = Object.entries(byChannel)
    .map(([c, n]) => `${names[c as ChannelName]} ${n}`)
    .join(locale === 'en' ? ', ' : '，');
  const lines = [
    locale === 'en'
      ? `sent ${r.sent}${sent ? ` (${sent})` : ''}; retrying later ${r.retried}; given up ${r.failed}; undeliverable ${r.undeliverable}; still queued ${r.remaining}`
      : `已发送 ${r.sent} 条${sent ? `（${sent}）` : ''}；稍后重试 ${r.retried} 条；放弃 ${r.failed} 条；无法送达 ${r.undeliverable} 条；仍在队列 ${r.remaining} 条`,
  ];
  for (const [c, n] of Object.entries(waiting)) {
    if (!n) continue;
    const name = names[c as ChannelName];
    lines.push(
      locale === 'en'
        ? `${n} message(s) on ${name} wait: this process cannot send on it${c === 'wechat' ? ' (the bot sends them: qingqun start)' : ' (not configured)'}`
        : `${name}上有 ${n} 条消息在等待：本进程无法通过它发送${c === 'wechat' ? '（由机器人发送：qingqun start）' : '（未配置）'}`,
    );
  }
  return lines;
}
