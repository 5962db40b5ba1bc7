import { DateTime } from 'luxon';
import { weekBounds } from '../calendar/weeks.js';
import type { Config } from '../config/schema.js';
import type { WeekChartSpec } from '../model/week-chart.js';
import { joinParts, renderMail } from '../render/render-mail.js';
import { splitMessageParts } from '../render/split-message-parts.js';
import type { ContactAddresses } from '../store/contacts.js';
import type { IfUncertain, Outbox, OutboxItem } from '../store/outbox.js';
import type { Store } from '../store/store.js';
import { type Audience, type ChannelName, channelConfigured } from './channel.js';

/**
 * One logical message to one person (a digest, an audit, a daily digest), written for chat: the
 * router turns it into the outbox items of the channel that reaches the recipient.
 */
export interface LogicalMessage {
  audience: Audience;
  recipientId: string;
  /**
   * Prefix of every dedupe key, naming the message and its period, e.g. `digest:2026-W47:u-1`.
   * WeChat items are `KEY:part:N` and `KEY:chart` (the keys used before channels existed), a mail
   * is `KEY:email`, WeCom items `KEY:wecom:…`, the robot's `KEY:robot:…`.
   */
  key: string;
  /** Mail subject; also the heading of a WeCom markdown message. */
  subject: string;
  /** The text, cut into chat message parts (each ≤ recommend.digest.maxPartChars). */
  parts: string[];
  /** The week chart, as what to draw: the send queue draws it when the message goes out. */
  chart?: { spec: WeekChartSpec; name: string };
  /** Files only a mail can carry (e.g. the audit's CSV); other channels go without. */
  attachments?: { name: string; contentType: string; content: Buffer }[];
  ifUncertain?: IfUncertain;
}

export type RouteResult =
  | { channel: ChannelName; items: OutboxItem[]; already: boolean }
  /** No configured channel of the audience has an address for the recipient: report it. */
  | { channel: null; tried: ChannelName[] };

/** WeCom limits: application text and markdown 2048 bytes, robot markdown 4096 bytes (UTF-8). */
const WECOM_APP_BYTES = 2048;
const WECOM_ROBOT_BYTES = 4096;

/**
 * What routing reads about the recipients and what was queued, whatever the store: the SQLite store
 * (storeLookups) or what a central PostgreSQL store loaded beforehand (src/app/central-deliveries.ts),
 * so both engines route with the same rules.
 */
export interface RouteLookups {
  /** The contact's addresses, or undefined when the contact is not stored. */
  addresses(contactId: string): ContactAddresses | undefined;
  /** Whether an item whose dedupe key starts with `prefix` was queued. */
  hasKeyPrefix(prefix: string): boolean;
  /** Whether an item with this dedupe key was queued. */
  hasKey(dedupeKey: string): boolean;
}

/** One Outbox (its prepared statements) per database, for routing many messages. */
const outboxes = new WeakMap<object, Outbox>();
function outboxOf(store: Store): Outbox {
  let outbox = outboxes.get(store.db);
  if (!outbox) {
    outbox = store.outbox;
    outboxes.set(store.db, outbox);
  }
  return outbox;
}

/** The SQLite store's contacts and outbox, as RouteLookups. */
export function storeLookups(store: Store): RouteLookups {
  return {
    addresses: (contactId) => store.contacts.addresses(contactId),
    hasKeyPrefix: (prefix) => outboxOf(store).hasKeyPrefix(prefix),
    hasKey: (key) => outboxOf(store).get(key) !== undefined,
  };
}

/**
 * Whether `recipientId` has an address on `channel`. WeChat: the contact id itself (contacts come
 * from WeChat groups); the robot posts into its group, so any recipient "has" it.
 */
function hasAddressIn(lookups: RouteLookups, channel: ChannelName, recipientId: string): boolean {
  if (channel === 'wechat' || channel === 'wecomRobot') return true;
  const a = lookups.addresses(recipientId);
  return channel === 'email' ? !!a?.email : !!a?.wecomUserId;
}

export function hasAddress(store: Store, channel: ChannelName, recipientId: string): boolean {
  return hasAddressIn(storeLookups(store), channel, recipientId);
}

function chooseChannelIn(
  lookups: RouteLookups,
  config: Config,
  audience: Audience,
  recipientId: string,
): ChannelName | null {
  for (const channel of config.deliver.channels[audience]) {
    if (channelConfigured(config, channel) && hasAddressIn(lookups, channel, recipientId)) return channel;
  }
  return null;
}

/** The channel an audience's message to `recipientId` goes on: the first configured one with an address. */
export function chooseChannel(
  store: Store,
  config: Config,
  audience: Audience,
  recipientId: string,
): ChannelName | null {
  return chooseChannelIn(storeLookups(store), config, audience, recipientId);
}

/**
 * The outbox items that deliver `message` on the recipient's channel. A message of which any item
 * was queued before — on whatever channel — yields no items (`already`): a digest goes out once,
 * even if the channel configuration changed since.
 */
export function routeMessage(store: Store, config: Config, message: LogicalMessage): RouteResult {
  return routeWith(storeLookups(store), config, message);
}

/** routeMessage over any store's lookups. */
export function routeWith(lookups: RouteLookups, config: Config, message: LogicalMessage): RouteResult {
  const channel = chooseChannelIn(lookups, config, message.audience, message.recipientId);
  if (channel === null) return { channel: null, tried: config.deliver.channels[message.audience] };
  const items = itemsFor(config, channel, message);
  if (lookups.hasKeyPrefix(`${message.key}:`)) {
    // Items of the same channel are enqueued again as before (the outbox reports duplicates and
    // conflicts by key); a message that went on another channel is not sent a second time.
    const first = items[0];
    const same = first !== undefined && lookups.hasKey(first.dedupeKey);
    return { channel, items: same ? items : [], already: true };
  }
  return { channel, items, already: false };
}

function itemsFor(config: Config, channel: ChannelName, m: LogicalMessage): OutboxItem[] {
  const base = { recipientId: m.recipientId, ifUncertain: m.ifUncertain, channel };
  const chart = (key: string): OutboxItem[] =>
    m.chart
      ? [
          {
            ...base,
            dedupeKey: key,
            content: { kind: 'image', chart: m.chart.spec, name: m.chart.name },
          },
        ]
      : [];
  switch (channel) {
    case 'wechat':
      return [
        ...m.parts.map(
          (text, i): OutboxItem => ({
            recipientId: m.recipientId,
            ifUncertain: m.ifUncertain,
            dedupeKey: `${m.key}:part:${i + 1}`,
            content: { kind: 'text', text },
          }),
        ),
        ...chart(`${m.key}:chart`).map(({ channel: _, ...item }) => item),
      ];
    case 'email': {
      const cid = 'chart@qingqun';
      const attachments = m.attachments ?? [];
      const view = renderMail({
        title: m.subject,
        parts: m.parts,
        images: m.chart ? [{ cid, alt: m.chart.name }] : [],
        footer: attachments.map((a) => (config.locale === 'en' ? `Attached: ${a.name}` : `附件：${a.name}`)),
        lang: config.locale,
      });
      return [
        {
          ...base,
          dedupeKey: `${m.key}:email`,
          content: {
            kind: 'mail',
            subject: m.subject,
            text: view.text,
            html: view.html,
            files: [
              ...(m.chart
                ? [
                    {
                      name: m.chart.name,
                      contentType: 'image/png' as const,
                      chart: m.chart.spec,
                      cid,
                    },
                  ]
                : []),
              ...attachments.map((a) => ({
                name: a.name,
                contentType: a.contentType,
                base64: a.content.toString('base64'),
              })),
            ],
          },
        },
      ];
    }
    case 'wecom':
    case 'wecomRobot': {
      const bytes = channel === 'wecom' ? WECOM_APP_BYTES : WECOM_ROBOT_BYTES;
      const tag = channel === 'wecom' ? 'wecom' : 'robot';
      // Three UTF-8 bytes per UTF-16 unit at most: parts of bytes/3 units fit the byte limit.
      const heading = `**${m.subject}**`;
      const texts = splitMessageParts(`${heading}\n${joinParts(m.parts)}`, Math.floor(bytes / 3) - 8);
      return [
        ...texts.map(
          (text, i): OutboxItem => ({
            ...base,
            dedupeKey: `${m.key}:${tag}:part:${i + 1}`,
            content: { kind: 'text', text },
          }),
        ),
        ...chart(`${m.key}:${tag}:chart`),
      ];
    }
  }
}

/** A local date as "11月17日" / "17 Nov". */
function localDay(at: number, config: Config): string {
  const d = DateTime.fromMillis(at, { zone: config.timezone });
  return config.locale === 'en' ? d.setLocale('en').toFormat('d LLL') : `${d.month}月${d.day}日`;
}

/** Local dates of an ISO week, e.g. "11月17日—11月23日" / "17 Nov—23 Nov". */
function weekSpan(week: string, config: Config): string {
  const { from, to } = weekBounds(week, config.timezone);
  return `${localDay(from, config)}—${localDay(to - 1, config)}`;
}

/**
 * Subjects of the two weekly messages, naming the week (mail clients list them; the WeCom heading
 * repeats them): an owner's weekly digest and a supervisor's audit. A cadre's daily digest of muted
 * groups has its own (dailySubject).
 */
export function weeklySubject(kind: 'ownerDigest' | 'audit', week: string, config: Config): string {
  const span = weekSpan(week, config);
  if (config.locale === 'en') {
    return kind === 'ownerDigest'
      ? `qingqun weekly digest, ${week} (${span}): your work groups`
      : `qingqun audit, ${week} (${span}): work groups of your units`;
  }
  return kind === 'ownerDigest'
    ? `清群周报 ${week}（${span}）：您的工作群`
    : `清群督查周报 ${week}（${span}）：所辖单位工作群`;
}

export function dailySubject(until: number, config: Config): string {
  const day = localDay(until, config);
  return config.locale === 'en' ? `qingqun: your muted groups, ${day}` : `清群：静音群每日摘要（${day}）`;
}

/** A recipient no configured channel reaches, for the operator's report. */
export interface Unreachable {
  audience: Audience;
  recipientId: string;
  name: string;
  tried: ChannelName[];
  /**
   * Queued centrally (a PostgreSQL store): the channel has an address, but no bot account that
   * ships to the store records a group the recipient is in, so no host can send it.
   */
  noAccount?: true;
}

export function unreachable(store: Store, audience: Audience, recipientId: string, tried: ChannelName[]) {
  return unreachableNamed(store.contacts.find(recipientId)?.name, audience, recipientId, tried);
}

/** unreachable() with the recipient's stored name (undefined: not stored) already read. */
export function unreachableNamed(
  name: string | undefined,
  audience: Audience,
  recipientId: string,
  tried: ChannelName[],
): Unreachable {
  return { audience, recipientId, name: name ?? recipientId, tried };
}
