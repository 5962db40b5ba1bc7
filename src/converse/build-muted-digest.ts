import { countablePredicate } from '../analysis/countable-predicate.js';
import { duplicateNoticesDetector } from '../analysis/duplicate-notices.js';
import { weekOf } from '../calendar/weeks.js';
import { createWorkCalendar } from '../calendar/work-calendar.js';
import type { Config } from '../config/schema.js';
import type { MessageType, StoredMessage } from '../model/message.js';
import { WeekNotices } from '../recommend/week-notices.js';
import type { Store } from '../store/store.js';

/** How far back copies in kept groups are looked for: a notice relayed days later is still one notice. */
export const DIGEST_LOOKBACK_MS = 7 * 86_400_000;

/** One entry of a cadre's daily digest: a notice (once per duplicate cluster) or an @-mention. */
export interface MutedDigestEntry {
  /** The duplicate cluster's id, or the message id. */
  key: string;
  /** The first copy in a muted group within the digest's span. */
  messageId: string;
  /** The muted groups it reached within the span, in the order it reached them. */
  groupIds: string[];
  senderId: string | null;
  time: number;
  type: MessageType;
  /** The text, the file name, the link's or mini program's title; null when not kept. */
  text: string | null;
  /** It is a notice (else it is here only because it @-mentions the cadre). */
  notice: boolean;
  /** The cadre was @-mentioned in it (such messages are always included). */
  mentionsMe: boolean;
}

export interface MutedDigest {
  contactId: string;
  since: number;
  until: number;
  /** The muted groups the cadre is still in. */
  mutedGroupIds: string[];
  entries: MutedDigestEntry[];
  /** Distinct notices of muted groups left out because they also reached a group the cadre keeps. */
  coveredElsewhere: number;
}

/** Messages of [from, to) with their duplicate clusters, shared by every subscriber's digest of one run. */
export interface DigestWindow {
  from: number;
  to: number;
  messages: readonly StoredMessage[];
  notices: WeekNotices;
  countable: (m: StoredMessage) => boolean;
}

/** Loads [from, to) and finds its duplicate notices (only that detector runs). */
export function analyseDigestWindow(store: Store, config: Config, from: number, to: number): DigestWindow {
  const data = store.weekData.load({ week: weekOf(from, config.timezone), from, to });
  const clusters = duplicateNoticesDetector.run({ data, config, calendar: createWorkCalendar(config) }, {});
  return {
    from,
    to,
    messages: data.messages,
    notices: new WeekNotices(data, clusters),
    countable: countablePredicate(data.messages),
  };
}

function shownText(m: StoredMessage): string | null {
  if (m.type === 'link') return m.link?.title ?? m.link?.url ?? m.text;
  if (m.type === 'file') return m.file?.name ?? m.text;
  if (m.type === 'miniprogram') return m.miniprogram?.title ?? m.text;
  return m.text;
}

/**
 * The daily digest of a cadre's muted groups for [since, until): every notice that reached a muted
 * group and none of the groups the cadre keeps (looking back DIGEST_LOOKBACK_MS for copies), one
 * entry per duplicate cluster however many muted groups it reached; and every message in a muted
 * group that @-mentions the cadre, whether or not it is a notice or reached them elsewhere. The
 * cadre's own messages are left out. Entries in time order. Reads the store only.
 */
export function buildMutedDigest(
  store: Store,
  config: Config,
  contactId: string,
  since: number,
  until: number,
  options: { window?: DigestWindow } = {},
): MutedDigest {
  const member = store.groups.ofMember(contactId).map((g) => g.id);
  const mutedPref = new Set(store.preferences.mutedGroups(contactId));
  const muted = new Set(member.filter((g) => mutedPref.has(g)));
  const kept = new Set(member.filter((g) => !muted.has(g)));
  const from = since - DIGEST_LOOKBACK_MS;
  const given = options.window;
  const window =
    given && given.from <= from && given.to >= until
      ? given
      : analyseDigestWindow(store, config, from, until);

  const entries = new Map<string, MutedDigestEntry>();
  const covered = new Set<string>();
  for (const m of window.messages) {
    if (m.time < since || m.time >= until || !muted.has(m.groupId) || m.senderId === contactId) continue;
    if (!window.countable(m)) continue;
    const mentionsMe = m.mentionIds.includes(contactId);
    const notice = window.notices.noticeIds.has(m.id);
    if (!mentionsMe && !notice) continue;
    const cluster = window.notices.clusterOf.get(m.id);
    const key = cluster?.id ?? m.id;
    const existing = entries.get(key);
    if (!mentionsMe && !existing && cluster?.groupIds.some((g) => kept.has(g))) {
      covered.add(key);
      continue;
    }
    if (existing) {
      if (!existing.groupIds.includes(m.groupId)) existing.groupIds.push(m.groupId);
      existing.mentionsMe ||= mentionsMe;
      existing.notice ||= notice;
      continue;
    }
    entries.set(key, {
      key,
      messageId: m.id,
      groupIds: [m.groupId],
      senderId: m.senderId,
      time: m.time,
      type: m.type,
      text: shownText(m),
      notice,
      mentionsMe,
    });
  }
  for (const key of entries.keys()) covered.delete(key);
  return {
    contactId,
    since,
    until,
    mutedGroupIds: [...muted].sort(),
    entries: [...entries.values()].sort((a, b) => a.time - b.time),
    coveredElsewhere: covered.size,
  };
}
