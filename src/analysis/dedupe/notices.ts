/**
 * Step 1 of duplicate detection: the week's notice items. Which messages can be copies of a notice
 * and under what key (noticeKeyOf), the per-text features every later step reads (noticeText), and
 * the table mapping messages to deduplicated items (buildNoticeTable).
 */
import type { Config } from '../../config/schema.js';
import type { StoredMessage } from '../../model/message.js';
import {
  codePointLength,
  normalisedFingerprint,
  normaliseNotice,
  normaliseUrl,
} from '../../text/notice-form.js';
import { isRollCallPost } from '../../text/roll-calls.js';
import { distinctSorted, trigramHashes } from './grams.js';
import { numberSignature, signatureKeys } from './number-signature.js';

/**
 * Which messages can be copies of a notice, and under what key. Texts are compared by similarity
 * (their key is the normalised text, so identical copies share it); files, images and links only by
 * exact keys:
 * - file: the content hash (sha256 or the source's hash); without one, name + size. A corrected file
 *   re-sent under the same name has another hash or size, so it is another key. An image counts only
 *   with a hash (photos answering a check-in demand are all different).
 * - link: the normalised URL (normaliseUrl); without a URL, the normalised title. A text that is
 *   nothing but one URL is a link too.
 * - a text whose text was dropped (retention, storage policy) but whose fingerprint was kept: the
 *   fingerprint, so exact copies still cluster (buildNoticeTable joins it to a kept copy's text), if
 *   its class is 'notice' (or unknown) and it was long enough.
 * Never notices: system messages, recalls (the recalled original still counts), emoticons, mini
 * programs, #接龙 roll-call posts, and texts shorter than minLength after normalisation (which covers
 * acknowledgements, likes and chat).
 */

export type DuplicateRules = Config['analysis']['duplicates'];
export type NoticeKind = 'text' | 'file' | 'link';

/** A text to compare by similarity, or an exact key (a fingerprint key starts with 'f:'). */
export type NoticeKey = { kind: 'text'; text: string } | { kind: NoticeKind; key: string };

/** A whole text that is one URL (no spaces inside). */
const BARE_URL = /^\s*(https?:\/\/\S+)\s*$/i;

function linkKey(url: string | null | undefined, title: string | null | undefined): NoticeKey | null {
  const normalisedUrl = url ? normaliseUrl(url) : null;
  if (normalisedUrl !== null) return { kind: 'link', key: `u:${normalisedUrl}` };
  const normalisedTitle = title ? normaliseNotice(title) : '';
  return normalisedTitle === '' ? null : { kind: 'link', key: `t:${normalisedTitle}` };
}

function fingerprintKey(message: StoredMessage, rules: DuplicateRules): NoticeKey | null {
  const { fingerprint, textClass } = message;
  if (!fingerprint || message.textLength < rules.minLength) return null;
  if (textClass !== undefined && textClass !== null && textClass !== 'notice') return null;
  return { kind: 'text', key: `f:${fingerprint}` };
}

export function noticeKeyOf(message: StoredMessage, rules: DuplicateRules): NoticeKey | null {
  switch (message.type) {
    case 'text': {
      const text = message.text;
      if (text === null) return fingerprintKey(message, rules);
      // Normalisation never lengthens a text, so a raw text under minLength code units is too short.
      if (text.length < rules.minLength) return null;
      // Every roll-call header holds 接 (#接龙, #接龍): the cheap test spares most texts the full check.
      if (text.includes('接') && isRollCallPost(text)) return null;
      const url = text.length <= 4096 ? BARE_URL.exec(text) : null;
      if (url) return linkKey(url[1], null);
      const normalised = normaliseNotice(text);
      return codePointLength(normalised) < rules.minLength ? null : { kind: 'text', text: normalised };
    }
    case 'link':
      return linkKey(message.link?.url, message.link?.title);
    case 'file':
    case 'image': {
      const file = message.file;
      if (!file) return null;
      if (file.sha256) return { kind: 'file', key: `h:${file.sha256.toLowerCase()}` };
      if (message.type === 'file' && file.name && file.size !== null) {
        return { kind: 'file', key: `n:${file.name}\u0000${file.size}` };
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * What the verification of a candidate pair reads about one distinct normalised text: its length in
 * code points, its 3-gram hashes in text order and as a set, and its number signature. The ordered
 * grams are kept (about 4 bytes per character) because winnowing and the short-substitution test read
 * them again and again, for every pair a text is part of.
 */

export interface NoticeText {
  normalised: string;
  /** Code points of `normalised`. */
  length: number;
  /** 3-gram hashes in text order (trigramHashes). */
  ordered: Uint32Array;
  /** Distinct 3-gram hashes, ascending. */
  grams: Uint32Array;
  /** Date/time/number tokens as sorted hashes (numberSignature, signatureKeys). */
  numbers: Int32Array;
}

export function noticeText(normalised: string): NoticeText {
  const ordered = trigramHashes(normalised);
  return {
    normalised,
    length: codePointLength(normalised),
    ordered,
    grams: distinctSorted(ordered.slice()),
    numbers: signatureKeys(numberSignature(normalised)),
  };
}

/**
 * The week's notice candidates, deduplicated: every message that can be a copy of a notice
 * (noticeKeyOf) is mapped to an item — one per distinct normalised text or exact key — so
 * identical copies cost one fingerprint, and similarity is only ever computed between items.
 * Memory is proportional to the number of candidate messages.
 */

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
