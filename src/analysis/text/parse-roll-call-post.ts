import { isRollCallPost } from './is-roll-call-post.js';
import { toNfkc } from './to-nfkc.js';

/**
 * Reads a WeChat "#接龙" post: the header and description (which identify the chain within a
 * group) and the numbered list, which grows by one line per post and is re-sent whole each time.
 * Contract: linear in the text's length (one split, one bounded regex per line).
 */
export interface RollCallPost {
  /** Header and description with whitespace removed: equal keys in one group are one chain. */
  key: string;
  /** The list's entries, in order: the number shown and the text after it. */
  items: { number: number; text: string }[];
}

const MAX_KEY = 300;
const ITEM = /^\s{0,8}(\d{1,3})\s{0,2}[.．、)）]\s{0,4}(.{0,200})/;
const SPACE = /\s+/g;

export function parseRollCallPost(text: string | null): RollCallPost | null {
  if (text === null || !isRollCallPost(text)) return null;
  const lines = toNfkc(text).split('\n');
  const numbers = lines.map((line) => {
    const m = ITEM.exec(line);
    return m ? Number(m[1]) : 0;
  });
  // The list is the last run that starts at 1: a numbered description above it ("1. 时间…")
  // belongs to the key. Without a 1 (entry deleted) the list starts at the first numbered line.
  let start = numbers.lastIndexOf(1);
  if (start < 0) start = numbers.findIndex((n) => n > 0);
  if (start < 0) start = lines.length;
  const items: RollCallPost['items'] = [];
  for (let i = start; i < lines.length; i++) {
    const n = numbers[i] ?? 0;
    if (n === 0) continue;
    const m = ITEM.exec(lines[i] as string);
    items.push({ number: n, text: (m?.[2] ?? '').trim() });
  }
  const key = lines.slice(0, start).join('').replace(SPACE, '').slice(0, MAX_KEY);
  return { key, items };
}
