/**
 * The week's notice candidates, deduplicated: every message that can be a copy of a notice
 * (noticeKeyOf) is mapped to an item — one per distinct normalised text or exact key — so
 * identical copies cost one fingerprint, and similarity is only ever computed between items.
 * Memory is proportional to the number of candidate messages.
 */
import type { StoredMessage } from '../../model/message.js';
import { normalisedFingerprint } from '../../text/notice-form.js';
import { type DuplicateRules, type NoticeKind, noticeKeyOf } from './notice-key.js';
import { type NoticeText, noticeText } from './notice-text.js';

export interface NoticeTable {
  messages: readonly StoredMessage[];
  /** The item of each message, or −1 when the message is no notice candidate. */
  itemOf: Int32Array;
  /** Per item. */
  kinds: NoticeKind[];
  /** Per item: the text's fingerprint, or null for file and link items. */
  texts: (NoticeText | null)[];
  /**
   * Pairs of items that are one text: a text whose words were dropped (an exact item keyed by its
   * stored fingerprint) and a kept copy with that fingerprint. Linked like similar texts.
   */
  aliases: [number, number][];
}

export function buildNoticeTable(messages: readonly StoredMessage[], rules: DuplicateRules): NoticeTable {
  const itemOf = new Int32Array(messages.length).fill(-1);
  const kinds: NoticeKind[] = [];
  const texts: (NoticeText | null)[] = [];
  const byText = new Map<string, number>();
  const byKey = new Map<string, number>();
  for (let m = 0; m < messages.length; m++) {
    const key = noticeKeyOf(messages[m] as StoredMessage, rules);
    if (key === null) continue;
    const text = 'text' in key ? key.text : null;
    const index = text !== null ? byText : byKey;
    const lookup = 'text' in key ? key.text : key.key;
    let item = index.get(lookup);
    if (item === undefined) {
      item = kinds.length;
      index.set(lookup, item);
      kinds.push(key.kind);
      texts.push(text !== null ? noticeText(text) : null);
    }
    itemOf[m] = item;
  }
  const aliases: [number, number][] = [];
  if ([...byKey.keys()].some((key) => key.startsWith('f:'))) {
    for (const [normalised, item] of byText) {
      const dropped = byKey.get(`f:${normalisedFingerprint(normalised)}`);
      if (dropped !== undefined) aliases.push([item, dropped]);
    }
  }
  return { messages, itemOf, kinds, texts, aliases };
}
