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
import { Converter } from 'opencc-js/t2cn';

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
