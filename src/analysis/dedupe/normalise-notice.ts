/**
 * The canonical form two copies of one notice share: forwarding marks stripped (see
 * stripForwardingMarks), full-width letters and digits folded to ASCII, letters lower-cased, then only
 * ideographs (incl. 〇), ASCII letters and digits kept — punctuation, whitespace, line breaks, emoji,
 * zero-width joiners and symbols all go — and traditional characters converted to simplified.
 * Linear in the input; any string is safe.
 */
import { stripForwardingMarks } from '../text/strip-forwarding-marks.js';
import { toSimplified } from '../text/to-simplified.js';

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
