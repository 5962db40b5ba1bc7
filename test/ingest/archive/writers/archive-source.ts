/**
 * What the archive writers write: an organisation as interchange records (the simulator's output, or
 * a JSON Lines file read back). Writers produce each platform's files the way its exporter does, so
 * round-trip tests can feed the importers realistic input (test/ingest/archive/round-trip.test.ts; test
 * code: the product exports only ChatLab, src/ingest/archive/export/). Details a platform cannot carry are lost
 * as they would be in a real export; messages of a type it cannot carry at all are counted in
 * `skipped` (the WeCom archive has no system lines).
 */

import { isoTimeToEpoch } from '../../../../src/ingest/jsonl/parse-iso-time.js';
import { detectMentionAll } from '../../../../src/ingest/wechaty/detect-mention-all.js';
import type { ContactRecord, GroupRecord, MessageRecord } from '../../../../src/model/interchange.js';
import type { MessageType } from '../../../../src/model/message.js';

/** The writers name files as `qingqun export` does. */
export { safeName } from '../../../../src/ingest/archive/export/chatlab-writer.js';

export interface ArchiveSource {
  contacts: readonly ContactRecord[];
  groups: readonly GroupRecord[];
  /** In any order; writers order each chat by time. */
  messages: Iterable<MessageRecord>;
}

export interface WriteResult {
  /** Files written, in writing order. */
  files: string[];
  messages: number;
  /** Messages not written, by type, because the format has no way to say them. */
  skipped: Partial<Record<MessageType, number>>;
}

export interface TimedMessage {
  record: MessageRecord;
  /** UTC epoch ms. */
  time: number;
}

/** Each group's messages in time order (ties kept in input order); groups in the order given. */
export function messagesByGroup(source: ArchiveSource): Map<string, TimedMessage[]> {
  const out = new Map<string, TimedMessage[]>(source.groups.map((g) => [g.id, []]));
  for (const record of source.messages) {
    const list = out.get(record.groupId) ?? [];
    if (!out.has(record.groupId)) out.set(record.groupId, list);
    list.push({ record, time: isoTimeToEpoch(record.time) });
  }
  for (const list of out.values()) list.sort((a, b) => a.time - b.time);
  return out;
}

/** Contact id → display name (the id itself when unknown). */
export function contactNames(source: ArchiveSource): (id: string | null | undefined) => string {
  const names = new Map(source.contacts.map((c) => [c.id, c.name]));
  return (id) => (id ? (names.get(id) ?? id) : '');
}

/**
 * The text as WeChat shows it: a message that @-mentions everyone says so in its text ("@所有人"
 * followed by U+2005), which is all an export keeps of the mention.
 */
export function shownText(m: MessageRecord): string {
  const text = m.text ?? '';
  return m.mentionAll && !detectMentionAll(text) ? `@所有人\u2005${text}` : text;
}

/** A stand-in MD5 (32 hex) for platforms that hash with MD5: the first half of the sha256. */
export function md5Of(m: MessageRecord): string {
  return m.file?.sha256?.slice(0, 32).toLowerCase() ?? '';
}

/**
 * Stable numeric ids as decimal strings (WeChat's server ids are 19-digit numbers, beyond a double's
 * precision), assigned in first-seen order: `prefix` followed by a zero-padded counter.
 */
export class NumericIds {
  private readonly ids = new Map<string, string>();

  constructor(
    private readonly prefix = '7',
    private readonly digits = 18,
  ) {}

  of(id: string): string {
    let n = this.ids.get(id);
    if (n === undefined) {
      n = `${this.prefix}${String(this.ids.size + 1).padStart(this.digits, '0')}`;
      this.ids.set(id, n);
    }
    return n;
  }
}

export function bump(skipped: WriteResult['skipped'], type: MessageType): void {
  skipped[type] = (skipped[type] ?? 0) + 1;
}
