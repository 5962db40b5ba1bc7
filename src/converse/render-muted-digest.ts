import { splitMessageParts } from '../render/split-message-parts.js';
import type { MutedDigest } from './build-muted-digest.js';
import type { ConverseText } from './converse-text.js';
import { localTime } from './local-time.js';

export interface RenderMutedDigestOptions {
  text: ConverseText;
  timezone: string;
  /** Group id → name, contact id → name (ids are shown when a name is missing). */
  groupName: (id: string) => string;
  contactName: (id: string) => string | undefined;
  maxPartChars: number;
  /** Entries shown in full; the rest are counted. Default 40. */
  maxEntries?: number;
  /** Characters of each entry's text. Default 160. */
  maxTextChars?: number;
}

function cut(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

/** A cadre's daily digest as WeChat message parts; no parts when it has no entry (nothing is sent). */
export function renderMutedDigest(digest: MutedDigest, o: RenderMutedDigestOptions): string[] {
  if (digest.entries.length === 0) return [];
  const { text } = o;
  const maxEntries = o.maxEntries ?? 40;
  const maxText = o.maxTextChars ?? 160;
  const mentions = digest.entries.filter((e) => e.mentionsMe).length;
  const notices = digest.entries.filter((e) => e.notice).length;
  const lines = [
    text.dailyHead(localTime(digest.until - 1, o.timezone, text), digest.mutedGroupIds.length),
    text.dailyCounts(notices, mentions, digest.coveredElsewhere),
    '',
  ];
  digest.entries.slice(0, maxEntries).forEach((e, i) => {
    const label = e.type === 'file' ? text.fileLabel : e.type === 'link' ? text.linkLabel : '';
    const body = e.text === null || e.text.trim() === '' ? text.notKept : `${label}${cut(e.text, maxText)}`;
    const sender = (e.senderId === null ? undefined : o.contactName(e.senderId)) ?? text.someone;
    const groups = e.groupIds.map(o.groupName).join(text.listSep);
    const time = localTime(e.time, o.timezone, text, true);
    lines.push(text.dailyEntry(i + 1, groups, time, sender, body) + (e.mentionsMe ? text.dailyMention : ''));
  });
  if (digest.entries.length > maxEntries) lines.push(text.dailyMore(digest.entries.length - maxEntries));
  lines.push('', text.dailyFoot);
  return splitMessageParts(lines.join('\n'), o.maxPartChars);
}
