/**
 * What a short reply says (收到, 好的, 已完成, a number-off, an emoticon): its grammar, the classifier over
 * the lexicon (reply-lexicon.ts), and a stored message's reply class.
 */

import type { StoredMessage } from '../model/message.js';
import { splitEmoticons, toSimplified } from './normalise.js';
import { ACK_EMOTICONS, MAX_PHRASE, PHRASES, type PhraseClass, PRAISE_EMOTICONS } from './reply-lexicon.js';
import { parseNumberOffWords } from './roll-calls.js';

/**
 * The small grammar of how cadres acknowledge, beyond the lexicon's fixed phrases:
 *
 *   reply      = [who] core [commitment]  |  [who] commitment-with-manner
 *   who        = unit+ [role] [name]  |  role [name]            西湖社区 / 东湖社区李娜 / 网格员李娜 / 3组
 *   core       = the lexicon's acknowledgements                  收到 / 好的 / 明白
 *   commitment = [subject] [object] [time] [manner…] verb… [object] [closing]
 *                                                                今天下班前报送 / 17:00前报送 / 准时参会 /
 *                                                                会准时参加 / 已提交，请查收 / 立即组织排查
 *
 * A unit is a name shape, not a list: a few characters ending in what Chinese units, places and teams
 * are called (…社区, …村, …局, …办, …所, …站, …中心, …组, …网格, 第3网格, 2组). A commitment without a
 * manner word ("17:00前报送") reads as a demand on its own and counts only after an acknowledgement;
 * with one ("准时参会", "已提交", "马上核实") it is a commitment by itself.
 * Texts reach these patterns stripped of punctuation, spaces and emoticons (classifyReply below), at
 * most 40 characters; every quantifier is bounded.
 */

const UNIT_SUFFIX =
  '(?:社区|居委会|村委会|领导班子|班子|专班|工作组|妇联|残联|工会|团委|城管|执法队|交警|消防|物业|村|小组|组|网格|片区|小区|街道|镇|乡|局|分局|办公室|办|所|站|中心|中队|大队|支队|队|卫生院|医院|院|学校|校|科|股|室|部|委|处|党支部|支部|公司|单位|服务部)';
const NUMBER = '[0-9一二三四五六七八九十]{1,3}';
/** A Chinese character that is no negation, request or question word (those make a reply "other"). */
const HAN = '(?:(?![没未不无别请吗呢么否谁啥哪怎什但吧])\\p{Script=Han})';
const UNIT = `(?:第?${NUMBER}${UNIT_SUFFIX}|${HAN}{0,8}?${UNIT_SUFFIX})`;
/** What cadres call themselves in a group: 网格员李娜, 书记, 联络员. */
const ROLE =
  '(?:网格员|网格长|联络员|信息员|专干|社工|村医|民警|辅警|干部|书记|副书记|主任|副主任|站长|所长|队长|组长|局长|负责人|工作人员)';
const NAME = `${HAN}{1,4}`;

/** A unit, place, team or person that prefixes a reply ("东湖社区李娜", "网格员李娜", "3组", "第三网格"). */
const WHO = new RegExp(
  `^(?:${UNIT}{1,3}(?:${ROLE})?(?:${NAME})?|${UNIT}{0,3}${NAME}${ROLE}|${ROLE}(?:${NAME})?)$`,
  'u',
);

export function isReplyPrefix(text: string): boolean {
  return text.length <= 16 && WHO.test(text);
}

const TIME =
  '(?:今天|今日|今晚|今早|明天|明日|明早|明晚|后天|本周[一二三四五六日天]?|下周[一二三四五六日天]?|周[一二三四五六日天]|星期[一二三四五六日天]|上午|下午|中午|晚上|早上|月底|年底|下班|上班|[0-9]{1,2}月[0-9]{1,2}[日号]|[0-9]{1,4}(?:点半?|时)?(?:[0-9]{1,2}分?)?)';
const BEFORE = '(?:前|之前|以前|内|之内|以内)';
/** Urging words: after an acknowledgement they promise ("收到，尽快报送"), alone they urge ("抓紧报送"). */
const URGING = '(?:尽快|抓紧|赶紧|务必)';
const MANNER =
  '(?:马上|立即|立刻|即刻|按时|准时|及时|一定|保证|确保|全力|认真|坚决|积极|按要求|随后|稍后|会|将|已经|已|正在|都)';
const VERB =
  '(?:报送|上报|报告|报|提交|上交|交|完成|办完|参会|参加|出席|到会|到场|到|落实|安排|办理|处理|核实|核查|摸排|排查|统计|反馈|填报|上传|转发|传达|通知|组织|开展|整改|准备|对接|跟进|执行|推进|部署|走访|收集|汇总|发送|发|办|配合|做好|告知|转告|转达|宣传|打印|签字|盖章|联系|入户|提醒|负责|送过去|送达|送|前往|赶到|去)';
const OBJECT =
  '(?:材料|专人|现场|报表|台账|情况|数据|名单|表格|表|照片|图片|资料|信息|人员|文件|任务|工作|到位|完毕|好|(?:至|到|给)?(?:各村|各组|各社区|各网格|各单位|群里|群内|网格群|系统|平台|邮箱|大家|村民|居民|群众))';
const SUBJECT = '(?:我们|我|本单位|我单位|我村|我社区)';
const CLOSING = '(?:请查收|请查阅|请审阅|请审核|请领导审阅|请领导审核|请领导查收)';
const TAIL = '(?:了|的|啦|哈|哦|中)?';

const COMMITMENT = new RegExp(
  `^${SUBJECT}?${OBJECT}?(?:${TIME}{1,3}${BEFORE}?)?(?:(?<manner>${MANNER})|${URGING}){0,3}(?:${VERB}{1,2}${OBJECT}?){1,3}${TAIL}${CLOSING}?$`,
  'u',
);

const DONE = /(?:完毕|到位)(?:了|的|啦|哈|哦|中)?(?:请[\p{Script=Han}]{2,4})?$/u;

export interface Commitment {
  /** Where the commitment starts in the text. */
  start: number;
  /** Whether it says how or that it is done ("准时", "马上", "已"): then it stands alone. */
  manner: boolean;
}

/** Every commitment ending the text, longest first. */
export function* commitmentsEnding(text: string): Generator<Commitment> {
  for (let start = 0; start < text.length; start++) {
    const m = COMMITMENT.exec(text.slice(start));
    // "报送完毕", "落实到位": said as done, it stands alone like a manner word.
    if (m) yield { start, manner: m.groups?.manner !== undefined || DONE.test(m[0]) };
  }
}

/**
 * What a short reply says, if anything:
 * - 'ack': only an acknowledgement or commitment (收到, 好的收到, 收到[OK], 👌, 收到，马上落实, 1), with
 *   whoever answers in front (西湖社区收到, 网格员李娜收到, 3组收到) and what they will do after
 *   (收到，今天下班前报送; 准时参会; 已提交，请查收) — the grammar above;
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
 * each, or a unit-and-name shape of the grammar above, right after 向/为 or right before a title:
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

/**
 * The reply class of a stored message: from its text while the text is stored, else from the class
 * stored with it (storage policy and retention drop the texts of replies; docs/PRIVACY.md).
 */
export function replyClassOf(m: Pick<StoredMessage, 'text' | 'textClass'>): ReplyClass {
  if (m.text !== null) return classifyReply(m.text);
  const c = m.textClass;
  return c === 'ack' || c === 'praise' || c === 'number-off' ? c : 'other';
}
