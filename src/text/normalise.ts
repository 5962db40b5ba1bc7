/**
 * Character-level normalisation every text reader shares: NFKC (full-width forms), traditional to
 * simplified characters, forwarding marks, and WeChat emoticons split from the words around them.
 */
import { Converter } from 'opencc-js/t2cn';

/**
 * NFKC normalisation where it matters to the reply and deadline readers — full-width letters and
 * digits (ＯＫ, １６), full-width ＃ ［ ］ ～, the ideographic space, circled and parenthesised
 * numbers, compatibility ideographs — with a fast path: without such characters the text is returned
 * as is. Full-width ，：！？（） are deliberately left: every pattern here accepts both widths, and
 * they occur in nearly every Chinese sentence, which would otherwise all pay for normalisation.
 */
const NEEDS_NFKC =
  /[\u2460-\u24ff\u3000\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe6f\uff03\uff10-\uff19\uff21-\uff3b\uff3d\uff41-\uff5a\uff5e-\uffef]/;

export function toNfkc(text: string): string {
  return NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text;
}

/**
 * Traditional → simplified Chinese with opencc-js (Taiwan variants, then OpenCC's phrase and character
 * tables). The converter is built once, on first use. Conversion costs ~0.2 µs per character, so texts
 * without any character that converts on its own are returned untouched: a table of such characters
 * (BMP ideographs; any supplementary-plane ideograph also triggers) is derived from the converter itself.
 * Phrase-only rewrites of texts written entirely in shared characters are thereby skipped; both copies
 * of a notice written in simplified characters stay identical, which is what matters here.
 *
 * A few characters the converter changes are also ordinary simplified characters (著 in 显著, 么 in 什么):
 * converting a simplified text because of them would corrupt it (显著 → 显着), so they never trigger.
 * The list is every GB2312 character the converter changes (checked with opencc-js 1.4.2).
 */

type Convert = (text: string) => string;

let convert: Convert | null = null;
let converts: Uint8Array | null = null;

const SIMPLIFIED_TOO = '么乾著菸薹拚捱摺吒後徵夥榘於袷麴醣麽';

const RANGES: readonly [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

function setUp(): { convert: Convert; converts: Uint8Array } {
  if (convert !== null && converts !== null) return { convert, converts };
  const fn: Convert = Converter({ from: 'tw', to: 'cn' });
  const table = new Uint8Array(0x10000);
  for (const [from, to] of RANGES) {
    const chars: string[] = [];
    for (let cp = from; cp <= to; cp++) chars.push(String.fromCharCode(cp));
    // One call for the whole range; the separator keeps phrases from matching across characters.
    const converted = fn(chars.join('\n')).split('\n');
    const aligned = converted.length === chars.length;
    for (let k = 0; k < chars.length; k++) {
      const original = chars[k] as string;
      const result = aligned ? converted[k] : fn(original);
      if (result !== original) table[from + k] = 1;
    }
  }
  for (const ch of SIMPLIFIED_TOO) table[ch.charCodeAt(0)] = 0;
  convert = fn;
  converts = table;
  return { convert: fn, converts: table };
}

/** Whether `text` holds a character the converter would change (or a supplementary ideograph). */
export function hasTraditional(text: string): boolean {
  const table = setUp().converts;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (table[c] === 1) return true;
    // High surrogates of planes 2–3 (U+20000–U+3FFFF), where the rare CJK extensions live.
    if (c >= 0xd840 && c <= 0xd8bf) return true;
  }
  return false;
}

export function toSimplified(text: string): string {
  return hasTraditional(text) ? setUp().convert(text) : text;
}

/**
 * Removes what forwarding adds to a notice without changing its substance: leading forwarding and
 * urgency tags (【转发】, 转：, 转发：, 【重要通知】, 【通知】, 再次提醒：…), @所有人 and other @mentions, and WeChat
 * bracket emoticons such as [强] or [OK]. The result keeps punctuation and line breaks, so it can also
 * be shown to people (excerpts).
 *
 * Every pattern is anchored or bounded (no nested quantifiers), so any input is linear to scan.
 */

/** One leading tag (simplified or traditional), optionally after whitespace, zero-width characters or emoji. */
const LEADING_TAG =
  /^(?:[\s\u200b-\u200d\u2060\ufeff]|\p{Extended_Pictographic}|\ufe0f)*(?:【(?:[转轉][发發载載]?|重要通知|[紧緊]急通知|重要提醒|再次提醒|通知|[紧緊]急|重要|提醒|[温溫]馨提示|[扩擴]散)】|[[［][转轉][发發载載]?[\]］]|(?:[转轉][发發载載]?|再次提醒)[ \t]*[:：]|[@＠]所有人)/u;

/** Leading tags stack ("【转发】【重要通知】@所有人 …"); a handful is plenty, and it bounds the loop. */
const MAX_LEADING_TAGS = 8;

const MENTION_ALL = /[@＠]所有人/g;
/**
 * A mention ends where WeChat puts its separator (U+2005) or any whitespace, or at the end. An @ right
 * after a letter, digit or dot is an e-mail address (xbzb797@163.com), not a mention.
 */
const MENTION = /(?<![A-Za-z0-9._%+-])[@＠][^\s@＠\u2005]{1,24}(?:[\s\u2005]|$)/g;
/** WeChat's own emoticons are bracketed names: [强] [玫瑰] [捂脸] [OK] [Facepalm]. */
const EMOTICON = /[[［](?:[\u4e00-\u9fff]{1,4}|[A-Za-z]{1,10})[\]］]/g;

export function stripForwardingMarks(text: string): string {
  let out = text;
  for (let i = 0; i < MAX_LEADING_TAGS; i++) {
    const match = LEADING_TAG.exec(out);
    if (match === null) break;
    out = out.slice(match[0].length);
  }
  if (out.includes('@') || out.includes('＠')) out = out.replace(MENTION_ALL, '').replace(MENTION, ' ');
  if (out.includes('[') || out.includes('［')) out = out.replace(EMOTICON, '');
  return out;
}

/**
 * Separates the emoticons of a short chat text from its words. WeChat writes its built-in emoticons
 * as bracket codes ("[强]", "[OK]", "[玫瑰]"); phones also send Unicode emoji ("👍", "👌🏻").
 * Contract: one pass over the code points, no regex backtracking, so any input is linear.
 */
export interface SplitEmoticons {
  /** The text with emoticons removed (NFKC-normalised, so full-width brackets count too). */
  words: string;
  /** Bracket codes without brackets, e.g. '强', 'ok' (Latin lower-cased). */
  brackets: string[];
  /** Emoji base characters, with skin tones, variation selectors and joiners dropped. */
  emoji: string[];
}

/** A WeChat bracket code is short; longer bracketed text ("[附件]…", "[图片说明…]") is words. */
const MAX_BRACKET_CODE = 6;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/** Cheap pre-test: Latin, CJK ideographs and Hangul hold no pictographs (©/® are not emoticons). */
function mayBePictographic(cp: number): boolean {
  return cp >= 0x2000 && !(cp >= 0x4e00 && cp <= 0x9fff) && !(cp >= 0xac00 && cp <= 0xd7af);
}

/** Skin tones, variation selectors, zero-width joiner, combining keycap: parts of an emoji sequence. */
function isEmojiPart(cp: number): boolean {
  return (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0xfe0e || cp === 0xfe0f || cp === 0x200d || cp === 0x20e3;
}

export function splitEmoticons(text: string): SplitEmoticons {
  const normal = toNfkc(text);
  const brackets: string[] = [];
  const emoji: string[] = [];
  let words = '';
  let i = 0;
  while (i < normal.length) {
    const ch = normal[i] as string;
    if (ch === '[') {
      const close = bracketClose(normal, i);
      if (close > 0) {
        brackets.push(normal.slice(i + 1, close).toLowerCase());
        i = close + 1;
        continue;
      }
    }
    const cp = normal.codePointAt(i) as number;
    const char = String.fromCodePoint(cp);
    if (mayBePictographic(cp) && PICTOGRAPHIC.test(char)) emoji.push(char);
    else if (!isEmojiPart(cp)) words += char;
    i += char.length;
  }
  return { words, brackets, emoji };
}

/** Index of the ']' closing a bracket code opened at `open`, or −1 (bounded look-ahead). */
function bracketClose(text: string, open: number): number {
  const limit = Math.min(text.length, open + MAX_BRACKET_CODE + 2);
  for (let j = open + 1; j < limit; j++) {
    const c = text[j];
    if (c === ']') return j > open + 1 ? j : -1;
    if (c === '[' || c === ' ' || c === '\n') return -1;
  }
  return -1;
}
