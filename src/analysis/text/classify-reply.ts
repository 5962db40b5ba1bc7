import { parseNumberOffWords } from './parse-number-off.js';
import { ACK_EMOTICONS, MAX_PHRASE, PHRASES, type PhraseClass, PRAISE_EMOTICONS } from './reply-lexicon.js';
import { splitEmoticons } from './split-emoticons.js';
import { toSimplified } from './to-simplified.js';

/**
 * What a short reply says, if anything:
 * - 'ack': only an acknowledgement or commitment (收到, 好的收到, 收到[OK], 👌, 收到，马上落实, 1);
 * - 'praise': only praise (👍👍, [强], 赞！, 领导辛苦了[玫瑰], 学习了[强]);
 * - 'number-off': a number with at most a name ("2.张伟", "3 李娜"); a bare "1" is 'ack', as it is
 *   in isolation — roll-call detection reads numbers with parseNumberOff instead;
 * - 'other': anything with substance, questions, negations, or text too long to be a reply.
 * An acknowledgement with praise decoration ("收到[强]") is 'ack'.
 */
export type ReplyClass = 'ack' | 'praise' | 'number-off' | 'other';

/** Longer replies carry substance whatever their words. */
const MAX_REPLY_LENGTH = 40;
/** Unknown characters tolerated around the phrases, as one run at the start or end (a name: "李娜收到"). */
const MAX_UNKNOWN = 3;
const STRIP = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\s]/gu;
const QUESTION = /[?？]/;
// Negations and requests turn "收到" into its opposite ("没收到", "收到请回复").
const BLOCKER = /[没未不无别请吗呢么否]/;
const HAN_OR_LATIN = /^[\p{Script=Han}a-z]+$/u;

/**
 * Short replies repeat endlessly ("收到" thousands of times a week, and every detector asks): their
 * classes are memoised. Bounded: the memo is dropped whole when full.
 */
const memo = new Map<string, ReplyClass>();
const MEMO_LIMIT = 100_000;

export function classifyReply(text: string | null): ReplyClass {
  if (text === null || text.length > MAX_REPLY_LENGTH) return 'other';
  let cls = memo.get(text);
  if (cls === undefined) {
    cls = classify(text);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, cls);
  }
  return cls;
}

function classify(text: string): ReplyClass {
  if (QUESTION.test(text)) return 'other';
  const { words, brackets, emoji } = splitEmoticons(text);
  const residue = toSimplified(words.toLowerCase().replace(STRIP, ''));
  // "1" is the conventional "received" (收到请回复1); any other number answers a number-off.
  if (residue === '1') return 'ack';
  if (parseNumberOffWords(words)) return 'number-off';
  let ack = false;
  let praise = false;
  for (const e of [...brackets, ...emoji]) {
    if (ACK_EMOTICONS.has(e)) ack = true;
    else if (PRAISE_EMOTICONS.has(e)) praise = true;
  }
  const found = scanPhrases(residue);
  if (found === null) return 'other';
  ack ||= found.has('ack');
  praise ||= found.has('praise');
  if (ack) return 'ack';
  return praise ? 'praise' : 'other';
}

interface Token {
  cls: PhraseClass | 'unknown';
  text: string;
}

/**
 * Greedy longest-match of the residue against the lexicon. Returns the classes found, or null when
 * the residue holds words outside the lexicon other than names (at most MAX_UNKNOWN characters
 * each, right after 向/为 or right before a title: "向小张学习", "王书记辛苦了") and one such short
 * run at either end ("李娜收到").
 */
function scanPhrases(residue: string): Set<PhraseClass> | null {
  const tokens: Token[] = [];
  // Emoji are gone, so code units are characters here (a stray astral one merely counts double).
  let i = 0;
  while (i < residue.length) {
    let matched = 0;
    for (let len = Math.min(MAX_PHRASE, residue.length - i); len > 0; len--) {
      const text = residue.slice(i, i + len);
      const cls = PHRASES.get(text);
      if (cls) {
        tokens.push({ cls, text });
        matched = len;
        break;
      }
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    const last = tokens[tokens.length - 1];
    if (last?.cls === 'unknown') {
      last.text += residue[i];
      if (last.text.length > MAX_UNKNOWN) return null;
    } else tokens.push({ cls: 'unknown', text: residue[i] as string });
    i++;
  }
  const found = new Set<PhraseClass>();
  let loose = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.cls !== 'unknown') {
      found.add(t.cls);
      continue;
    }
    if (BLOCKER.test(t.text) || !HAN_OR_LATIN.test(t.text)) return null;
    const isName = tokens[k - 1]?.cls === 'preposition' || tokens[k + 1]?.cls === 'title';
    if (isName) continue;
    if ((k !== 0 && k !== tokens.length - 1) || ++loose > 1) return null;
  }
  return found;
}
