import { toNfkc } from './to-nfkc.js';

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
