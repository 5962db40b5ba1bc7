/**
 * Roll calls in text: a #接龙 post and its entries, a request to number off (报数), and the number of
 * a number-off reply.
 */

import type { StoredMessage } from '../model/message.js';
import { splitEmoticons, toNfkc, toSimplified } from './normalise.js';

/**
 * Whether a text is a post of a WeChat "#接龙" roll-call (header line plus a numbered list). Such
 * posts re-send a growing list and are counted as roll-calls, never as notices.
 * Contract: only the start of the text is read (full-width ＃, traditional 接龍, leading blank lines
 * and one @mention line are tolerated), so the cost does not depend on the text's length.
 */
const HEADER = /^[#＃][ \t\u3000]{0,3}接[龙龍]/;
const HEADER_LOOK_AHEAD = 200;

export function isRollCallPost(text: string | null): boolean {
  if (text === null) return false;
  let lines = 0;
  let start = 0;
  while (start < text.length && start < HEADER_LOOK_AHEAD && lines < 3) {
    const nl = text.indexOf('\n', start);
    const end =
      nl < 0 || nl > start + HEADER_LOOK_AHEAD ? Math.min(text.length, start + HEADER_LOOK_AHEAD) : nl;
    const line = text.slice(start, end).trim();
    if (line !== '') {
      if (HEADER.test(line)) return true;
      if (!line.startsWith('@')) return false;
      lines++;
    }
    if (nl < 0) return false;
    start = nl + 1;
  }
  return false;
}

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

/**
 * Whether a text asks the group to number off or join a roll-call ("请大家报数", "请依次回复序号",
 * "请在群里接龙报名"). "收到请回复1" asks for an acknowledgement, not a number-off, and is not one.
 * Contract: one scan of bounded patterns, at most the first 500 characters read.
 */
const REQUEST =
  /报数|报个数|请[^，。！\n]{0,10}接龙|接龙报名|接龙统计|依次回复|依次接龙|依次报|回复序号|按序号|按顺序回复|按顺序报|顺序接龙/;
const REQUEST_LOOK_AHEAD = 500;

export function isNumberOffRequest(text: string | null): boolean {
  if (text === null) return false;
  return REQUEST.test(toSimplified(toNfkc(text.slice(0, REQUEST_LOOK_AHEAD))));
}

/**
 * Reads a number-off reply: "1", "2.张伟", "3 李娜", "12、王强 到". Returns null for anything else.
 * Contract: the number (1–999) comes first and is followed by nothing or a short name (at most
 * MAX_NAME characters of letters, '·' or spaces); input longer than 40 characters is never one.
 */

export interface NumberOff {
  number: number;
  name: string;
}

const MAX_NAME = 8;
const MAX_LENGTH = 40;
// "1小时内", "3个工作日", "2号楼", "3组收到", "5张照片": a number with a unit is not a number-off
// (周 and 张 are surnames too: only 张 before a thing counted is a unit).
const NOT_A_NAME =
  /^(?:个|小时|分|天|日|月|号|点|时|次|人|名|元|年|楼|层|栋|项|份|组|小组|网格|队|村|片|户|条|张(?:照|图|表|相))/;
const ORDINAL = /^第?(\d{1,3})(?:号(?=[\s.．、,，:：\-—]))?/;
const NOTE = /[(（][^()（）]{0,8}[)）]\s*$/;
// Bounded quantifiers only: the whole match is at most ~20 characters, so it cannot backtrack far.
const NUMBER_OFF = /^(\d{1,3})(?:[.．、,，:：)）\-—_\s]{0,3}([\p{L}·][\p{L}· ]{0,15}))?$/u;

export function parseNumberOff(text: string | null): NumberOff | null {
  if (text === null || text.length > MAX_LENGTH) return null;
  return parseNumberOffWords(splitEmoticons(text).words);
}

/** As parseNumberOff, for text already stripped of emoticons by splitEmoticons. */
export function parseNumberOffWords(words: string): NumberOff | null {
  if (words.length > MAX_LENGTH) return null;
  const m = NUMBER_OFF.exec(
    words
      .trim()
      // "第3 张伟", "3号 张伟", "2. 张伟（网格员）": the ordinal's marks and a note in brackets are no name.
      .replace(ORDINAL, '$1')
      .replace(NOTE, ''),
  );
  if (!m) return null;
  const number = Number(m[1]);
  const name = (m[2] ?? '').replace(/\s+/g, '');
  if (number < 1 || name.length > MAX_NAME || NOT_A_NAME.test(name)) return null;
  return { number, name };
}

/**
 * The number of a number-off reply ("2.张伟" → 2): parsed from its text while stored, else the
 * number stored with it (the text of a reply is not kept; docs/PRIVACY.md). Null for anything else.
 */
export function numberOffOf(m: Pick<StoredMessage, 'text' | 'replyNumber'>): number | null {
  if (m.text !== null) return parseNumberOff(m.text)?.number ?? null;
  return m.replyNumber ?? null;
}
