/**
 * The canonical form copies of one notice share (normaliseNotice), the canonical form of a link
 * (normaliseUrl), and the fingerprint of a text kept after the text itself is dropped.
 */

import { createHash } from 'node:crypto';
import { stripForwardingMarks, toSimplified } from './normalise.js';

/**
 * The canonical form two copies of one notice share: forwarding marks stripped (see
 * stripForwardingMarks), full-width letters and digits folded to ASCII, letters lower-cased, then only
 * ideographs (incl. 〇), ASCII letters and digits kept — punctuation, whitespace, line breaks, emoji,
 * zero-width joiners and symbols all go — and traditional characters converted to simplified.
 * Linear in the input; any string is safe.
 */

/** Characters are collected in a reusable buffer and turned into a string in chunks of this size. */
const CHUNK = 8192;
let buffer = new Uint16Array(1024);

function keep(cp: number): number {
  let c = cp;
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII
  if (c >= 0x30 && c <= 0x39) return c;
  if (c >= 0x61 && c <= 0x7a) return c;
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (c >= 0x4e00 && c <= 0x9fff) return c;
  if (c >= 0x3400 && c <= 0x4dbf) return c;
  if (c >= 0xf900 && c <= 0xfaff) return c;
  if (c === 0x3007) return c;
  if (c >= 0x20000 && c <= 0x3134f) return c;
  return -1;
}

function decode(units: Uint16Array, length: number): string {
  let out = '';
  for (let start = 0; start < length; start += CHUNK) {
    const end = Math.min(length, start + CHUNK);
    out += String.fromCharCode.apply(null, units.subarray(start, end) as unknown as number[]);
  }
  return out;
}

export function normaliseNotice(text: string): string {
  const stripped = stripForwardingMarks(text);
  if (buffer.length < stripped.length) buffer = new Uint16Array(stripped.length * 2);
  let n = 0;
  for (let i = 0; i < stripped.length; i++) {
    let cp = stripped.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < stripped.length) {
      const low = stripped.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    const kept = keep(cp);
    if (kept < 0) continue;
    if (kept >= 0x10000) {
      buffer[n++] = 0xd800 + ((kept - 0x10000) >> 10);
      buffer[n++] = 0xdc00 + ((kept - 0x10000) & 0x3ff);
    } else {
      buffer[n++] = kept;
    }
  }
  return toSimplified(decode(buffer, n));
}

/** Length in code points (what minLength and the containment rule measure). */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

/**
 * The form two shares of one web page have in common: scheme dropped, host lower-cased, a trailing
 * slash and the fragment dropped (except client-side routes such as #/notice/12), and the tracking and
 * session parameters that WeChat and share buttons add removed; the remaining parameters are sorted.
 * WeChat articles (mp.weixin.qq.com/s?…) keep only __biz, mid, idx and sn, which identify the article.
 * Returns null for an empty string; a string that is no URL is returned trimmed and lower-cased.
 */

const TRACKING = new Set([
  'from',
  'isappinstalled',
  'scene',
  'subscene',
  'ascene',
  'clicktime',
  'enterid',
  'chksm',
  'sessionid',
  'spm',
  'wxfrom',
  'wx_header',
  'devicetype',
  'nettype',
  'pass_ticket',
  'exportkey',
  'abtest_cookie',
  'fbclid',
  'gclid',
  'mpshare',
  'srcid',
  'nsukey',
  'from_msgid',
  'poc_token',
  'timestamp',
]);
const TRACKING_PREFIXES = ['utm_', 'share', 'spm_'];
const WEIXIN_ARTICLE_KEYS = new Set(['__biz', 'mid', 'idx', 'sn']);

function isTracking(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

export function normaliseUrl(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return trimmed.toLowerCase();
  }
  const weixinArticle = url.hostname === 'mp.weixin.qq.com' && url.pathname.startsWith('/s');
  const kept: [string, string][] = [];
  for (const [name, value] of url.searchParams) {
    if (weixinArticle ? WEIXIN_ARTICLE_KEYS.has(name) : !isTracking(name)) kept.push([name, value]);
  }
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  const query = kept.length === 0 ? '' : `?${new URLSearchParams(kept).toString()}`;
  const route = url.hash.startsWith('#/') || url.hash.startsWith('#!') ? url.hash : '';
  return `${url.host.toLowerCase()}${path}${query}${route}`;
}

/**
 * A 64-bit fingerprint (16 lower-case hex digits: the first 8 bytes of SHA-256) of a text in the
 * canonical form copies of one notice share (normaliseNotice: punctuation, emoji, spacing and
 * traditional characters folded away). Texts that normalise to nothing (only emoji or punctuation:
 * "👍👍", "！！") are fingerprinted as written, trimmed. Null for an empty or blank text. Pass
 * `normalised` when it is already at hand.
 *
 * Lets the same text be counted across messages and groups after the text itself was dropped. It is
 * not a secret: a common short text ("收到") can be recovered by hashing guesses (docs/PRIVACY.md).
 */
export function textFingerprint(text: string | null, normalised?: string): string | null {
  if (text === null) return null;
  const n = normalised ?? normaliseNotice(text);
  const basis = n !== '' ? n : text.trim();
  return basis === '' ? null : normalisedFingerprint(basis);
}

/**
 * The fingerprint of a text already normalised (non-empty): what the store keeps for a text whose
 * normalised form is `normalised`. The duplicate detector joins dropped texts to kept copies with it.
 */
export function normalisedFingerprint(normalised: string): string {
  return createHash('sha256').update(normalised, 'utf8').digest('hex').slice(0, 16);
}
