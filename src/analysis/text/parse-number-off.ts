/**
 * Reads a number-off reply: "1", "2.张伟", "3 李娜", "12、王强 到". Returns null for anything else.
 * Contract: the number (1–999) comes first and is followed by nothing or a short name (at most
 * MAX_NAME characters of letters, '·' or spaces); input longer than 40 characters is never one.
 */
import { splitEmoticons } from './split-emoticons.js';

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
