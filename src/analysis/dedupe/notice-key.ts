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
 *   fingerprint, so exact copies still cluster (notice-table.ts joins it to a kept copy's text), if
 *   its class is 'notice' (or unknown) and it was long enough.
 * Never notices: system messages, recalls (the recalled original still counts), emoticons, mini
 * programs, #接龙 roll-call posts, and texts shorter than minLength after normalisation (which covers
 * acknowledgements, likes and chat).
 */
import type { Config } from '../../config/schema.js';
import type { StoredMessage } from '../../model/message.js';
import { codePointLength, normaliseNotice, normaliseUrl } from '../../text/notice-form.js';
import { isRollCallPost } from '../../text/roll-calls.js';

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
