/**
 * The request part of a text and the data objects it asks for, for 多头报送 (repeated data requests).
 *
 * Request part: the sentences that carry a data-collection verb (报送, 上报, 统计, 摸排, 填报, 发给…)
 * and a data noun (名单, 花名册, 台账, 统计表, 数据…) — the same verbs the demand parser
 * (src/text/deadlines.ts) keys on, plus the collection verbs a request for data uses without a
 * deadline. Data object: a data noun and the content words right before it, cut by jieba
 * ("辖区独居老人的花名册" → 独居 老人 | 花名册). Two requests ask for the same data when their
 * objects' last content word is the same and their content words mostly agree: 独居老人名单 and
 * 独居老人花名册 do; 独居老人名单 and 独居老人走访情况 (a visit, not the list) do not.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { toNfkc, toSimplified } from '../../text/normalise.js';

/** Texts shorter than this carry no request worth comparing (also the store's lookback filter). */
export const MIN_REQUEST_LENGTH = 10;

const VERB =
  /报送|上报|报上来|报来|报给|报至|报一下|报下|报过来|填报|提交|上交|交至|交到|交一下|反馈|汇总|统计|摸排|摸底|排查|核实|核对|收集|整理|梳理|发给|发至|发送至|发到|发我|发一下|发过来|上传|报备|提供/;
const DATA_NOUN =
  /名单|花名册|名册|名录|清单|台账|台帐|明细|档案|底数|数据|人数|数量|信息|情况|底册|\p{sc=Han}表(?![扬示态彰现达决])/u;
const SENTENCE = /[^。！!？?；;\n]+/g;

/** Data nouns as jieba cuts them (some come out fused with a word before, e.g. 面积统计表 stays apart). */
const HEADS = new Set([
  '名单',
  '花名册',
  '名册',
  '名录',
  '清单',
  '台账',
  '台帐',
  '档案',
  '明细',
  '一览表',
  '登记表',
  '信息表',
  '统计表',
  '调查表',
  '汇总表',
  '情况表',
  '报表',
  '表格',
  '表',
  '底数',
  '数据',
  '人数',
  '数量',
  '信息',
  '情况',
  '底册',
]);

/** Words that frame a request but say nothing about the data (where, who, how much of it). */
const GENERIC = new Set([
  '辖区',
  '本辖区',
  '辖区内',
  '全镇',
  '全村',
  '全区',
  '各村',
  '各村社区',
  '各社区',
  '社区',
  '村',
  '本村',
  '本社区',
  '本单位',
  '各单位',
  '单位',
  '相关',
  '有关',
  '最新',
  '全部',
  '所有',
  '目前',
  '现有',
  '基本',
  '详细',
  '具体',
  '一下',
  '一份',
  '份',
  '的',
  '及',
  '和',
  '与',
  '内',
  '中',
  '里',
  '现',
  '本周',
  '本月',
  '本',
  '今年',
  '本年度',
  '年度',
  '当前',
  '截至目前',
  '附件',
  '附表',
  '模板',
  '样表',
  '如下',
  '以下',
]);

/** Tokens that end an object when walking back from its noun: requests, verbs, framing words. */
const STOP =
  /^(请|麻烦|烦请|务必|需要|需|要|把|将|对|于|在|按|以|为|由|向|给|前|后|各|并|再|统一|报送|上报|统计|填报|提交|反馈|汇总|收集|整理|梳理|发给|发至|发送|上传|报备|提供|完成|做好|落实|开展|通知|要求|填写|如实|认真|按照|根据|更新|抓紧|核实|核对|摸排|摸底|补充|完善)$/;

let jieba: Jieba | null = null;
/** Loading the dictionary takes about a second: only when a request is actually found. */
function cutter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

export interface DataObject {
  /** The data noun (名单, 统计表…). */
  noun: string;
  /** Content words before it, in order (generic words left out). */
  terms: string[];
  /** The words as written, from the first content word to the noun. */
  phrase: string;
}

export interface RequestPart {
  /** The request sentences, joined. */
  text: string;
  /** Its words (jieba), punctuation, digits and generic words left out: the TF-IDF document. */
  words: string[];
  objects: DataObject[];
}

const DATA_NOUNS = new RegExp(DATA_NOUN.source, 'g');
/** A verb outside the data nouns (登记 in 登记表 is no request) and a data noun. */
const asks = (s: string) => DATA_NOUN.test(s) && VERB.test(s.replace(DATA_NOUNS, '，'));

/** Heads that come fused with the word before them (人员名单, 进度表): the longest first. */
const FUSED = [...HEADS].filter((h) => h.length >= 2).sort((a, b) => b.length - a.length);

/** The data noun a token is or ends with, and the word fused before it ('' if none). */
function headOf(token: string): { noun: string; prefix: string } | null {
  if (HEADS.has(token)) return { noun: token, prefix: '' };
  for (const h of FUSED)
    if (token.length > h.length + 1 && token.endsWith(h))
      return { noun: h, prefix: token.slice(0, -h.length) };
  // 进度表, 记录表: any table named by a word of two or more characters.
  if (token.length >= 3 && token.endsWith('表') && !/[扬示态彰现达决]表$/.test(token))
    return { noun: '表', prefix: token.slice(0, -1) };
  return null;
}

/** Words that frame any request — when, how urgently, by whom — left out of the TF-IDF document. */
const FRAMING =
  /^(麻烦|烦请|抓紧|尽快|务必|各支部|各网格|网格员|关于|通知|根据|工作|要求|认真|如实|填写|表格)$|周|日前|月底|年底|今天|明天|下班|前$/;

const isWord = (w: string) => /\p{L}/u.test(w) && !/\d/.test(w);

/** The request part of `raw` and its data objects, or null when it asks for no data. */
export function requestPart(raw: string): RequestPart | null {
  if (raw.length < MIN_REQUEST_LENGTH) return null;
  const text = toSimplified(toNfkc(raw));
  if (!asks(text)) return null;
  const sentences = [...text.matchAll(SENTENCE)].map((m) => m[0].trim()).filter(asks);
  if (sentences.length === 0) return null;
  const words: string[] = [];
  const objects: DataObject[] = [];
  for (const sentence of sentences) {
    const tokens = cutter().cut(sentence, false);
    for (const t of tokens)
      if (isWord(t) && t.length >= 2 && !GENERIC.has(t) && !FRAMING.test(t) && !STOP.test(t) && !VERB.test(t))
        words.push(t);
    tokens.forEach((t, i) => {
      const head = headOf(t);
      if (head === null) return;
      const terms: string[] = head.prefix && !GENERIC.has(head.prefix) ? [head.prefix] : [];
      let start = i;
      for (let j = i - 1; j >= 0 && terms.length < 4; j--) {
        let w = tokens[j] as string;
        if (!isWord(w) || STOP.test(w)) break;
        // Another data noun or a framing word inside the object (独居老人信息登记表) names nothing new.
        if (GENERIC.has(w) || HEADS.has(w)) continue;
        if (Array.from(w).length < 2) {
          // A lone character belongs to the word before it (隐患/点 → 隐患点), unless that is
          // speech too ("去核一下信息").
          const before = tokens[j - 1];
          if (
            before === undefined ||
            Array.from(before).length < 2 ||
            !isWord(before) ||
            STOP.test(before) ||
            GENERIC.has(before)
          )
            break;
          w = before + w;
          j--;
        }
        start = j;
        terms.unshift(w);
      }
      // A bare noun ("请报送数据") names no data.
      if (terms.length === 0) return;
      objects.push({ noun: head.noun, terms, phrase: tokens.slice(start, i + 1).join('') });
    });
  }
  return objects.length === 0 ? null : { text: sentences.join('。'), words, objects };
}

/** Character bigrams of the joined words (word cuts differ between wordings: 秋冬种 / 秋冬 种植). */
function bigrams(terms: readonly string[]): Set<string> {
  const chars = Array.from(terms.join(''));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  if (chars.length === 1) out.add(chars[0] as string);
  return out;
}

/**
 * Whether two data objects are the same data: the word right before the noun is the same (what is
 * listed or counted: 老人 in 独居老人名单, not 走访 in 独居老人走访情况), and most of the shorter
 * object's character bigrams occur in the longer one (独居老人 ≠ 高龄老人).
 */
export function sameData(a: DataObject, b: DataObject): boolean {
  if (!sameWord(a.terms[a.terms.length - 1] ?? '', b.terms[b.terms.length - 1] ?? '')) return false;
  const ga = bigrams(a.terms);
  const gb = bigrams(b.terms);
  const [small, large] = ga.size <= gb.size ? [ga, gb] : [gb, ga];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return shared / Math.max(1, small.size) >= 0.6;
}

/** The same word, or a shorter one all of whose characters the longer keeps in order (老人 / 老年人). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (Array.from(short).length < 2) return false;
  let at = 0;
  for (const ch of long) if (ch === Array.from(short)[at]) at++;
  return at === Array.from(short).length;
}
