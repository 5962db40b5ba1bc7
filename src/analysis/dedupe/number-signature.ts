/**
 * The dates, times and numbers a notice states, read from its normalised text (see normaliseNotice:
 * ideographs, lower-case ASCII letters and digits only). Two texts whose signatures contradict — each
 * states something the other lacks — are not the same notice however similar their wording: this keeps
 * next week's duty roster, a meeting on another date, or two inspections sharing a boilerplate opening
 * apart. A part of a split notice, or a copy with an added sentence, only adds or lacks numbers on one
 * side, which is no contradiction.
 *
 * Tokens count with repetitions (a multiset): "第9批…推了8天" and "第9批…推了9天" contradict, although the
 * second's only number also occurs in the first.
 *
 * Tokens: every digit run (leading zeros dropped; punctuation is already gone, so 16:00 reads 1600),
 * Chinese-numeral month/day pairs (十一月二十五日 → 11, 25), ordinals (第三周 → 3), clock hours after
 * 上午/下午/晚上… (下午三点 → 3), and weekdays (周三, 星期三, 礼拜三 → w3).
 */

import { CHINESE_DIGITS } from '../../text/chinese-numbers.js';

const CN = '[零〇一二两三四五六七八九十]';
const MONTH_DAY = new RegExp(`(${CN}{1,3})月(${CN}{1,3})[日号]`, 'g');
const ORDINAL = new RegExp(`第(${CN}{1,3})[周期批次轮季]`, 'g');
const CLOCK = new RegExp(`(?:上午|下午|晚上|早上|中午|凌晨|傍晚)(${CN}{1,3})[点时]`, 'g');
const WEEKDAY = /(?:星期|礼拜|周)([一二三四五六日天])/g;

/** Chinese numerals up to 99 (十一 → 11, 二十五 → 25, 二〇 → 20 read digit by digit). */
export function chineseNumber(numeral: string): number {
  const ten = numeral.indexOf('十');
  if (ten < 0) {
    let value = 0;
    for (const ch of numeral) value = value * 10 + (CHINESE_DIGITS[ch] ?? 0);
    return value;
  }
  const tens = ten === 0 ? 1 : (CHINESE_DIGITS[numeral.slice(0, ten)] ?? 0);
  const units = ten === numeral.length - 1 ? 0 : (CHINESE_DIGITS[numeral.slice(ten + 1)] ?? 0);
  return tens * 10 + units;
}

/** Tokens, ascending, repeated as often as they occur. Each pattern runs only when its marker occurs. */
export function numberSignature(normalised: string): string[] {
  const tokens: string[] = [];
  let run = -1;
  for (let i = 0; i <= normalised.length; i++) {
    const c = i < normalised.length ? normalised.charCodeAt(i) : -1;
    const digit = c >= 0x30 && c <= 0x39;
    if (digit && run < 0) run = i;
    else if (!digit && run >= 0) {
      let start = run;
      while (start < i - 1 && normalised.charCodeAt(start) === 0x30) start++;
      tokens.push(normalised.slice(start, i));
      run = -1;
    }
  }
  if (normalised.includes('月')) {
    for (const m of normalised.matchAll(MONTH_DAY)) {
      tokens.push(String(chineseNumber(m[1] as string)));
      tokens.push(String(chineseNumber(m[2] as string)));
    }
  }
  if (normalised.includes('第')) {
    for (const m of normalised.matchAll(ORDINAL)) tokens.push(String(chineseNumber(m[1] as string)));
  }
  if (normalised.includes('点') || normalised.includes('时')) {
    for (const m of normalised.matchAll(CLOCK)) tokens.push(String(chineseNumber(m[1] as string)));
  }
  if (normalised.includes('周') || normalised.includes('期') || normalised.includes('拜')) {
    for (const m of normalised.matchAll(WEEKDAY)) {
      const day = m[1] === '日' || m[1] === '天' ? 7 : chineseNumber(m[1] as string);
      tokens.push(`w${day}`);
    }
  }
  return tokens.length < 2 ? tokens : tokens.sort();
}

/**
 * The signature as sorted 32-bit hashes of its tokens (FNV-1a): what verification compares, millions
 * of times, faster than strings. A hash collision can only hide a contradiction, never invent one.
 */
export function signatureKeys(tokens: readonly string[]): Int32Array {
  const keys = new Int32Array(tokens.length);
  tokens.forEach((token, k) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
    keys[k] = h;
  });
  return keys.sort();
}

/** True when each signature holds a token (or a repetition of one) the other lacks; both ascending. */
export function numbersContradict<T extends string | number>(a: ArrayLike<T>, b: ArrayLike<T>): boolean {
  let onlyA = false;
  let onlyB = false;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as T;
    const y = b[j] as T;
    if (x === y) {
      i++;
      j++;
    } else if (x < y) {
      onlyA = true;
      i++;
    } else {
      onlyB = true;
      j++;
    }
    if (onlyA && onlyB) return true;
  }
  if (i < a.length) onlyA = true;
  if (j < b.length) onlyB = true;
  return onlyA && onlyB;
}
