import { parseNumberOffWords } from './parse-number-off.js';
import { commitmentsEnding, isReplyPrefix } from './reply-grammar.js';
import { ACK_EMOTICONS, MAX_PHRASE, PHRASES, type PhraseClass, PRAISE_EMOTICONS } from './reply-lexicon.js';
import { splitEmoticons } from './split-emoticons.js';
import { toSimplified } from './to-simplified.js';

/**
 * What a short reply says, if anything:
 * - 'ack': only an acknowledgement or commitment (收到, 好的收到, 收到[OK], 👌, 收到，马上落实, 1), with
 *   whoever answers in front (西湖社区收到, 网格员李娜收到, 3组收到) and what they will do after
 *   (收到，今天下班前报送; 准时参会; 已提交，请查收) — the grammar of reply-grammar.ts;
 * - 'praise': only praise (👍👍, [强], 赞！, 领导辛苦了[玫瑰], 学习了[强]);
 * - 'number-off': a number with at most a name ("2.张伟", "3 李娜"); a bare "1" is 'ack', as it is
 *   in isolation — roll-call detection reads numbers with parseNumberOff instead;
 * - 'other': anything with substance, questions, chasers (谁收到了), negations, complaints (收到，但…),
 *   greetings (大家好, 王书记好), or text too long to be a reply.
 * An acknowledgement with praise decoration ("收到[强]") is 'ack'.
 */
export type ReplyClass = 'ack' | 'praise' | 'number-off' | 'other';

/** Longer replies carry substance whatever their words. */
const MAX_REPLY_LENGTH = 40;
/** Unknown characters tolerated around the phrases, as one run at the start or end (a name: "李娜收到"). */
const MAX_UNKNOWN = 3;
/** A longer unknown run is tolerated only when it has the shape of a unit and name ("东湖社区李娜"). */
const MAX_WHO = 16;
const STRIP = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\s]/gu;
const QUESTION = /[?？]/;
// Negations, requests, question words and objections turn "收到" into its opposite ("没收到",
// "收到请回复", "谁收到了", "收到，但系统登不上去").
const BLOCKER = /[没未不无别请吗呢么否谁啥哪怎什但吧]|回复|确认/;
/** Forms of address after which 好 is a greeting ("大家好" is in the lexicon; "王书记好" is not). */
const GREETING_TAIL = /^好[啊呀哈呢]?$/;
const ADDRESSEES = new Set([
  '大家',
  '各位',
  '您',
  '你',
  '们',
  '同事',
  '同仁',
  '朋友',
  '伙伴',
  '战友',
  '家人',
]);
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
  if (
    residue === '1' ||
    (residue.endsWith('1') && residue.length <= 4 && PHRASES.get(residue.slice(0, -1)) === 'ack')
  )
    return 'ack';
  if (parseNumberOffWords(words)) return 'number-off';
  let ack = false;
  let praise = false;
  for (const e of [...brackets, ...emoji]) {
    if (ACK_EMOTICONS.has(e)) ack = true;
    else if (PRAISE_EMOTICONS.has(e)) praise = true;
  }
  const scanned = scanPhrases(residue);
  // Words the lexicon leaves unknown may still be a unit ("网格员谢思波") or a commitment ("已报").
  const found =
    scanned?.has('ack') || scanned?.has('praise')
      ? scanned
      : (withPrefix(residue) ?? withCommitment(residue) ?? scanned);
  if (found === null) return 'other';
  ack ||= found.has('ack');
  praise ||= found.has('praise');
  if (ack) return 'ack';
  return praise ? 'praise' : 'other';
}

/**
 * A reply after whoever answers, when the lexicon splits their name ("网格员谢思波收到": 谢 is a
 * word of thanks too): the longest unit-and-name prefix after which an acknowledgement follows.
 */
function withPrefix(residue: string): Set<PhraseClass> | null {
  for (let k = Math.min(MAX_WHO, residue.length - 1); k > 0; k--) {
    if (!isReplyPrefix(residue.slice(0, k))) continue;
    // Someone's name or title then 好 greets them ("王书记好").
    if (GREETING_TAIL.test(residue.slice(k))) continue;
    const rest = scanPhrases(residue.slice(k));
    if (rest?.has('ack')) return rest;
  }
  return null;
}

/**
 * A reply that ends in a commitment ("收到，今天下班前报送", "东湖社区准时参会"): what comes before it must
 * read as a reply, and hold an acknowledgement unless the commitment says how or that it is done.
 */
function withCommitment(residue: string): Set<PhraseClass> | null {
  for (const c of commitmentsEnding(residue)) {
    if (c.start === 0) {
      if (c.manner) return new Set(['ack']);
      continue;
    }
    const head = residue.slice(0, c.start);
    const found =
      scanPhrases(head) ?? withPrefix(head) ?? (isReplyPrefix(head) ? new Set<PhraseClass>() : null);
    if (found === null || !(found.has('ack') || c.manner)) continue;
    found.add('ack');
    return found;
  }
  return null;
}

interface Token {
  cls: PhraseClass | 'unknown';
  text: string;
}

/**
 * Greedy longest-match of the residue against the lexicon. Returns the classes found, or null when
 * the residue holds words outside the lexicon other than names (at most MAX_UNKNOWN characters
 * each, or a unit-and-name shape of reply-grammar.ts, right after 向/为 or right before a title:
 * "向小张学习", "王书记辛苦了", "向东湖社区学习") and one such run at either end ("李娜收到",
 * "东湖社区李娜收到", "3组收到"). A greeting ("大家好", "王书记好") is reported as 'greeting', never
 * 'ack'; a closing ("请查收") only after an acknowledgement.
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
      if (last.text.length > MAX_WHO) return null;
    } else tokens.push({ cls: 'unknown', text: residue[i] as string });
    i++;
  }
  const found = new Set<PhraseClass>();
  let loose = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.cls !== 'unknown') {
      const previous = tokens[k - 1];
      const greeting =
        t.text === '好' &&
        previous !== undefined &&
        (previous.cls === 'title' || ADDRESSEES.has(previous.text));
      found.add(greeting ? 'greeting' : t.cls);
      continue;
    }
    if (BLOCKER.test(t.text)) return null;
    const who = isReplyPrefix(t.text);
    if (!who && (t.text.length > MAX_UNKNOWN || !HAN_OR_LATIN.test(t.text))) return null;
    const isName = tokens[k - 1]?.cls === 'preposition' || tokens[k + 1]?.cls === 'title';
    if (isName) continue;
    if ((k !== 0 && k !== tokens.length - 1) || ++loose > 1) return null;
  }
  if (found.has('closing') && !found.has('ack')) return null;
  return found;
}
